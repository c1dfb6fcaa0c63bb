// Gradebook merge: shard gradebooks fold into one; mismatched assignments or seeds are refused.
import Foundation
import XCTest

@testable import BatchGrading

final class GradebookMergeTests: XCTestCase {
    func testMergingShardsGivesEveryStudentOnceWithTheRoster() throws {
        let folder = try BatchFixtures.scratch(self)
        let all = SyntheticGradebook.classOutcomes
        let first = try SyntheticGradebook.make(
            at: folder.appendingPathComponent("1.sqlite"), shard: Shard(index: 1, count: 2)!, students: [all[0], all[2]])
        let second = try SyntheticGradebook.make(
            at: folder.appendingPathComponent("2.sqlite"), shard: Shard(index: 2, count: 2)!, roster: BatchFixtures.roster, students: [all[1], all[3]])
        let merged = try Gradebook(creatingAt: folder.appendingPathComponent("merged.sqlite"))
        let report = try merged.merge([first, second])
        XCTAssertEqual(report, .init(batches: 2, gradings: 5, duplicates: 0))
        let whole = try SyntheticGradebook.make(at: folder.appendingPathComponent("whole.sqlite"), roster: BatchFixtures.roster)
        XCTAssertEqual(try merged.csv(assignment: "demo"), try whole.csv(assignment: "demo"))
    }

    func testMergingTheSameShardTwiceAddsNothing() throws {
        let folder = try BatchFixtures.scratch(self)
        let shard = try SyntheticGradebook.make(at: folder.appendingPathComponent("1.sqlite"))
        let merged = try Gradebook(creatingAt: folder.appendingPathComponent("merged.sqlite"))
        try merged.merge([shard])
        XCTAssertEqual(try merged.merge([shard]), .init(batches: 0, gradings: 0, duplicates: 4))
        XCTAssertEqual(try merged.history(of: "alice").count, 1)
    }

    func testAStudentInTwoInputsKeepsBothGradingsAndTheLaterIsCurrent() throws {
        let folder = try BatchFixtures.scratch(self)
        let earlier = try SyntheticGradebook.make(at: folder.appendingPathComponent("1.sqlite"), students: [("alice", [(.fail, []), (.fail, []), (.pass, [])])])
        let later = try SyntheticGradebook.make(at: folder.appendingPathComponent("2.sqlite"), students: [("alice", [(.pass, []), (.pass, []), (.pass, [])])])
        let merged = try Gradebook(creatingAt: folder.appendingPathComponent("merged.sqlite"))
        try merged.merge([later, earlier])
        XCTAssertEqual(try merged.history(of: "alice").map(\.grading.score), [3, 6.5])
        XCTAssertEqual(try merged.currentGrades(of: "demo")["alice"]?.grading.score, 6.5)
    }

    func testGradebooksOfDifferentAssignmentsAreRefusedUnlessForced() throws {
        let folder = try BatchFixtures.scratch(self)
        let demo = try SyntheticGradebook.make(at: folder.appendingPathComponent("demo.sqlite"))
        let other = try SyntheticGradebook.make(at: folder.appendingPathComponent("other.sqlite"), assignment: "other")
        let merged = try Gradebook(creatingAt: folder.appendingPathComponent("merged.sqlite"))
        XCTAssertThrowsError(try merged.merge([demo, other])) { error in
            XCTAssertEqual(error as? GradebookError, .mismatched([
                "\(demo.file.path): demo (seed 7)", "\(other.file.path): other (seed 7)",
            ]))
            XCTAssertTrue("\(error)".contains("--force"))
        }
        XCTAssertEqual(try merged.assignments(), [], "a refused merge writes nothing")
        try merged.merge([demo, other], force: true)
        XCTAssertEqual(try merged.assignments(), ["demo", "other"])
    }

    func testGradebooksWithDifferentSeedsAreRefused() throws {
        let folder = try BatchFixtures.scratch(self)
        let seven = try SyntheticGradebook.make(at: folder.appendingPathComponent("7.sqlite"))
        let eight = try SyntheticGradebook.make(at: folder.appendingPathComponent("8.sqlite"), seed: 8)
        XCTAssertThrowsError(try seven.merge([eight])) { error in
            guard case .mismatched(let lines)? = error as? GradebookError else { return XCTFail("\(error)") }
            XCTAssertEqual(lines.map { $0.hasSuffix("demo (seed 7)") || $0.hasSuffix("demo (seed 8)") }, [true, true])
        }
    }
}
