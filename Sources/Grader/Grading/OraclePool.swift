// OraclePool: the running oracles of one submission, started on demand and restarted after faults.
import Foundation
import LabKit

/// Routes each request to the oracle program that serves its exercise.
///
/// A session stays up across checks; a fault stops it and the next request starts a fresh one, so
/// one crash costs one check. Output from every session is kept (capped) for the report.
final class OraclePool: @unchecked Sendable {
    private let build: OracleBuild
    private let sandbox: Sandbox
    private let folder: URL
    private let readable: [URL]
    private var sessions: [URL: OracleSession] = [:]
    private var stdout = ""
    private var stderr = ""
    private var truncated = false
    private var starts = 0

    init(build: OracleBuild, sandbox: Sandbox, folder: URL, readable: [URL]) {
        self.build = build
        self.sandbox = sandbox
        self.folder = folder
        self.readable = readable
    }

    /// Whether the student's code for `exercise` compiled.
    func serves(_ exercise: String) -> Bool { build.compiled(exercise) }

    /// Sends `request` to the program for `exercise`, within `timeout` seconds.
    func call(_ request: OracleRequest, exercise: String, timeout: Double) -> Result<OracleSession.Answer, OracleFault> {
        guard let program = build.oracle(for: exercise) else {
            return .failure(.unavailable("the exercise did not compile"))
        }
        let session: OracleSession
        if let running = sessions[program] {
            session = running
        } else {
            do {
                starts += 1
                session = try OracleSession(
                    program: program, sandbox: sandbox, folder: folder.appendingPathComponent("run-\(starts)"),
                    readable: readable, environment: [:])
            } catch {
                return .failure(.unavailable("\(error)"))
            }
            sessions[program] = session
        }
        let outcome = session.call(request, timeout: timeout)
        if case .failure = outcome {
            collect(session.finish())
            sessions[program] = nil
        }
        return outcome
    }

    /// Stops every session and returns what the submission printed in all of them.
    func finish() -> GradingResult.OutputInfo {
        for session in sessions.values { collect(session.finish()) }
        sessions.removeAll()
        return GradingResult.OutputInfo(stdout: stdout, stderr: stderr, truncated: truncated)
    }

    private func collect(_ output: (stdout: CapturedOutput, stderr: CapturedOutput)) {
        let cap = sandbox.limits.outputBytes
        for (text, captured) in [(\OraclePool.stdout, output.stdout), (\OraclePool.stderr, output.stderr)] {
            let room = Swift.max(0, cap - self[keyPath: text].utf8.count)
            self[keyPath: text] += String(captured.text.prefix(room))
            truncated = truncated || captured.truncated || captured.text.utf8.count > room
        }
    }
}
