// SubmissionSource: turns a submission (folder, SwiftPM package, .zip or .tar.gz) into its Swift files.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The Swift files of one submission, copied into a scratch folder with their relative paths.
public struct SubmissionSource: Sendable {
    /// Where the submission came from, as given.
    public let origin: URL
    /// The folder holding the copied files.
    public let folder: URL
    /// The files' paths relative to `folder` (and to the submission), sorted.
    public let files: [String]
    /// Files left out and why (e.g. a `main.swift`, since the grader provides the entry point).
    public let ignored: [String]

    /// Copies the Swift sources of `origin` into `scratch/src`; archives are unpacked in-process
    /// by ``ArchiveUnpacker`` first.
    ///
    /// A package's `Package.swift`, `Tests/`, `.build*/`, hidden folders and packages inside it (an
    /// exported starter's `LabKit/`) are skipped; so is any
    /// `main.swift`, and any link (named in ``ignored``: a link is never followed). A folder is
    /// read under the same caps as an archive. Throws ``BuildError/unreadableSubmission(path:reason:)``
    /// when `origin` does not exist, and a ``SubmissionProblem`` for what is wrong with the
    /// submission itself (grading turns that into a result).
    public static func collect(_ origin: URL, into scratch: URL, limits: ArchiveLimits = ArchiveLimits()) throws -> SubmissionSource {
        let manager = FileManager.default
        var info = stat()
        guard lstat(origin.path, &info) == 0 || stat(origin.path, &info) == 0 else {
            throw BuildError.unreadableSubmission(path: origin.path, reason: "no such file or folder")
        }
        var root = origin
        if (info.st_mode & S_IFMT) != S_IFDIR {
            root = scratch.appendingPathComponent("unpacked")
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            do {
                _ = try ArchiveUnpacker.unpack(origin, into: root, limits: limits)
            } catch let error as ArchiveError {
                throw SubmissionProblem(description: "\(error)")
            }
        }
        let folder = scratch.appendingPathComponent("src")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        var walk = Walk(limits: limits)
        try walk.visit(root.resolvingSymlinksInPath().path, relative: "", depth: 0)
        var files = [String]()
        var ignored = walk.ignored
        for relative in walk.found {
            if (relative as NSString).lastPathComponent == "main.swift" {
                ignored.append("\(relative): the grader provides the program's entry point")
                continue
            }
            let target = folder.appendingPathComponent(relative)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try copy(root.resolvingSymlinksInPath().appendingPathComponent(relative), to: target)
            files.append(relative)
        }
        guard !files.isEmpty else {
            throw SubmissionProblem(description: "no .swift files in the submission \(origin.lastPathComponent)"
                + (ignored.isEmpty ? "" : " (left out: \(ignored.joined(separator: "; ")))"))
        }
        return SubmissionSource(origin: origin, folder: folder, files: files.sorted(), ignored: ignored)
    }

    /// The `.swift` files under a folder, found without following a link and under the caps.
    private struct Walk {
        let limits: ArchiveLimits
        var found = [String]()
        var ignored = [String]()
        var entries = 0
        var bytes = 0

        mutating func visit(_ path: String, relative: String, depth: Int) throws {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            var names = [String]()
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            let isPackage = names.contains("Package.swift")
            for name in names.sorted() {
                entries += 1
                guard entries <= limits.entries else {
                    throw SubmissionProblem(description: "the submission holds more than \(limits.entries) files and folders")
                }
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                if name.hasPrefix(".") || name == "Tests" || name.hasPrefix(".build") || name == "__MACOSX" { continue }
                if kind == S_IFLNK {
                    if name.hasSuffix(".swift") || depth == 0 { ignored.append("\(child): a link; links are not followed") }
                    continue
                }
                if kind == S_IFDIR {
                    guard depth < limits.depth else {
                        throw SubmissionProblem(description: "\(child) is more than \(limits.depth) folders deep")
                    }
                    // A package inside the package (an exported starter's LabKit/) is a dependency.
                    if isPackage, SubmissionSource.isPackage(path + "/" + name) {
                        ignored.append("\(child)/: a package of its own, a dependency rather than part of the submission")
                        continue
                    }
                    try visit(path + "/" + name, relative: child, depth: depth + 1)
                    continue
                }
                guard kind == S_IFREG, name.hasSuffix(".swift"), name != "Package.swift" else { continue }
                guard Int(info.st_size) <= limits.fileBytes else {
                    throw SubmissionProblem(description: "\(child) is \(info.st_size) bytes, over the \(limits.fileBytes >> 20) MB a source file may have")
                }
                bytes += Int(info.st_size)
                guard bytes <= limits.totalBytes else {
                    throw SubmissionProblem(description: "the submission's Swift files come to more than \(limits.totalBytes >> 20) MB")
                }
                found.append(child)
            }
        }
    }

    /// Whether the folder at `path` is a Swift package: it holds a regular `Package.swift`.
    static func isPackage(_ path: String) -> Bool {
        var info = stat()
        return lstat(path + "/Package.swift", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Copies a regular file without following a link in its place.
    private static func copy(_ source: URL, to target: URL) throws {
        let input = open(source.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw SubmissionProblem(description: "\(source.lastPathComponent) cannot be read: \(String(cString: strerror(errno)))") }
        defer { close(input) }
        let output = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw BuildError.unreadableSubmission(path: target.path, reason: String(cString: strerror(errno))) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            var written = 0
            while written < n {
                let m = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, n - written) }
                guard m > 0 else { throw BuildError.unreadableSubmission(path: target.path, reason: String(cString: strerror(errno))) }
                written += m
            }
        }
    }
}

/// Something wrong with a submission itself — a refused archive, no Swift file, a file over a
/// cap. Grading reports it as the submission's result (every check in error, the reason in the
/// build section), so a batch records it like any other grade.
public struct SubmissionProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the file or entry.
    public var description: String
}
