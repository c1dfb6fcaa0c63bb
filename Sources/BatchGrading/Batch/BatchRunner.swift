// BatchRunner: grades a folder of submissions in parallel into a gradebook, resumably.
import Foundation
import Grader
import Synchronization

/// Runs a batch: plans it against the gradebook, records missing students, then grades up to
/// `jobs` submissions at once, committing each grading as soon as it is done. With a report
/// folder, each student's reports (JSON, Markdown, HTML) go into `<folder>/<student>/` and the
/// class page (``ClassPage``) into the folder when the batch ends.
///
/// Every grading of the batch uses one seed and one ``ReferenceCache``, so the reference's
/// answers are computed once for the whole class. Because each grading is its own transaction
/// and the plan skips students already graded at the seed, running the same command again after
/// an interruption grades exactly the students that were not recorded.
public enum BatchRunner {
    /// What a finished batch did.
    public struct Summary: Sendable {
        /// The batch's gradebook row.
        public var batch: BatchRecord
        /// The plan it followed.
        public var plan: BatchPlan
        /// Submissions graded now.
        public var graded: Int
        /// Submissions that could not be graded.
        public var failed: Int
        /// Wall time, seconds.
        public var seconds: Double
        /// Each grading's own wall time, seconds, in completion order.
        public var gradingSeconds: [Double]
    }

    /// Grades the submissions in `folder` against `assignment` into `gradebook`, reporting each
    /// step to `events`; throws ``BatchError`` before grading when the batch cannot run as asked,
    /// or the first gradebook failure (after the gradings under way have finished).
    public static func run(
        _ folder: URL, assignment: Assignment, gradebook: Gradebook, options: BatchOptions,
        events: @escaping @Sendable (BatchEvent) -> Void = { _ in }
    ) throws -> Summary {
        let start = Date()
        guard options.jobs >= 1 else { throw BatchError.badJobs(options.jobs) }
        let submissions = try SubmissionSet.scan(folder)
        let seed = try self.seed(for: assignment.id, in: gradebook, options: options)
        let plan = BatchPlan(
            submissions: submissions, roster: options.roster, shard: options.shard,
            current: try gradebook.currentGrades(of: assignment.id), seed: seed, regrade: options.regrade)
        let batch = try gradebook.startBatch(
            assignment: assignment.id, seed: seed, shard: options.shard, roster: options.roster, students: plan.students)
        events(.started(plan, batch: batch))

        let maxScore = assignment.checks.reduce(0) { $0 + $1.points }
        for student in plan.missing {
            try gradebook.recordUngraded(.missing, student: student, submission: nil, message: nil, maxScore: maxScore, batch: batch)
            events(.missing(student: student))
        }

        var shared = options.grading
        shared.seed = seed
        shared.hiddenFolders += [folder, gradebook.file.deletingLastPathComponent()] + (options.reports.map { [$0] } ?? [])
        shared.referenceCache = ReferenceCache()
        // Lanes side by side even here: while one grading waits on a hung submission's time limit
        // or starts processes, the other's second lane takes the idle core (the 200-submission
        // benchmark: 302 s with lanes one after the other, 273 s side by side, at two jobs).
        let grading = shared
        let work = Work(plan.toGrade)
        let group = DispatchGroup()
        for _ in 0..<min(options.jobs, plan.toGrade.count) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let entry = work.next() {
                    do {
                        try grade(entry, assignment: assignment, grading: grading, gradebook: gradebook, batch: batch, maxScore: maxScore,
                                  reports: options.reports, work: work, events: events)
                    } catch {
                        work.fail(error)
                    }
                }
            }
            // Checks and diagnoses recurse over result trees; give them the main thread's room.
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        if let error = work.failure { throw error }
        if let reports = options.reports { try ClassPage.write(from: gradebook, assignment: assignment, to: reports) }
        let finished = try gradebook.finish(batch)
        let done = work.done
        return Summary(
            batch: finished, plan: plan, graded: done.seconds.count, failed: done.failed, seconds: Date().timeIntervalSince(start),
            gradingSeconds: done.seconds)
    }

    /// The batch's seed: the one the gradebook already grades the assignment with (unless
    /// regrading), else `options.seed`, else a random one.
    private static func seed(for assignment: String, in gradebook: Gradebook, options: BatchOptions) throws -> UInt32 {
        if !options.regrade, let recorded = try gradebook.latestBatch(of: assignment)?.gradingSeed {
            if let requested = options.seed, requested != recorded {
                throw BatchError.seedMismatch(assignment: assignment, recorded: recorded, requested: requested, gradebook: gradebook.file.path)
            }
            return recorded
        }
        if options.shard.count > 1 && options.seed == nil { throw BatchError.shardWithoutSeed }
        return options.seed ?? UInt32.random(in: 0...UInt32.max)
    }

    /// Grades one submission, writes its reports, then commits it to the gradebook. Throws only
    /// what stops the batch: a gradebook or report folder that cannot be written.
    private static func grade(
        _ entry: SubmissionSet.Entry, assignment: Assignment, grading: GradeOptions, gradebook: Gradebook, batch: BatchRecord,
        maxScore: Double, reports: URL?, work: Work, events: @Sendable (BatchEvent) -> Void
    ) throws {
        let result: GradingResult
        do {
            result = try Grading.grade(entry.url, assignment: assignment, options: grading)
        } catch {
            let reason = "\(error)"
            try gradebook.recordUngraded(
                .error, student: entry.student, submission: entry.url.lastPathComponent, message: reason, maxScore: maxScore, batch: batch)
            work.finished(seconds: nil)
            events(.failed(student: entry.student, reason: reason))
            return
        }
        // Reports first: a batch killed between the two grades the student again on resume,
        // rather than leaving a recorded grade without its reports.
        if let reports { try StudentReports.write(result, student: entry.student, in: reports) }
        try gradebook.record(result, student: entry.student, submission: entry.url.lastPathComponent, batch: batch)
        work.finished(seconds: result.seconds)
        events(.graded(student: entry.student, result: result))
    }

    /// The submissions still to grade, handed out one at a time to the workers, and what they did.
    private final class Work: Sendable {
        private struct State {
            var next = 0
            var failure: (any Error)?
            var seconds = [Double]()
            var failed = 0
        }

        private let entries: [SubmissionSet.Entry]
        private let state = Mutex(State())

        init(_ entries: [SubmissionSet.Entry]) {
            self.entries = entries
        }

        /// The next submission, or `nil` when all are handed out or the batch is stopping.
        func next() -> SubmissionSet.Entry? {
            state.withLock { state in
                guard state.failure == nil, state.next < entries.count else { return nil }
                state.next += 1
                return entries[state.next - 1]
            }
        }

        /// Stops handing out work after `error` (the first one is kept).
        func fail(_ error: any Error) {
            state.withLock { state in state.failure = state.failure ?? error }
        }

        /// Counts a finished submission: graded in `seconds`, or failed when `nil`.
        func finished(seconds: Double?) {
            state.withLock { state in
                if let seconds { state.seconds.append(seconds) } else { state.failed += 1 }
            }
        }

        var failure: (any Error)? { state.withLock { $0.failure } }
        var done: (seconds: [Double], failed: Int) { state.withLock { ($0.seconds, $0.failed) } }
    }
}
