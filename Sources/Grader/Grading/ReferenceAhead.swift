// ReferenceAhead: the reference's side of the checks, computed on a second thread while the
// submission compiles and answers.
import Foundation
import LabKit

/// The instances of every value, gradient and training check, with the reference's replies,
/// prepared on a background thread in check order.
///
/// A grading is two independent streams of work: the submission's (compile, then oracle calls,
/// in another process) and the reference's (in this one). Neither needs the other until a check
/// compares them, so the reference runs ahead: its answers for the checks to come are computed
/// while the compiler runs and while the oracle answers. Its training runs take one of the
/// process's ``CoreSlots``, like the compiler, so they overlap the compile only when a core is
/// free (in a busy batch they would slow it down). Instances are drawn from the check's
/// own generator in the order the check would draw them, so a run is what it would be in place;
/// a reference training run is timed on its own thread, so its time still sets the limit.
final class ReferenceAhead: @unchecked Sendable {
    /// One instance: the request both sides get and what the reference made of it.
    struct Instance {
        /// `published` or `hidden k`.
        var label: String
        /// The request.
        var request: OracleRequest
        /// The reference's reply.
        var expected: OracleReply
        /// How long the reference took, seconds.
        var seconds: Double
        /// The training task, for training checks.
        var task: TrainingTask?
    }

    /// A check's instances, and its generator after drawing them (the check goes on from there).
    struct Prepared {
        var instances: [Instance]
        var random: NumPyRandomState
    }

    private let condition = NSCondition()
    private var prepared = [Int: Result<Prepared, any Error>]()
    private var stopped = false

    /// Starts preparing `checks` (by their position in the assignment) with `driver`'s reference;
    /// `random(i)` is check `i`'s generator. With `shared`, each check's answers are taken from a
    /// batch's cache, or computed once and left there for the batch's other gradings.
    init(
        checks: [(index: Int, check: Check)], driver: any LabDriver, random: @escaping @Sendable (Int) -> NumPyRandomState,
        shared: ReferenceCache.Entries? = nil
    ) {
        // The cheap checks first, so the first checks never wait behind a training run.
        let work = checks.filter { $0.check.kind != .property && $0.check.kind != .training }
            + checks.filter { $0.check.kind == .training }
        let thread = Thread { [self] in
            for (index, check) in work {
                guard !isStopped else { return }
                let prepare = { try Self.prepare(check, driver: driver, random: random(index)) }
                let compute = { check.kind == .training ? try CoreSlots.shared.holding(prepare) : try prepare() }
                let result = Result { try shared?.prepared(check: index, compute: compute) ?? compute() }
                condition.lock()
                prepared[index] = result
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Check `index`'s instances, waiting for them if the reference is not there yet; throws what
    /// preparing them threw (a driver or reference failure: the grader's fault, not the student's).
    func instances(of index: Int) throws -> Prepared {
        condition.lock()
        defer { condition.unlock() }
        while prepared[index] == nil { condition.wait() }
        return try prepared.removeValue(forKey: index)!.get()
    }

    /// Stops after the check being prepared (grading ended early).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    private static func prepare(_ check: Check, driver: any LabDriver, random: NumPyRandomState) throws -> Prepared {
        var random = random
        var instances = [Instance]()
        for label in check.instances.labels {
            var task: TrainingTask?
            let request: OracleRequest
            if check.kind == .training {
                task = try driver.trainingTask(for: check, published: label == "published", random: &random)
                request = task!.request
            } else {
                if label == "published" {
                    request = try driver.publishedRequest(for: check)
                } else if let index = label.hostileIndex {
                    request = try driver.hostileRequest(for: check, index: index, random: &random)
                } else {
                    request = try driver.randomRequest(for: check, random: &random)
                }
            }
            let start = DispatchTime.now()
            let expected = driver.reference.reply(to: request)
            let seconds = start.secondsSince
            if let failure = expected.failure { throw GradingError.referenceFailed(check: check.id, reason: "\(failure)") }
            instances.append(Instance(label: label, request: request, expected: expected, seconds: seconds, task: task))
        }
        return Prepared(instances: instances, random: random)
    }
}

extension String {
    /// `k` of an instance label `hostile k` (counted from 1), else `nil`.
    fileprivate var hostileIndex: Int? {
        hasPrefix("hostile ") ? Int(dropFirst("hostile ".count)) : nil
    }
}
