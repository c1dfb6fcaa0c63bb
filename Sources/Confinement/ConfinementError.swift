// ConfinementError: why a program could not be confined as asked.
#if canImport(Glibc)
import Glibc
#endif

/// A failure to set up a confinement step; the helper prints it and exits with ``exitStatus``.
public enum ConfinementError: Error, Equatable, CustomStringConvertible {
    /// A system call failed.
    case system(call: String, errno: Int32)
    /// The helper's arguments are not what it understands.
    case badArguments(String)
    /// This machine cannot do it.
    case unsupported(String)

    /// The exit status of a helper that could not confine its program: grading tells it apart
    /// from the program's own statuses by the message on stderr that starts with ``messagePrefix``.
    public static let exitStatus: Int32 = 125

    /// How the helper's messages start.
    public static let messagePrefix = "labgrade-confine: "

    public var description: String {
        switch self {
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .badArguments(let reason): return "bad arguments: \(reason)"
        case .unsupported(let reason): return reason
        }
    }
}

/// The calling thread's `errno`.
func errnoValue() -> Int32 { errno }
