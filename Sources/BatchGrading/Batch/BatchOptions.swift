// BatchOptions: the knobs of one `labgrade batch` run.
import Foundation
import Grader

/// Settings for ``BatchRunner/run(_:assignment:gradebook:options:events:)``.
public struct BatchOptions: Sendable {
    /// The seed for every student; `nil` continues the gradebook's seed for the assignment, or
    /// picks a random one for a first batch (or a regrade).
    public var seed: UInt32?
    /// Submissions graded at once.
    public var jobs: Int
    /// The part of the class this run grades.
    public var shard: Shard
    /// Grade everyone again (the old gradings stay in the history).
    public var regrade: Bool
    /// The class list, if there is one.
    public var roster: Roster?
    /// Where each student's reports go (`<folder>/<student>/`) and the class page (`<folder>/class.html`), if anywhere.
    public var reports: URL?
    /// Grading settings (toolchain, scratch folder); the batch sets the seed and the shared cache.
    public var grading: GradeOptions

    /// Options with defaults: one job per core, the whole class, no roster, no report folder.
    public init(
        seed: UInt32? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard = .whole, regrade: Bool = false,
        roster: Roster? = nil, reports: URL? = nil, grading: GradeOptions = GradeOptions()
    ) {
        self.seed = seed
        self.jobs = jobs
        self.shard = shard
        self.regrade = regrade
        self.roster = roster
        self.reports = reports
        self.grading = grading
    }
}
