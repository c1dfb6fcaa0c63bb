// BatchPlan: who a batch grades, skips and records as missing, given the gradebook's current grades.
import Foundation
import XCTest

@testable import BatchGrading

final class BatchPlanTests: XCTestCase {
    private let submissions = SubmissionSet(
        entries: ["alice", "bob", "dave"].map { .init(student: $0, url: URL(fileURLWithPath: "/class/\($0)")) }, skipped: ["notes: why"])

    func testAFirstBatchGradesEveryoneAndRecordsRosterStudentsWithoutSubmissionAsMissing() {
        let plan = BatchPlan(submissions: submissions, roster: roster(["bob", "alice", "frank"]), shard: .whole, current: [:], seed: 7, regrade: false)
        XCTAssertEqual(plan.toGrade.map(\.student), ["alice", "bob", "dave"])
        XCTAssertEqual(plan.missing, ["frank"])
        XCTAssertEqual(plan.notOnRoster, ["dave"])
        XCTAssertEqual(plan.students, ["alice", "bob", "dave", "frank"])
        XCTAssertEqual(plan.skippedEntries, ["notes: why"])
    }

    func testARerunSkipsStudentsGradedAtTheSeedAndRetriesFailedGradings() {
        let current = ["alice": grade("alice", .graded, seed: 7), "bob": grade("bob", .error, seed: 7), "frank": grade("frank", .missing, seed: 7)]
        let plan = BatchPlan(submissions: submissions, roster: roster(["alice", "bob", "frank"]), shard: .whole, current: current, seed: 7, regrade: false)
        XCTAssertEqual(plan.alreadyGraded, ["alice"])
        XCTAssertEqual(plan.toGrade.map(\.student), ["bob", "dave"])
        XCTAssertEqual(plan.missing, [], "frank is already recorded as missing")
    }

    func testAGradeAtAnotherSeedIsGradedAgain() {
        let plan = BatchPlan(
            submissions: submissions, roster: nil, shard: .whole, current: ["alice": grade("alice", .graded, seed: 3)], seed: 7, regrade: false)
        XCTAssertEqual(plan.toGrade.map(\.student), ["alice", "bob", "dave"])
    }

    func testRegradeGradesEveryoneAndRecordsANewlyMissingStudent() {
        let current = ["alice": grade("alice", .graded, seed: 7), "frank": grade("frank", .graded, seed: 7)]
        let plan = BatchPlan(submissions: submissions, roster: roster(["alice", "frank"]), shard: .whole, current: current, seed: 7, regrade: true)
        XCTAssertEqual(plan.toGrade.map(\.student), ["alice", "bob", "dave"])
        XCTAssertEqual(plan.missing, ["frank"])
    }

    func testAShardPlansOnlyItsStudentsMissingOnesIncluded() {
        let roster = roster(["alice", "bob", "carl", "dave"])
        let first = BatchPlan(submissions: submissions, roster: roster, shard: Shard(index: 1, count: 2)!, current: [:], seed: 7, regrade: false)
        let second = BatchPlan(submissions: submissions, roster: roster, shard: Shard(index: 2, count: 2)!, current: [:], seed: 7, regrade: false)
        XCTAssertEqual(first.students, ["alice", "carl"])
        XCTAssertEqual(first.missing, ["carl"])
        XCTAssertEqual(second.toGrade.map(\.student), ["bob", "dave"])
    }

    private func roster(_ ids: [String]) -> Roster {
        Roster(students: ids.map { Roster.Student(id: $0) })
    }

    private func grade(_ student: String, _ status: GradingRecord.Status, seed: UInt32) -> Gradebook.CurrentGrade {
        let grading = GradingRecord(
            id: 1, uid: "u", batchId: 1, assignment: "a", studentId: student, submission: nil, gradedAt: "2026-01-01T00:00:00.000Z",
            status: status, score: 0, maxScore: 1, seconds: nil, message: nil, result: nil)
        return Gradebook.CurrentGrade(grading: grading, seed: seed)
    }
}
