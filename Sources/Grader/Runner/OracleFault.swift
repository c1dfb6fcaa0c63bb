// OracleFault: why a submission's program gave no usable answer.
import Foundation
import LabKit

/// A failure of the submission's process to answer, as the report explains it.
public enum OracleFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer within the time limit (seconds); the process was killed.
    case timeout(seconds: Double)
    /// The process ended: exit code or signal, and the end of what it printed on stderr.
    case crashed(exitCode: Int32?, signal: Int32?, stderr: String)
    /// The process was killed for using more memory than allowed (bytes).
    case memoryLimit(bytes: Int)
    /// The process wrote more than its private space holds (bytes, or files) and was stopped.
    case diskQuota(bytes: Int, files: Int)
    /// The answer broke the protocol: garbage, a short or oversized frame, a wrong id.
    case protocolViolation(String)
    /// The program could not be started (a grader problem, not the student's).
    case unavailable(String)

    /// One or two sentences a student can act on.
    public var description: String {
        switch self {
        case .timeout(let seconds):
            return "no answer within \(Seconds.text(seconds)); the program was stopped. "
                + "Look for an endless loop, or for code much slower than a vectorised version."
        case .crashed(let code, let signal, let stderr):
            let how = signal.map { "was killed by \(OracleFault.signalName($0))" } ?? "exited with code \(code ?? -1)"
            let tail = stderr.isEmpty ? "" : " Its last output:\n\(stderr)"
            return "the program \(how) while answering.\(tail)"
        case .memoryLimit(let bytes):
            return "the program used more than \(bytes >> 20) MB of memory and was stopped."
        case .diskQuota(let bytes, let files):
            return "the program filled its private disk space (\(bytes >> 20) MB, \(files) files and folders) and was stopped. "
                + "No lab needs to write files: keep results in memory."
        case .protocolViolation(let reason):
            return "the program's answer could not be read: \(reason). (Writing to file descriptor 4 breaks the grader's channel.)"
        case .unavailable(let reason):
            return "the program could not be started: \(reason)"
        }
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGILL: "SIGILL (a Swift runtime trap: fatalError, a failed precondition, an index out of range, an overflow)",
            SIGTRAP: "SIGTRAP (a Swift runtime trap)", SIGSEGV: "SIGSEGV (an invalid memory access)",
            SIGABRT: "SIGABRT (abort)", SIGKILL: "SIGKILL", SIGXCPU: "SIGXCPU (the CPU-time limit)",
            SIGXFSZ: "SIGXFSZ (the file-size limit)", SIGFPE: "SIGFPE (an arithmetic fault)", SIGBUS: "SIGBUS",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}
