// FileTree: removing and handing over folders a sandboxed program may have written, never through a link.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Operations on trees a submission could have touched. Every step goes through descriptors
/// opened with `O_NOFOLLOW` relative to their parent, so a link the program made (to the
/// checkout, say) is removed or skipped, never followed.
enum FileTree {
    /// Removes `path` and everything under it; a link is removed itself. Missing is fine.
    static func remove(_ path: URL) {
        let parent = open(path.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { return }
        defer { close(parent) }
        removeEntry(path.lastPathComponent, in: parent)
    }

    /// Removes every entry of `folder` owned by `uid`, with what is under it.
    static func removeEntries(of folder: String, ownedBy uid: UInt32) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        for name in entries(of: descriptor) {
            var info = stat()
            if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_uid == uid { removeEntry(name, in: descriptor) }
        }
    }

    /// Gives `folder` and everything under it to `uid` (and its group), owner-only; links are
    /// given over themselves, never followed.
    static func handOver(_ folder: URL, to uid: UInt32) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        fchown(descriptor, uid, uid)
        fchmod(descriptor, 0o700)
        handOverEntries(of: descriptor, to: uid, depth: 0)
    }

    private static func handOverEntries(of directory: Int32, to uid: UInt32, depth: Int) {
        for name in entries(of: directory) {
            var info = stat()
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            fchownat(directory, name, uid, uid, AT_SYMLINK_NOFOLLOW)
            guard (info.st_mode & S_IFMT) == S_IFDIR, depth < 64 else { continue }
            let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard child >= 0 else { continue }
            handOverEntries(of: child, to: uid, depth: depth + 1)
            close(child)
        }
    }

    private static func removeEntry(_ name: String, in parent: Int32) {
        if unlinkat(parent, name, 0) == 0 || errno == ENOENT { return }
        let child = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard child >= 0 else { return }
        for entry in entries(of: child) { removeEntry(entry, in: child) }
        close(child)
        unlinkat(parent, name, AT_REMOVEDIR)
    }

    /// The names in an open folder, without `.` and `..`.
    private static func entries(of descriptor: Int32) -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else { return [] }
        defer { closedir(directory) }
        var names = [String]()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
