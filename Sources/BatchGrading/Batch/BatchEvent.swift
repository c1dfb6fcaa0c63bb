// BatchEvent: what a running batch reports, for progress displays.
import Grader

/// Something that happened in a batch, reported as it happens (from worker threads).
public enum BatchEvent: Sendable {
    /// The batch is about to grade: its plan, seed and gradebook row.
    case started(BatchPlan, batch: BatchRecord)
    /// A roster student had no submission and was recorded as missing.
    case missing(student: String)
    /// A submission was graded and recorded.
    case graded(student: String, result: GradingResult)
    /// A submission could not be graded (recorded with status `error`; a rerun tries again).
    case failed(student: String, reason: String)
}
