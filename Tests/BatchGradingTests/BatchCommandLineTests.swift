// The built `labgrade batch` and `labgrade gradebook` commands: a batch killed with SIGKILL resumes
// where it stopped; exports, summaries, histories and merges print what they should.
import BatchGrading
import Foundation
import Grader
import XCTest

final class BatchCommandLineTests: XCTestCase {
    func testABatchKilledAfterItsFirstGradingResumesWithoutGradingAnyoneTwice() throws {
        let scratch = try BatchFixtures.scratch(self)
        let folder = try BatchFixtures.classFolder(in: scratch)
        let arguments = ["batch", folder.path, "--assignment", BatchFixtures.assignmentID, "--jobs", "1", "--seed", "5"]
        let file = folder.appendingPathComponent(Gradebook.defaultFileName)

        let child = try launch(arguments)
        let deadline = Date().addingTimeInterval(120)
        var recorded = 0
        while recorded == 0 && child.isRunning && Date() < deadline {
            usleep(20_000)
            recorded = gradedCount(file)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal, "the batch finished before it could be killed")
        let beforeKill = gradedCount(file)
        XCTAssertGreaterThan(beforeKill, 0)
        XCTAssertLessThan(beforeKill, 4, "the kill came after the whole batch")

        let rerun = try labgrade(arguments)
        XCTAssertEqual(rerun.status, 0, rerun.output)
        XCTAssertTrue(rerun.output.contains("\(4 - beforeKill) to grade, \(beforeKill) already graded"), rerun.output)
        let book = try Gradebook(existing: file, readOnly: true)
        for student in ["alice", "bob", "carol", "dave"] {
            let history = try book.history(of: student)
            XCTAssertEqual(history.filter { $0.grading.status == .graded }.count, 1, "\(student) graded \(history.count) times")
        }
        XCTAssertEqual(gradedCount(file), 4)
    }

    func testWithoutATerminalEachGradingIsOnePlainLineWithoutColour() throws {
        let scratch = try BatchFixtures.scratch(self)
        let folder = scratch.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BatchFixtures.root.appendingPathComponent("reference/DTU/Solution"), to: folder.appendingPathComponent("alice"))
        let run = try labgrade(["batch", folder.path, "-a", BatchFixtures.assignmentID, "--seed", "3", "--gradebook", scratch.appendingPathComponent("g.sqlite").path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertNotNil(run.output.range(of: #"graded alice 100/100 \(\d+\.\d s\)\n"#, options: .regularExpression), run.output)
        XCTAssertFalse(run.output.contains("\u{1B}"), "no escape codes outside a terminal")
        XCTAssertTrue(run.output.contains("gradebook: \(scratch.appendingPathComponent("g.sqlite").path)"), run.output)
    }

    func testOnATerminalOneBarUpdatesInPlaceAndNoColorTurnsTheColourOff() throws {
        let scratch = try BatchFixtures.scratch(self)
        let folder = scratch.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A submission that cannot even be opened (a link to nothing): the grading fails.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.zip").path, withDestinationPath: "/nonexistent/gone.zip")
        let command = "\(executable.path) batch \(folder.path) -a \(BatchFixtures.assignmentID) --seed 3"
        // `script` runs the batch on a pseudo-terminal.
        for noColor in [false, true] {
            let environment = noColor ? ["NO_COLOR": "1"] : [:]
            let run = try labgrade(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"), environment: environment)
            XCTAssertEqual(run.status, 0, run.output)
            XCTAssertTrue(run.output.contains("\r[------------------------] 0/1  elapsed 0:00"), run.output)
            XCTAssertTrue(run.output.contains("[########################] 1/1  elapsed"), run.output)
            XCTAssertEqual(run.output.contains("\u{1B}[31mfailed\u{1B}[0m gone: cannot read the submission"), !noColor, run.output)
            XCTAssertEqual(run.output.contains("\u{1B}"), !noColor, run.output)
        }
        let book = try Gradebook(existing: folder.appendingPathComponent(Gradebook.defaultFileName))
        let history = try book.history(of: "gone")
        XCTAssertEqual(history.map(\.grading.status), [.error, .error], "a failed grading is tried again by the rerun")
        XCTAssertTrue(history[0].grading.message?.contains("gone.zip") == true)
    }

    func testExportWritesTheCSVAndSummaryAndHistoryPrintTheirTables() throws {
        let scratch = try BatchFixtures.scratch(self)
        let file = scratch.appendingPathComponent("g.sqlite")
        try SyntheticGradebook.make(at: file, roster: BatchFixtures.roster)
        let csv = scratch.appendingPathComponent("grades.csv")
        let export = try labgrade(["gradebook", "export", "--csv", "--gradebook", file.path, "-o", csv.path])
        XCTAssertEqual(export.status, 0, export.output)
        XCTAssertEqual(try String(contentsOf: csv, encoding: .utf8), try Gradebook(existing: file).csv(assignment: "demo"))

        let summary = try labgrade(["gradebook", "summary", "--gradebook", file.path])
        XCTAssertEqual(summary.status, 0, summary.output)
        let lines = summary.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "demo: 4 graded, 1 missing; mean score 2.50 / 6.50")
        XCTAssertTrue(lines[2].hasPrefix(" 25%   1/4    q3-gradient  2 fail, 1 not-implemented — sign-flipped ×2, transposed ×1"), summary.output)
        XCTAssertFalse(summary.output.contains("margins:"), "no grading of this book recorded a margin")

        let history = try labgrade(["gradebook", "history", "frank", "--gradebook", file.path])
        XCTAssertEqual(history.status, 0, history.output)
        XCTAssertTrue(history.output.contains("demo  batch 1 (seed 7)  missing 0/6.50  [current]"), history.output)
        let unknown = try labgrade(["gradebook", "history", "zed", "--gradebook", file.path])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.output.contains("no grading of student \"zed\""), unknown.output)
    }

    func testMergeRefusesGradebooksOfDifferentAssignmentsWithAClearErrorUnlessForced() throws {
        let scratch = try BatchFixtures.scratch(self)
        let demo = scratch.appendingPathComponent("demo.sqlite"), other = scratch.appendingPathComponent("other.sqlite")
        try SyntheticGradebook.make(at: demo)
        try SyntheticGradebook.make(at: other, assignment: "other")
        let out = scratch.appendingPathComponent("merged.sqlite").path
        let refused = try labgrade(["gradebook", "merge", out, demo.path, other.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("do not belong together (pass --force"), refused.output)
        XCTAssertTrue(refused.output.contains("\(other.path): other (seed 7)"), refused.output)
        let forced = try labgrade(["gradebook", "merge", out, demo.path, other.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.output)
        XCTAssertTrue(forced.output.contains("merged 8 gradings from 2 batches"), forced.output)
    }

    func testABadRosterRowStopsTheBatchNamingFileLineAndColumn() throws {
        let scratch = try BatchFixtures.scratch(self)
        let roster = scratch.appendingPathComponent("class.csv")
        try "id,name\nalice,Alice\n,Nobody\n".write(to: roster, atomically: true, encoding: .utf8)
        let run = try labgrade(["batch", scratch.path, "-a", BatchFixtures.assignmentID, "--roster", roster.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("roster \(roster.path), line 3, column 1: the id is empty"), run.output)
    }

    // MARK: - Running the executable

    private func launch(_ arguments: [String]) throws -> Process { try LabgradeCLI.launch(arguments) }

    private var executable: URL { LabgradeCLI.executable }

    /// Runs `labgrade` (or `executable`) to the end; its exit status and output.
    private func labgrade(_ arguments: [String], executable: URL? = nil, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let run = try LabgradeCLI.run(arguments, program: executable, environment: environment)
        return (run.status, run.output)
    }

    /// Gradings of status `graded` in the gradebook at `file` (0 while it does not exist yet).
    private func gradedCount(_ file: URL) -> Int {
        guard let book = try? Gradebook(existing: file, readOnly: true),
            let grades = try? book.currentGrades(of: BatchFixtures.assignmentID)
        else { return 0 }
        return grades.values.filter { $0.grading.status == .graded }.count
    }
}
