// OraclePool: the running oracles of one submission, started on demand and restarted after faults.
import Foundation
import LabKit

/// Routes each request to the oracle program that serves its exercise, in the request's lane.
///
/// A session stays up across checks; a fault stops it and the next request starts a fresh one, so
/// one crash costs one check. Each ``CheckLanes`` lane has its own sessions, so two lanes can call
/// at once from two threads. Output from every session is kept (capped) for the report.
final class OraclePool: @unchecked Sendable {
    private struct SessionKey: Hashable {
        var lane: Int
        var program: URL
    }

    private let build: OracleBuild
    private let sandbox: Sandbox
    private let folder: URL
    private let readable: [URL]
    /// Guards everything below; a call itself runs outside it.
    private let lock = NSLock()
    private var sessions: [SessionKey: OracleSession] = [:]
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

    /// Sends `request` to the program for `exercise` in `lane`, within `timeout` seconds.
    func call(_ request: OracleRequest, exercise: String, lane: Int, timeout: Double) -> Result<OracleSession.Answer, OracleFault> {
        guard let program = build.oracle(for: exercise) else {
            return .failure(.unavailable("the exercise did not compile"))
        }
        let key = SessionKey(lane: lane, program: program)
        let session: OracleSession
        do {
            session = try self.session(for: key)
        } catch {
            return .failure(.unavailable("\(error)"))
        }
        let outcome = session.call(request, timeout: timeout)
        if case .failure = outcome {
            let output = session.finish()
            lock.withLock {
                collect(output)
                sessions[key] = nil
            }
        }
        return outcome
    }

    /// Stops every session and returns what the submission printed in all of them.
    func finish() -> GradingResult.OutputInfo {
        lock.withLock {
            for key in sessions.keys.sorted(by: { ($0.lane, $0.program.path) < ($1.lane, $1.program.path) }) {
                collect(sessions[key]!.finish())
            }
            sessions.removeAll()
            return GradingResult.OutputInfo(stdout: stdout, stderr: stderr, truncated: truncated)
        }
    }

    /// The running session for `key`, or a fresh one in its own folder.
    private func session(for key: SessionKey) throws -> OracleSession {
        let run: Int
        do {
            lock.lock()
            defer { lock.unlock() }
            if let running = sessions[key] { return running }
            starts += 1
            run = starts
        }
        let session = try OracleSession(
            program: key.program, sandbox: sandbox, folder: folder.appendingPathComponent("run-\(run)"),
            readable: readable, environment: [:])
        lock.withLock { sessions[key] = session }
        return session
    }

    /// Appends a finished session's output; the caller holds `lock`.
    private func collect(_ output: (stdout: CapturedOutput, stderr: CapturedOutput)) {
        let cap = sandbox.limits.outputBytes
        for (text, captured) in [(\OraclePool.stdout, output.stdout), (\OraclePool.stderr, output.stderr)] {
            let room = Swift.max(0, cap - self[keyPath: text].utf8.count)
            self[keyPath: text] += String(captured.text.prefix(room))
            truncated = truncated || captured.truncated || captured.text.utf8.count > room
        }
    }
}
