// DiskWatchdog: notices when a sandboxed program uses up its disk quota, so the check in progress
// fails with a message that says so (the quota itself is enforced by the tmpfs, or by this).
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Polls a program's private space every 50 ms and stops the program once it has filled it:
/// 7/8 of the bytes or of the files in use (a program that writes until a write fails ends a
/// little short of the whole; no lab writes files at all). The session also asks once more
/// after every answer (``checkNow()``), so whether a check sees the quota does not depend on
/// when the last poll happened.
///
/// Under bubblewrap the space is a tmpfs of exactly the quota's size and file count, mounted in
/// the sandbox; the watchdog reads its usage through `/proc/<sandbox init>/root/scratch` and only
/// has to tell the student why their writes failed. Without bubblewrap the space is a folder
/// owned by the grading's own user; the watchdog adds up what that user has there and in the
/// machine's world-writable folders, and is what enforces the quota.
final class DiskWatchdog: @unchecked Sendable {
    /// Where the program's bytes are counted.
    enum Space {
        /// The tmpfs inside the bubblewrap sandbox whose launcher (the helper's reaper) is `launcher`.
        case sandboxTmpfs(launcher: pid_t)
        /// Folders on the host, and the user id whose files in the world-writable folders count too.
        case hostFolders([URL], uid: UInt32?)
    }

    /// The folders anyone may write to, where a program's files would escape its own folder.
    static let worldWritable = ["/tmp", "/var/tmp", "/dev/shm", "/run/lock"]

    private let space: Space
    private let limits: SandboxLimits
    private let onExceeded: @Sendable () -> Void
    private let lock = NSLock()
    private var stopped = false
    private var tripped = false

    /// Starts watching `space` against `limits`; `onExceeded` runs once, on the watchdog's thread.
    init(_ space: Space, limits: SandboxLimits, onExceeded: @escaping @Sendable () -> Void) {
        self.space = space
        self.limits = limits
        self.onExceeded = onExceeded
        let thread = Thread { [self] in watch() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Whether the program used up its quota.
    var exceeded: Bool { lock.withLock { tripped } }

    /// Ends the watch.
    func stop() { lock.withLock { stopped = true } }

    private func watch() {
        while !lock.withLock({ stopped }) {
            if checkNow() { return }
            usleep(50_000)
        }
    }

    /// Looks at the space now; when it is filled, marks the quota exceeded, stops the program
    /// (once) and returns true.
    @discardableResult
    func checkNow() -> Bool {
        if exceeded { return true }
        guard isFilled() else { return false }
        let first = lock.withLock { () -> Bool in
            defer { tripped = true }
            return !tripped
        }
        if first { onExceeded() }
        return true
    }

    /// Whether `used` of `limit` counts as filled.
    private static func filled(_ used: Int, of limit: Int) -> Bool { used >= limit - limit / 8 }

    private func isFilled() -> Bool {
        switch space {
        case .sandboxTmpfs(let launcher):
            // launcher (the helper's reaper) → bubblewrap → the sandbox's init, whose root is the sandbox's.
            guard let bubblewrap = DiskWatchdog.firstChild(of: launcher), let inside = DiskWatchdog.firstChild(of: bubblewrap) else {
                return false
            }
            var usage = statvfs()
            guard statvfs("/proc/\(inside)/root\(Sandbox.insideScratch)", &usage) == 0 else { return false }
            let size = Int(usage.f_blocks) * Int(usage.f_frsize)
            // Only the quota's own tmpfs counts: until the helper has mounted it, the folder is bubblewrap's.
            guard abs(size - limits.diskBytes) <= Int(usage.f_frsize) else { return false }
            let usedBytes = Int(usage.f_blocks - usage.f_bfree) * Int(usage.f_frsize)
            let usedFiles = Int(usage.f_files) - Int(usage.f_ffree)
            return DiskWatchdog.filled(usedBytes, of: limits.diskBytes) || DiskWatchdog.filled(usedFiles, of: limits.inodes)
        case .hostFolders(let folders, let uid):
            var total = Usage()
            for folder in folders { total.add(folder.path, owner: nil, depth: 0) }
            if let uid {
                for folder in DiskWatchdog.worldWritable { total.addEntries(of: folder, owner: uid) }
            }
            return DiskWatchdog.filled(total.bytes, of: limits.diskBytes) || DiskWatchdog.filled(total.files, of: limits.inodes)
        }
    }

    /// The first child of a process (`/proc/<pid>/task/<pid>/children`).
    static func firstChild(of launcher: pid_t) -> pid_t? {
        guard let text = try? String(contentsOfFile: "/proc/\(launcher)/task/\(launcher)/children", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Bytes (allocated) and entries under a folder, never following a link.
    private struct Usage {
        var bytes = 0
        var files = 0

        mutating func add(_ path: String, owner: UInt32?, depth: Int) {
            var info = stat()
            guard lstat(path, &info) == 0, owner == nil || info.st_uid == owner! else { return }
            bytes += Int(info.st_blocks) * 512
            files += 1
            guard (info.st_mode & S_IFMT) == S_IFDIR, depth < 64, let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                add(path + "/" + name, owner: nil, depth: depth + 1)
                if files > 1_000_000 { return }
            }
        }

        /// The entries of `folder` that `owner` made, with everything under them.
        mutating func addEntries(of folder: String, owner: UInt32) {
            guard let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                add(folder + "/" + name, owner: owner, depth: 1)
            }
        }
    }
}
