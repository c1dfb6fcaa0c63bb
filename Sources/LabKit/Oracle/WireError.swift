// WireError: what can be wrong with a frame on the oracle pipes.

/// A problem with a message on the oracle protocol, described for a grading report.
public enum WireError: Error, Equatable, CustomStringConvertible {
    /// The pipe closed before a whole frame arrived (`received` of `expected` bytes).
    case closed(received: Int, expected: Int)
    /// The frame announces more bytes than the limit allows.
    case oversized(bytes: Int, limit: Int)
    /// The frame is not a valid message: bad header, bad JSON, inconsistent blocks.
    case malformed(String)
    /// No complete frame arrived within the time limit.
    case timedOut(seconds: Double)
    /// Reading or writing the pipe failed with `errno`.
    case io(operation: String, errno: Int32)

    /// One sentence for a report.
    public var description: String {
        switch self {
        case .closed(let received, let expected):
            return expected == 0
                ? "the program closed its answer pipe (it exited or crashed) before answering"
                : "the answer was cut off: \(received) of \(expected) bytes arrived before the pipe closed"
        case .oversized(let bytes, let limit):
            return "the answer is \(bytes) bytes, over the \(limit)-byte limit"
        case .malformed(let reason):
            return "the answer is not a valid message: \(reason)"
        case .timedOut(let seconds):
            return "no answer within \(WireError.seconds(seconds))"
        case .io(let operation, let code):
            return "\(operation) failed (errno \(code))"
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? "\((value * 100).rounded() / 100) s" : "\(Int(value.rounded())) s"
    }

    /// A short reason from a decoding error, without Foundation's long debug dumps.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is not a \(type)"
        case DecodingError.dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return String(describing: error)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the value" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
