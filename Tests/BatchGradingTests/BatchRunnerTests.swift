// BatchRunner on real DTU submissions: kinds of entries, roster, reports, reruns, regrades, shards.
import BatchGrading
import Foundation
import Grader
import Synchronization
import XCTest

final class BatchRunnerTests: XCTestCase {
    /// One batch of the class folder with the roster and report folder, graded once for the tests that read it.
    private struct ClassBatch: @unchecked Sendable {
        var folder: URL
        var gradebook: Gradebook
        var reports: URL
        var summary: BatchRunner.Summary
        var events: [BatchEvent]
    }

    private static let seed: UInt32 = 11

    private static let classBatch: Result<ClassBatch, any Error> = Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-batch-class-\(UUID().uuidString)")
        let folder = try BatchFixtures.classFolder(in: scratch)
        let reports = scratch.appendingPathComponent("reports")
        let gradebook = try Gradebook(creatingAt: folder.appendingPathComponent(Gradebook.defaultFileName))
        let events = EventLog()
        let summary = try BatchRunner.run(
            folder, assignment: try BatchFixtures.assignment(), gradebook: gradebook,
            options: BatchOptions(seed: seed, jobs: 2, roster: BatchFixtures.roster, reports: reports), events: events.add)
        return ClassBatch(folder: folder, gradebook: gradebook, reports: reports, summary: summary, events: events.all)
    }

    override class func tearDown() {
        if case .success(let batch) = classBatch { try? FileManager.default.removeItem(at: batch.folder.deletingLastPathComponent()) }
        super.tearDown()
    }

    func testFoldersZipsAndTarballsAreGradedAndTheStarterScoresZero() throws {
        let batch = try Self.classBatch.get()
        let grades = try batch.gradebook.currentGrades(of: BatchFixtures.assignmentID).mapValues(\.grading)
        XCTAssertEqual(grades.filter { $0.value.status == .graded }.mapValues(\.score), ["alice": 100, "bob": 0, "carol": 100, "dave": 100])
        XCTAssertEqual(grades["carol"]?.submission, "carol.zip")
        XCTAssertEqual(grades["dave"]?.submission, "dave.tar.gz")
        XCTAssertEqual(batch.summary.graded, 4)
        XCTAssertEqual(batch.summary.failed, 0)
    }

    func testARosterStudentWithoutASubmissionIsRecordedMissingWithScoreZero() throws {
        let batch = try Self.classBatch.get()
        let frank = try XCTUnwrap(try batch.gradebook.currentGrades(of: BatchFixtures.assignmentID)["frank"]?.grading)
        XCTAssertEqual(frank.status, .missing)
        XCTAssertEqual(frank.score, 0)
        XCTAssertEqual(frank.maxScore, 100)
        XCTAssertTrue(batch.events.contains { if case .missing("frank") = $0 { true } else { false } })
    }

    func testSubmissionsNotOnTheRosterAreGradedAndReportedAndNonSubmissionsSkipped() throws {
        let plan = try Self.classBatch.get().summary.plan
        XCTAssertEqual(plan.notOnRoster, ["dave"])
        XCTAssertEqual(plan.skippedEntries, ["notes: a folder without any .swift file", "readme.txt: not a folder, .zip or .tar.gz"])
    }

    func testEveryStudentIsGradedWithTheOneRecordedSeed() throws {
        let batch = try Self.classBatch.get()
        XCTAssertEqual(batch.summary.batch.seed, Int64(Self.seed))
        XCTAssertNotNil(batch.summary.batch.finished)
        for case .graded(_, let result) in batch.events { XCTAssertEqual(result.seed, Self.seed) }
    }

    func testEachStudentsJSONMarkdownAndHTMLReportsAreWrittenUnderTheReportFolder() throws {
        let batch = try Self.classBatch.get()
        for student in ["alice", "bob", "carol", "dave"] {
            for file in ["labgrade.json", "report.md", "report.html"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: batch.reports.appendingPathComponent("\(student)/\(file)").path), "\(student)/\(file)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: batch.reports.appendingPathComponent("frank").path))
        let page = try String(contentsOf: batch.reports.appendingPathComponent("bob/report.html"), encoding: .utf8)
        XCTAssertTrue(page.lowercased().contains("not implemented"), "bob's page is his starter's grading")
    }

    func testTheClassPageLinksEveryStudentByIdAndListsTheMissingOnesApart() throws {
        let batch = try Self.classBatch.get()
        let page = try String(contentsOf: batch.reports.appendingPathComponent(ClassPage.fileName), encoding: .utf8)
        for student in ["alice", "bob", "carol", "dave"] {
            XCTAssertTrue(page.contains("href=\"\(student)/report.html\""), "link to \(student)'s report")
        }
        XCTAssertFalse(page.contains("carol.zip/report.html"), "a zip's student is named without the extension")
        XCTAssertTrue(page.contains("Not graded"))
        XCTAssertTrue(page.contains("<td>frank</td><td>no submission</td>"))
        XCTAssertTrue(page.contains("4 submissions"))
    }

    func testGradebookReportWritesTheSameClassPageAndEveryReportFromTheGradebookAlone() throws {
        let batch = try Self.classBatch.get()
        let out = try BatchFixtures.scratch(self).appendingPathComponent("again")
        try ClassPage.write(from: batch.gradebook, assignment: try BatchFixtures.assignment(), to: out, studentReports: true)
        let names = { (folder: URL) in try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() }
        XCTAssertEqual(try names(out), try names(batch.reports))
        XCTAssertEqual(
            try String(contentsOf: out.appendingPathComponent("class.html"), encoding: .utf8),
            try String(contentsOf: batch.reports.appendingPathComponent("class.html"), encoding: .utf8))
        XCTAssertEqual(
            try String(contentsOf: out.appendingPathComponent("alice/report.md"), encoding: .utf8),
            try String(contentsOf: batch.reports.appendingPathComponent("alice/report.md"), encoding: .utf8))
    }

    func testARerunGradesNobodyAgainAndKeepsTheSeed() throws {
        let batch = try Self.classBatch.get()
        let copy = try BatchFixtures.scratch(self).appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(at: batch.gradebook.file, to: copy)
        let gradebook = try Gradebook(creatingAt: copy)
        let rerun = try BatchRunner.run(
            batch.folder, assignment: try BatchFixtures.assignment(), gradebook: gradebook, options: BatchOptions(roster: BatchFixtures.roster))
        XCTAssertEqual(rerun.plan.toGrade.map(\.student), [])
        XCTAssertEqual(rerun.plan.alreadyGraded, ["alice", "bob", "carol", "dave"])
        XCTAssertEqual(rerun.plan.missing, [])
        XCTAssertEqual(rerun.batch.seed, Int64(Self.seed))
        XCTAssertEqual(try gradebook.history(of: "alice").count, 1)
        XCTAssertThrowsError(
            try BatchRunner.run(batch.folder, assignment: try BatchFixtures.assignment(), gradebook: gradebook, options: BatchOptions(seed: 12))
        ) { error in
            XCTAssertEqual(error as? BatchError, .seedMismatch(assignment: BatchFixtures.assignmentID, recorded: Self.seed, requested: 12, gradebook: copy.path))
        }
    }

    func testShardsMergedGiveTheSameStudentsAndScoresAsTheWholeBatch() throws {
        let batch = try Self.classBatch.get()
        let scratch = try BatchFixtures.scratch(self)
        var shards = [Gradebook]()
        for index in 1...2 {
            let gradebook = try Gradebook(creatingAt: scratch.appendingPathComponent("shard-\(index).sqlite"))
            let options = BatchOptions(seed: Self.seed, jobs: 2, shard: Shard(index: index, count: 2)!, roster: BatchFixtures.roster)
            let summary = try BatchRunner.run(batch.folder, assignment: try BatchFixtures.assignment(), gradebook: gradebook, options: options)
            XCTAssertEqual(summary.plan.students, index == 1 ? ["alice", "carol", "frank"] : ["bob", "dave"])
            shards.append(gradebook)
        }
        let merged = try Gradebook(creatingAt: scratch.appendingPathComponent("merged.sqlite"))
        try merged.merge(shards)
        let scores = { (book: Gradebook) in
            try book.currentGrades(of: BatchFixtures.assignmentID).mapValues { "\($0.grading.status.rawValue) \($0.grading.score) seed \($0.seed)" }
        }
        XCTAssertEqual(try scores(merged), try scores(batch.gradebook))
        XCTAssertEqual(try merged.csv(assignment: BatchFixtures.assignmentID), try batch.gradebook.csv(assignment: BatchFixtures.assignmentID))
    }

    func testRegradeGradesEveryoneAgainAndKeepsTheHistory() throws {
        let scratch = try BatchFixtures.scratch(self)
        let folder = scratch.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BatchFixtures.root.appendingPathComponent("reference/DTU/Solution"), to: folder.appendingPathComponent("alice"))
        let gradebook = try Gradebook(creatingAt: folder.appendingPathComponent(Gradebook.defaultFileName))
        let assignment = try BatchFixtures.assignment()
        let first = try BatchRunner.run(folder, assignment: assignment, gradebook: gradebook, options: BatchOptions(seed: 1))
        let again = try BatchRunner.run(folder, assignment: assignment, gradebook: gradebook, options: BatchOptions(seed: 2, regrade: true))
        XCTAssertEqual(again.graded, 1)
        let history = try gradebook.history(of: "alice")
        XCTAssertEqual(history.map(\.batch.id), [first.batch.id, again.batch.id])
        XCTAssertEqual(history.map(\.isCurrent), [false, true])
        XCTAssertEqual(try gradebook.currentGrades(of: assignment.id)["alice"]?.seed, 2)
    }

    func testAShardedBatchWithoutASeedIsRefusedBeforeGrading() throws {
        let batch = try Self.classBatch.get()
        let gradebook = try Gradebook(creatingAt: try BatchFixtures.scratch(self).appendingPathComponent("g.sqlite"))
        XCTAssertThrowsError(
            try BatchRunner.run(
                batch.folder, assignment: try BatchFixtures.assignment(), gradebook: gradebook, options: BatchOptions(shard: Shard(index: 1, count: 2)!))
        ) { error in
            XCTAssertEqual(error as? BatchError, .shardWithoutSeed)
        }
    }
}

/// Events collected from the batch's worker threads.
private final class EventLog: Sendable {
    private let events = Mutex([BatchEvent]())

    @Sendable func add(_ event: BatchEvent) { events.withLock { $0.append(event) } }

    var all: [BatchEvent] { events.withLock { $0 } }
}
