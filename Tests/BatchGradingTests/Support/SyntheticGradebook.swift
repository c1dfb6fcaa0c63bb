// SyntheticGradebook: gradebooks filled with made-up results, for tests that need no grading.
import BatchGrading
import Foundation
import Grader

/// Writes made-up gradings into gradebooks, as a batch would.
enum SyntheticGradebook {
    /// The checks of the made-up assignment: (id, max points).
    static let checks: [(id: String, max: Double)] = [("q1", 2), ("q2", 1.5), ("q3-gradient", 3)]

    /// Per check of ``checks``: status and diagnosis kinds (points: full on a pass, else 0).
    typealias Outcomes = [(CheckResult.Status, [Diagnosis.Kind])]

    /// The class of the CSV and summary tests: q3 is failed most, q1 and q2 tie.
    static let classOutcomes: [(student: String, outcomes: Outcomes)] = [
        ("alice", [(.pass, []), (.fail, [.sumNotMean]), (.fail, [.signFlipped])]),
        ("bob", [(.notImplemented, []), (.notImplemented, []), (.notImplemented, [])]),
        ("carol", [(.pass, []), (.pass, []), (.fail, [.signFlipped, .transposed])]),
        ("dave", [(.fail, [.sumNotMean]), (.pass, []), (.pass, [])]),
    ]

    /// A grading result of `assignment` with `outcomes`.
    static func result(_ outcomes: Outcomes, assignment: String = "demo") throws -> GradingResult {
        try BatchFixtures.result(assignment: assignment, zip(checks, outcomes).map { check, outcome in
            (check.id, outcome.0, outcome.0 == .pass ? check.max : 0, check.max, outcome.1)
        })
    }

    /// A new gradebook at `file` with one batch of `assignment` at `seed` holding `students`'
    /// results, and `frank` missing when there is a roster.
    @discardableResult
    static func make(
        at file: URL, assignment: String = "demo", seed: UInt32 = 7, shard: Shard = .whole, roster: Roster? = nil,
        students: [(student: String, outcomes: Outcomes)] = classOutcomes
    ) throws -> Gradebook {
        let book = try Gradebook(creatingAt: file)
        try record(students, in: book, assignment: assignment, seed: seed, shard: shard, roster: roster)
        return book
    }

    /// Records one more batch of `students` into `book`.
    static func record(
        _ students: [(student: String, outcomes: Outcomes)], in book: Gradebook, assignment: String = "demo", seed: UInt32 = 7,
        shard: Shard = .whole, roster: Roster? = nil
    ) throws {
        let ids = students.map(\.student) + (roster?.students.map(\.id) ?? [])
        let batch = try book.startBatch(assignment: assignment, seed: seed, shard: shard, roster: roster, students: ids)
        for (student, outcomes) in students {
            try book.record(try result(outcomes, assignment: assignment), student: student, submission: student, batch: batch)
        }
        if roster != nil {
            try book.recordUngraded(.missing, student: "frank", submission: nil, message: nil, maxScore: 6.5, batch: batch)
        }
        try book.finish(batch)
    }
}
