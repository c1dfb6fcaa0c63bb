// SandboxError: why an oracle could not be started.
import Foundation

/// A failure to start or confine a submission's process; grading cannot go on without one.
public enum SandboxError: Error, Equatable, CustomStringConvertible {
    /// `posix_spawn` or `pipe` failed.
    case spawnFailed(program: String, errno: Int32)
    /// A required tool is missing.
    case toolMissing(String, hint: String)

    /// What failed and what to do.
    public var description: String {
        switch self {
        case .spawnFailed(let program, let code):
            return "cannot start \(program): \(String(cString: strerror(code))) (errno \(code))"
        case .toolMissing(let tool, let hint):
            return "\(tool) is missing: \(hint)"
        }
    }
}
