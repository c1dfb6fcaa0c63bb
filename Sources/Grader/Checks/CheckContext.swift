// CheckContext: what a running check can use — the driver, the submission's oracles, a seeded generator.
import Foundation
import LabKit

/// The means of one check: its manifest entry, the lab driver, the oracles and the time left.
struct CheckContext {
    /// The check being run.
    let check: Check
    /// The lab's driver.
    let driver: any LabDriver
    /// The submission's oracles.
    let pool: OraclePool
    /// The check's own generator, derived from the run's seed and the check's position.
    var random: NumPyRandomState
    /// When the submission's whole time budget runs out.
    let deadline: DispatchTime
    /// The check's position in the assignment.
    let index: Int
    /// The reference's side of the checks, computed on its own thread.
    let ahead: ReferenceAhead
    /// The ``CheckLanes`` lane the check runs in: its oracle sessions are the lane's own.
    var lane = 0
    /// A student's preview (`labgrade check`): messages and diagnoses leave the expected values out.
    var withholdsExpected = false

    /// Seconds left in the submission's budget.
    var remainingSeconds: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= deadline.uptimeNanoseconds ? 0 : Double(deadline.uptimeNanoseconds - now) / 1e9
    }

    /// Calls the submission, within the check's time limit and the budget left.
    func call(_ request: OracleRequest, timeout: Double? = nil) -> OracleCallOutcome {
        let limit = Swift.min(timeout ?? check.timeLimitSeconds, remainingSeconds)
        guard limit > 0 else { return .failure(.timeout(seconds: 0)) }
        return pool.call(request, exercise: request.exercise, lane: lane, timeout: limit).map(\.reply)
    }

    /// Calls the submission and reports the wall and CPU time it took.
    func timedCall(_ request: OracleRequest, timeout: Double) -> Result<OracleSession.Answer, OracleFault> {
        let limit = Swift.min(timeout, remainingSeconds)
        guard limit > 0 else { return .failure(.timeout(seconds: 0)) }
        return pool.call(request, exercise: request.exercise, lane: lane, timeout: limit)
    }

    /// The check's instances with the reference's replies (prepared ahead on the reference's
    /// thread); the check's generator continues from where drawing them left it.
    mutating func instances() throws -> [ReferenceAhead.Instance] {
        let prepared = try ahead.instances(of: index)
        random = prepared.random
        return prepared.instances
    }

    /// The submission's reply to `request`, or the outcome that ends the instance.
    func answer(_ request: OracleRequest) -> Result<OracleReply, InstanceOutcome> {
        let outcome = call(request)
        if var failure = InstanceOutcome.failure(of: outcome) {
            if case .failure(.crashed(_, let signal, let stderr)) = outcome,
                let crash = Diagnosis.crash(on: request, signal: signal, stderr: stderr, summary: driver.instanceSummary(for: request))
            {
                failure.diagnoses = failure.diagnoses.adding([crash])
            }
            return .failure(failure)
        }
        guard case .success(let reply) = outcome else { return .failure(InstanceOutcome(status: .error, message: "no reply")) }
        return .success(reply)
    }
}

/// A failure of the grader itself (never the student's fault): grading stops with this error.
public enum GradingError: Error, CustomStringConvertible {
    /// The reference solution failed on an instance.
    case referenceFailed(check: String, reason: String)
    /// The assignment has no driver.
    case unknownLab(String)

    /// What failed.
    public var description: String {
        switch self {
        case .referenceFailed(let check, let reason): return "the reference solution failed in check \(check): \(reason)"
        case .unknownLab(let id): return "no lab driver for assignment \(id)"
        }
    }
}
