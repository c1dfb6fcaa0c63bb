// Gradebook: the schema, the CSV export, the summary and the history, on made-up gradings.
import Foundation
import GRDB
import Grader
import XCTest

@testable import BatchGrading

final class GradebookTests: XCTestCase {
    func testTheCSVExportHasOneRowPerStudentInRosterOrderWithRFC4180Quoting() throws {
        let book = try SyntheticGradebook.make(at: try file(), roster: BatchFixtures.roster)
        XCTAssertEqual(try book.csv(assignment: "demo"), [
            "student,name,email,status,q1,q2,q3-gradient,total,max",
            "carol,\"Carol, C.\",carol@example.edu,graded,2,1.5,0,3.5,6.5",
            "alice,\"Alice \"\"Al\"\" A.\",alice@example.edu,graded,2,0,0,2,6.5",
            "frank,Frank F.,,missing,,,,0,6.5",
            "bob,,bob@example.edu,graded,0,0,0,0,6.5",
            "dave,,,graded,0,1.5,3,4.5,6.5",
        ].map { $0 + "\r\n" }.joined())
    }

    func testWithoutARosterTheCSVRowsAreSortedByStudent() throws {
        let students = SyntheticGradebook.classOutcomes.reversed().map { $0 }
        let book = try SyntheticGradebook.make(at: try file(), students: students)
        let rows = try book.csv(assignment: "demo").split(separator: "\r\n").dropFirst().map { $0.prefix { $0 != "," } }
        XCTAssertEqual(rows, ["alice", "bob", "carol", "dave"])
    }

    func testTheSummaryPutsTheCheckMostStudentsFailFirstWithItsCommonDiagnoses() throws {
        let summary = try SyntheticGradebook.make(at: try file(), roster: BatchFixtures.roster).summary(assignment: "demo")
        XCTAssertEqual(summary.checks.map(\.check), ["q3-gradient", "q1", "q2"], "q1 and q2 tie and keep the assignment's order")
        XCTAssertEqual(summary.checks.map(\.passed), [1, 2, 2])
        XCTAssertEqual(summary.checks.map(\.graded), [4, 4, 4])
        let hardest = summary.checks[0]
        XCTAssertEqual(hardest.statuses, [.init(name: "fail", count: 2), .init(name: "not-implemented", count: 1)])
        XCTAssertEqual(hardest.diagnoses, [.init(name: "sign-flipped", count: 2), .init(name: "transposed", count: 1)])
        XCTAssertEqual(summary.checks[1].diagnoses, [.init(name: "sum-not-mean", count: 1)])
        XCTAssertEqual([summary.graded, summary.missing, summary.errors], [4, 1, 0])
        XCTAssertEqual(summary.meanScore, 2.5)
        XCTAssertEqual(summary.maxScore, 6.5)
    }

    func testTheSummaryShowsHowCloseTheClassCameToEachChecksBounds() throws {
        let book = try Gradebook(creatingAt: try file())
        let batch = try book.startBatch(assignment: "demo", seed: 7, shard: .whole, roster: nil, students: ["ann", "ben", "cat"])
        // ann clears q1 by orders of magnitude (her closest call is the time), ben brushes the
        // tolerance, cat misses it narrowly.
        let q1: [(String, Double, CheckResult.Status)] = [("ann", 1e-4, .pass), ("ben", 0.95, .pass), ("cat", 1.1, .fail)]
        for (student, ratio, status) in q1 {
            var result = try SyntheticGradebook.result([(status, []), (.pass, []), (.pass, [])])
            result.checks[0].margins = [
                CheckResult.Margin(kind: .error, name: "error", value: ratio, limit: 1),
                CheckResult.Margin(kind: .time, name: "time", value: 1, limit: 10),
            ]
            try book.record(result, student: student, submission: student, batch: batch)
        }
        try book.finish(batch)
        let summary = try book.summary(assignment: "demo")
        let spread = try XCTUnwrap(summary.checks.first { $0.check == "q1" }?.margins)
        XCTAssertEqual(spread.name, "error", "two of the three closest calls are the error")
        XCTAssertEqual(spread.count, 3)
        XCTAssertEqual(spread.lowest, 0.1, accuracy: 1e-12, "ann's closest call is 1 s of a 10 s limit")
        XCTAssertEqual(spread.median, 0.95)
        XCTAssertEqual(spread.highest, 1.1)
        XCTAssertEqual(spread.closePasses, 1)
        XCTAssertEqual(spread.nearMisses, 1)
        XCTAssertNil(summary.checks.first { $0.check == "q2" }?.margins, "no grading recorded a margin for q2")
    }

    func testARegradeKeepsTheOldGradingInTheHistoryAndTheLatestIsCurrent() throws {
        let book = try SyntheticGradebook.make(at: try file())
        try SyntheticGradebook.record([("alice", [(.pass, []), (.pass, []), (.pass, [])])], in: book, seed: 8)
        let history = try book.history(of: "alice")
        XCTAssertEqual(history.map(\.grading.score), [2, 6.5])
        XCTAssertEqual(history.map(\.isCurrent), [false, true])
        XCTAssertEqual(history.map(\.batch.seed), [7, 8])
        XCTAssertEqual(try book.currentGrades(of: "demo")["alice"]?.grading.score, 6.5)
        XCTAssertEqual(try book.currentGrades(of: "demo")["bob"]?.seed, 7, "bob was not regraded")
        XCTAssertTrue(try book.csv(assignment: "demo").contains("alice,,,graded,2,1.5,3,6.5,6.5\r\n"))
    }

    func testEveryGradingKeepsItsFullResultAndItsCheckRows() throws {
        let book = try SyntheticGradebook.make(at: try file())
        let grading = try XCTUnwrap(try book.currentGrades(of: "demo")["carol"]?.grading)
        let result = try JSONDecoder().decode(GradingResult.self, from: Data(XCTUnwrap(grading.result).utf8))
        XCTAssertEqual(result.checks.map(\.id), ["q1", "q2", "q3-gradient"])
        let queue = try DatabaseQueue(path: book.file.path)
        let kinds = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM checkDiagnosis WHERE gradingId = ? ORDER BY kind", arguments: [grading.id])
        }
        XCTAssertEqual(kinds, ["sign-flipped", "transposed"])
    }

    func testTheSchemaHasTheIndexesItsQueriesUseAndReopeningMigratesNothing() throws {
        let url = try file()
        try SyntheticGradebook.make(at: url)
        _ = try Gradebook(creatingAt: url)
        let queue = try DatabaseQueue(path: url.path)
        let (indexes, migrations) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations"))
        }
        XCTAssertEqual(indexes, [
            "batch_on_assignment_started", "checkDiagnosis_on_checkId_kind", "checkResult_on_checkId_status", "grading_on_assignment_student_gradedAt",
            "grading_on_batchId", "grading_on_studentId",
        ])
        XCTAssertEqual(migrations, 1)
    }

    func testAFileThatIsNotAGradebookIsRefusedByName() throws {
        let url = try file()
        try "id,name\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Gradebook(existing: url)) { error in
            guard case .notAGradebook(let path, _)? = error as? GradebookError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
        }
        XCTAssertThrowsError(try Gradebook(existing: url.appendingPathExtension("none"))) { error in
            XCTAssertEqual(error as? GradebookError, .notFound(url.appendingPathExtension("none").path))
        }
    }

    func testAGradebookOfSeveralAssignmentsAsksWhichOne() throws {
        let book = try SyntheticGradebook.make(at: try file())
        try SyntheticGradebook.record(SyntheticGradebook.classOutcomes, in: book, assignment: "other")
        XCTAssertThrowsError(try book.assignment(nil)) { error in
            XCTAssertEqual(error as? GradebookError, .severalAssignments(["demo", "other"], file: book.file.path))
        }
        XCTAssertEqual(try book.assignment("other"), "other")
        XCTAssertThrowsError(try book.assignment("third"))
    }

    private func file() throws -> URL {
        try BatchFixtures.scratch(self).appendingPathComponent("gradebook.sqlite")
    }
}
