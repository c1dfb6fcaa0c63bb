// CoreSlots: one slot per core for the grader's own heavy work (compiles, reference training runs).
import Foundation

/// A process-wide count of the cores the grader's own heavy work may use at once.
///
/// A grading has two heavy jobs of its own besides the submission's oracle: compiling the
/// submission and training the reference to time a training check. On an idle machine they run
/// side by side (one core each, the grading finishes sooner); in a batch, where every core is
/// already compiling or grading, a reference training run that starts anyway slows the compiles
/// around it two to three times. Holding a slot for each heavy job gives both: work overlaps while
/// a core is free and queues when none is.
final class CoreSlots: @unchecked Sendable {
    /// The slots of this process: one per active core.
    static let shared = CoreSlots(count: ProcessInfo.processInfo.activeProcessorCount)

    private let condition = NSCondition()
    private var free: Int

    /// `count` slots (at least one).
    init(count: Int) {
        free = Swift.max(1, count)
    }

    /// Runs `work` once a slot is free, holding it until `work` returns or throws.
    func holding<T>(_ work: () throws -> T) rethrows -> T {
        condition.lock()
        while free == 0 { condition.wait() }
        free -= 1
        condition.unlock()
        defer {
            condition.lock()
            free += 1
            condition.signal()
            condition.unlock()
        }
        return try work()
    }
}
