// OracleSession: one running, sandboxed oracle and the requests sent to it.
import Confinement
import Foundation
import LabKit

/// A submission's oracle process, started in the sandbox; answers requests until closed or faulted.
///
/// After a fault (timeout, crash, protocol violation) the process is killed and the session is
/// finished; the grader starts a new one for the checks that follow.
final class OracleSession: @unchecked Sendable {
    private let launch: Sandbox.Launch
    private var process: ChildProcess { launch.process }
    private let limits: SandboxLimits
    private let isolation: Sandbox.Isolation
    private var nextID = 1
    private var stopped = false

    /// What an answered call measured.
    struct Answer {
        /// The reply.
        var reply: OracleReply
        /// Wall time from sending to receiving, seconds.
        var wallSeconds: Double
        /// CPU time of the whole oracle process tree over the call, when control groups count it.
        var cpuSeconds: Double?
    }

    /// Starts `program` in `sandbox`, with `folder` as its private space where the sandbox keeps
    /// it on the host, `readable` paths and `environment`.
    init(program: URL, sandbox: Sandbox, folder: URL, readable: [URL], environment: [String: String]) throws {
        launch = try sandbox.launch(
            Sandbox.Command(executable: program, readable: readable, hostFolder: folder, environment: environment))
        limits = sandbox.limits
        isolation = sandbox.isolation
    }

    /// Sends `request` and waits up to `timeout` seconds for its reply.
    func call(_ request: OracleRequest, timeout: Double) -> Result<Answer, OracleFault> {
        guard !stopped else { return .failure(.unavailable("the session was already stopped")) }
        var numbered = request
        numbered.id = nextID
        nextID += 1
        let cpuBefore = launch.group?.cpuSeconds
        let start = DispatchTime.now()
        do {
            try WirePipe(descriptor: process.requests).write(numbered.frame, timeout: timeout)
        } catch {
            return .failure(fault(for: error, limit: timeout))
        }
        do {
            // One limit for the whole call: what writing the request took comes off the wait for the answer.
            let left = Swift.max(0, timeout - start.secondsSince)
            let frame = try WirePipe(descriptor: process.replies, maximumPayload: 256 << 20).read(timeout: left)
            let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            // Asked now, not left to the next poll, so the quota's verdict does not depend on timing.
            if launch.watchdog?.checkNow() == true {
                stop()
                return .failure(.diskQuota(bytes: limits.diskBytes, files: limits.inodes))
            }
            let reply = try OracleReply(frame: frame)
            guard reply.id == numbered.id else {
                stop()
                return .failure(.protocolViolation("the answer has id \(reply.id), the question had \(numbered.id)"))
            }
            let cpu = zip2(launch.group?.cpuSeconds, cpuBefore).map { $0 - $1 }
            return .success(Answer(reply: reply, wallSeconds: wall, cpuSeconds: cpu))
        } catch {
            return .failure(fault(for: error, limit: timeout))
        }
    }

    /// Turns a transport error into the student-facing fault, stopping the process; a timeout is
    /// reported with the call's whole `limit`.
    private func fault(for error: any Error, limit: Double) -> OracleFault {
        if case WireError.timedOut = error {
            let diskFull = launch.watchdog?.exceeded == true
            stop()
            return diskFull ? .diskQuota(bytes: limits.diskBytes, files: limits.inodes) : .timeout(seconds: limit)
        }
        // Give a dying process a moment to finish, so its exit status and last words are known.
        for _ in 0..<100 where !process.hasExited { usleep(5_000) }
        let exited = process.hasExited
        let outOfMemory = launch.group?.hitMemoryLimit == true
        let diskFull = launch.watchdog?.exceeded == true
        stop()
        if diskFull { return .diskQuota(bytes: limits.diskBytes, files: limits.inodes) }
        if outOfMemory { return .memoryLimit(bytes: limits.memoryBytes) }
        if exited, let termination = process.termination {
            let stderr = String(process.output(waiting: 1).stderr.text.suffix(2_000))
            if termination == .exited(code: ConfinementError.exitStatus), stderr.contains(ConfinementError.messagePrefix) {
                return .unavailable(stderr.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            switch termination {
            case .exited(let code) where isolation == .bubblewrap && code > 128:
                // bubblewrap passes on a signal death of the program as exit status 128 + signal.
                return .crashed(exitCode: nil, signal: code - 128, stderr: stderr)
            case .exited(let code): return .crashed(exitCode: code, signal: nil, stderr: stderr)
            case .signaled(let signal): return .crashed(exitCode: nil, signal: signal, stderr: stderr)
            }
        }
        if let wire = error as? WireError { return .protocolViolation(wire.description) }
        return .protocolViolation(String(describing: error))
    }

    /// Kills the process group at once.
    func stop() {
        stop(grace: 0)
    }

    private func stop(grace: Double) {
        guard !stopped else { return }
        stopped = true
        launch.stop(grace: grace)
    }

    /// Ends the session: closes the request pipe so a well-behaved oracle exits by itself, kills
    /// whatever is left of its process group, and returns what it printed.
    func finish() -> (stdout: CapturedOutput, stderr: CapturedOutput) {
        stop(grace: 0.5)
        return process.output(waiting: 2)
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
