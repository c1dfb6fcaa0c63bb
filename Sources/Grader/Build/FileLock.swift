// FileLock: an exclusive advisory lock on a file, between processes and threads alike.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` lock, held from ``acquire(_:)`` until ``release()``.
///
/// Each acquisition opens the file anew, so two threads of one process exclude each other as two
/// processes do; the kernel drops the lock when its holder exits, even by `kill -9`, so a crashed
/// holder never leaves it taken.
final class FileLock {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Waits until `file` (created if missing) is locked by this caller alone.
    static func acquire(_ file: URL) throws -> FileLock {
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BuildError.lockFailed(path: file.path, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw BuildError.lockFailed(path: file.path, reason: reason)
            }
        }
        return FileLock(descriptor: descriptor)
    }

    /// Locks `file` (created if missing) when no one else holds it; `nil` when someone does.
    static func tryAcquire(_ file: URL) throws -> FileLock? {
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw BuildError.lockFailed(path: file.path, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            return nil
        }
        return FileLock(descriptor: descriptor)
    }

    /// Lets the next waiter in.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
