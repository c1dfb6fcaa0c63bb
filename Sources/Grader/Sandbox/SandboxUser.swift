// SandboxUser: an unprivileged user id lent to one grading while labgrade runs as root.
import Confinement
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A user id that owns nothing on the machine, held by one grading at a time (a lock file per
/// id, so two labgrade processes never share one). The grading's compiler and oracles run as it:
/// they cannot read what only root may, their processes are counted by `RLIMIT_NPROC`, and when
/// the grading ends every process of the id is killed, wherever it went.
final class SandboxUser: @unchecked Sendable {
    /// The user and group id (the same number).
    let uid: UInt32
    private var lock: FileLock?

    private init(uid: UInt32, lock: FileLock) {
        self.uid = uid
        self.lock = lock
    }

    /// The ids labgrade may lend: `LABGRADE_SANDBOX_UIDS` (`FIRST-LAST`), or 1,024 ids from
    /// 1,900,000,000 when this user namespace maps them (below 2³¹: bubblewrap writes ids as signed
    /// numbers), else the top 1,024 ids below 2³¹ it maps.
    static var range: ClosedRange<UInt32> {
        if let text = ProcessInfo.processInfo.environment["LABGRADE_SANDBOX_UIDS"] {
            let parts = text.split(separator: "-").compactMap { UInt32($0) }
            if parts.count == 2, parts[0] > 0, parts[0] <= parts[1] { return parts[0]...parts[1] }
        }
        let preferred: ClosedRange<UInt32> = 1_900_000_000...1_900_001_023
        let mapped = mappedUserIDs()
        if mapped.contains(where: { $0.contains(preferred.lowerBound) && $0.contains(preferred.upperBound) }) { return preferred }
        guard let widest = mapped.max(by: { $0.count < $1.count }), widest.count > 2_048 else { return preferred }
        return (widest.upperBound - 1_024)...(widest.upperBound - 1)
    }

    /// Borrows a free id from ``range``, locking it under `folder`; `nil` when labgrade is not root.
    static func borrow(locks folder: URL) throws -> SandboxUser? {
        guard geteuid() == 0 else { return nil }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ids = range
        let count = Int(ids.upperBound - ids.lowerBound) + 1
        let start = Int.random(in: 0..<count)
        for step in 0..<count {
            let uid = ids.lowerBound + UInt32((start + step) % count)
            if let lock = try FileLock.tryAcquire(folder.appendingPathComponent("\(uid).lock")) {
                return SandboxUser(uid: uid, lock: lock)
            }
        }
        throw SandboxError.toolMissing("a free sandbox user id", hint: "all \(count) ids of \(ids) are in use; set LABGRADE_SANDBOX_UIDS")
    }

    /// Kills every process of the id (through the helper, which becomes the user to do it), then
    /// frees the id for the next grading.
    func release(helper: URL) {
        guard let lock else { return }
        // posix_spawn and waitpid, not Foundation's Process: this runs on many grading threads at
        // once, beside children of ChildProcess, where Process's exit monitoring was seen to hang.
        let argv = ([helper.path] + ConfinementPlan(user: (uid, uid), seccomp: false, killAll: true).arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        if posix_spawn(&pid, helper.path, nil, nil, argv, environ) == 0 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        lock.release()
        self.lock = nil
    }

    deinit { lock?.release() }

    /// The ranges of user ids this process's user namespace maps (`/proc/self/uid_map`).
    private static func mappedUserIDs() -> [ClosedRange<UInt32>] {
        guard let text = try? String(contentsOfFile: "/proc/self/uid_map", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").compactMap { UInt64($0) }
            guard fields.count == 3, fields[2] > 0, fields[0] < UInt64(Int32.max - 1) else { return nil }
            let last = Swift.min(fields[0] + fields[2] - 1, UInt64(Int32.max - 1))
            return UInt32(fields[0])...UInt32(last)
        }
    }
}
