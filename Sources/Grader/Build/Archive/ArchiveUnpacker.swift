// ArchiveUnpacker: unpacks the Swift files of a submitted archive, in-process and bounded.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a `.zip`, `.tar`, `.tar.gz` or `.tgz` in memory and writes its `.swift` files into a
/// fresh folder. Nothing of the archive is trusted: the whole archive is refused, with a message
/// naming the entry, for an absolute path, a `..`, a link, a device or FIFO, a name that is not
/// UTF-8 or holds control characters, an entry twice, or more entries, bytes, depth or name
/// length than ``ArchiveLimits`` allow. Only regular files and folders are ever made, each with
/// `O_EXCL | O_NOFOLLOW` under folders this code made, so no write can go through a link.
public enum ArchiveUnpacker {
    /// Whether `url` names an archive this reads, by its extension.
    public static func isArchive(_ url: URL) -> Bool { format(of: url) != nil }

    /// Unpacks `archive` into `folder` (which must exist and be empty); returns the Swift files
    /// written, relative to `folder`.
    public static func unpack(_ archive: URL, into folder: URL, limits: ArchiveLimits = ArchiveLimits()) throws -> [String] {
        guard let format = format(of: archive) else {
            throw ArchiveError.malformed("expected a folder, a .zip, a .tar, a .tar.gz or a .tgz")
        }
        let bytes = try read(archive, limit: limits.totalBytes * 2 + (1 << 20))
        return try unpack(bytes, format: format, into: folder, limits: limits)
    }

    enum Format { case zip, tar, gzippedTar }

    static func format(of url: URL) -> Format? {
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".zip") { return .zip }
        if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") { return .gzippedTar }
        if name.hasSuffix(".tar") { return .tar }
        return nil
    }

    /// Unpacks archive `bytes` of `format` (the fuzzer's way in: no file needed).
    static func unpack(_ bytes: [UInt8], format: Format, into folder: URL, limits: ArchiveLimits) throws -> [String] {
        let entries: [ArchiveEntry]
        switch format {
        case .zip:
            entries = try ZipArchive.entries(bytes)
        case .tar:
            entries = try TarArchive.entries(bytes)
        case .gzippedTar:
            let tar = try bytes.withUnsafeBytes { raw in
                try BoundedInflate.inflate(raw, framing: .gzip, limit: limits.totalBytes * 2 + (1 << 20), what: "the .tar.gz")
            }
            entries = try TarArchive.entries(tar)
        }
        guard entries.count <= limits.entries else {
            throw ArchiveError.overLimit("it holds \(entries.count) entries, more than \(limits.entries)")
        }
        var seen = Set<[String]>()
        var total = 0
        var written = [String]()
        for entry in entries {
            let components = try validate(entry, limits: limits)
            guard !components.isEmpty else { continue }
            guard seen.insert(components).inserted else {
                throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it appears twice")
            }
            switch entry.kind {
            case .directory:
                try makeFolders(components, under: folder, entry: entry)
            case .file:
                guard entry.size <= limits.fileBytes else {
                    throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it is \(entry.size) bytes, over the \(limits.fileBytes >> 20) MB a file may have")
                }
                total += entry.size
                guard total <= limits.totalBytes else {
                    throw ArchiveError.overLimit("its files unpack to more than \(limits.totalBytes >> 20) MB")
                }
                guard components.last!.hasSuffix(".swift") else { continue }
                try makeFolders(Array(components.dropLast()), under: folder, entry: entry)
                try write(entry.contents(limits.fileBytes), to: folder.appendingPathComponent(components.joined(separator: "/")), entry: entry)
                written.append(components.joined(separator: "/"))
            case .symbolicLink, .hardLink:
                throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it is a link; hand in the file itself")
            case .device:
                throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it is a device")
            case .fifo:
                throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it is a FIFO")
            case .other(let code):
                throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it is of tar type \"\(code)\", which holds no source")
            }
        }
        return written.sorted()
    }

    /// The entry's path components (`.` and a leading `./` dropped), or why the name is refused.
    private static func validate(_ entry: ArchiveEntry, limits: ArchiveLimits) throws -> [String] {
        let refuse = { (reason: String) in ArchiveError.refusedEntry(entry: entry.displayName, reason: reason) }
        guard let name = String(validating: entry.name, as: UTF8.self) else { throw refuse("its name is not UTF-8") }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw refuse("its name holds control characters")
        }
        guard !name.contains("\\") else { throw refuse("its name holds a backslash") }
        guard !name.hasPrefix("/") else { throw refuse("it is an absolute path") }
        guard entry.name.count <= limits.pathBytes else { throw refuse("its path is longer than \(limits.pathBytes) bytes") }
        let components = name.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        guard !components.contains("..") else { throw refuse("it climbs out of the submission with ..") }
        guard components.count <= limits.depth else { throw refuse("it is more than \(limits.depth) folders deep") }
        guard components.allSatisfy({ $0.utf8.count <= limits.nameBytes }) else {
            throw refuse("a part of its name is longer than \(limits.nameBytes) bytes")
        }
        return components
    }

    private static func makeFolders(_ components: [String], under folder: URL, entry: ArchiveEntry) throws {
        var path = folder.path
        for component in components {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "its folder cannot be made (\(String(cString: strerror(errno))))")
            }
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "a file of the archive is in the way of its folder")
            }
        }
    }

    private static func write(_ bytes: [UInt8], to file: URL, entry: ArchiveEntry) throws {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it cannot be written (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ArchiveError.refusedEntry(entry: entry.displayName, reason: "it cannot be written (\(String(cString: strerror(errno))))") }
            offset += n
        }
    }

    /// The archive's bytes, refusing a file larger than `limit` before reading it.
    private static func read(_ archive: URL, limit: Int) throws -> [UInt8] {
        let descriptor = open(archive.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BuildError.unreadableSubmission(path: archive.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw BuildError.unreadableSubmission(path: archive.path, reason: "not a regular file")
        }
        guard Int(info.st_size) <= limit else { throw ArchiveError.overLimit("the file is \(info.st_size) bytes, over \(limit)") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw BuildError.unreadableSubmission(path: archive.path, reason: "it ended while being read") }
            offset += n
        }
        return bytes
    }
}
