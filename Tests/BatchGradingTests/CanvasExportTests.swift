// The Canvas export: the layout Canvas's gradebook import reads, the ids the roster supplies, and what it refuses.
import Foundation
import XCTest

@testable import BatchGrading

final class CanvasExportTests: XCTestCase {
    /// The first columns of Canvas's gradebook CSV, as its Grades > Export writes them and its
    /// Import reads them back (Canvas Instructor Guide, "How do I import grades in the
    /// Gradebook?"): the student's name, Canvas's user id, the SIS user and login ids, the
    /// section; then one column per assignment, and a second row of "Points Possible".
    private let canvasHeader = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]

    /// The class of SyntheticGradebook, with Canvas's ids as Canvas's own export names its columns.
    private let roster = """
        id,Name,Canvas ID,SIS User ID,SIS Login ID,Section
        carol,"Carol, C.",101,S-3,carol,DL-01
        alice,"Alice ""Al"" A.",102,S-1,alice,DL-01
        frank,Frank F.,103,,frank,DL-02
        bob,,104,S-2,,DL-02
        """

    private func book() throws -> Gradebook {
        let file = try BatchFixtures.scratch(self).appendingPathComponent("gradebook.sqlite")
        return try SyntheticGradebook.make(at: file, roster: Roster.parse(roster, file: "roster.csv"))
    }

    func testTheCSVHasCanvasHeaderAPointsPossibleRowAndOneRowPerRosterStudent() throws {
        let export = try book().canvasCSV(assignment: "demo", roster: Roster.parse(roster, file: "roster.csv"), column: "Exercise 2 (4521)")
        XCTAssertEqual(export.text, [
            "Student,ID,SIS User ID,SIS Login ID,Section,Exercise 2 (4521)",
            "    Points Possible,,,,,6.5",
            "\"Carol, C.\",101,S-3,carol,DL-01,3.5",
            "\"Alice \"\"Al\"\" A.\",102,S-1,alice,DL-01,2",
            "Frank F.,103,,frank,DL-02,",
            "bob,104,S-2,,DL-02,0",
        ].map { $0 + "\r\n" }.joined())
        XCTAssertEqual(export.unlisted, ["dave"], "graded but not on the roster: Canvas could not match the row")

        // Read back as Canvas would: its header first, every row as wide as the header, the
        // score a number or empty, and every student matchable on one of Canvas's ids.
        let records = try CSV.parse(export.text)
        XCTAssertEqual(Array(records[0].fields.prefix(5)), canvasHeader)
        XCTAssertEqual(records[1].fields[0].trimmingCharacters(in: .whitespaces), "Points Possible")
        for record in records.dropFirst(2) {
            XCTAssertEqual(record.fields.count, canvasHeader.count + 1, "\(record.fields)")
            XCTAssertTrue(record.fields[5].isEmpty || Double(record.fields[5]) != nil, "\(record.fields)")
            XCTAssertFalse(record.fields[1].isEmpty && record.fields[2].isEmpty && record.fields[3].isEmpty, "\(record.fields)")
        }
    }

    func testARosterWithoutCanvasIdsIsRefusedNamingTheStudent() throws {
        let plain = try Roster.parse("id,name\ncarol,Carol\nalice,Alice\n", file: "roster.csv")
        XCTAssertThrowsError(try book().canvasCSV(assignment: "demo", roster: plain, column: "Exercise 2")) { error in
            XCTAssertEqual(error as? CanvasExportError, .unmatchable(student: "carol"))
            XCTAssertTrue("\(error)".contains("sis_user_id"), "\(error)")
        }
        XCTAssertThrowsError(try book().canvasCSV(assignment: "demo", roster: Roster.parse(roster, file: "r"), column: "  ")) { error in
            XCTAssertEqual(error as? CanvasExportError, .emptyColumn)
        }
    }

    func testTheCommandWritesTheCanvasFileAndNeedsARoster() throws {
        let scratch = try BatchFixtures.scratch(self)
        let file = scratch.appendingPathComponent("gradebook.sqlite")
        _ = try SyntheticGradebook.make(at: file, roster: Roster.parse(roster, file: "roster.csv"))
        try roster.write(to: scratch.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let output = scratch.appendingPathComponent("canvas.csv")
        let written = try LabgradeCLI.run([
            "gradebook", "export", "--canvas", "--gradebook", file.path, "--roster", scratch.appendingPathComponent("roster.csv").path,
            "--canvas-column", "Exercise 2 (4521)", "-o", output.path,
        ])
        XCTAssertEqual(written.status, 0, written.output)
        XCTAssertTrue(try String(contentsOf: output, encoding: .utf8).hasPrefix("Student,ID,SIS User ID,SIS Login ID,Section,Exercise 2 (4521)\r\n"))
        XCTAssertTrue(written.output.contains("dave"), written.output)

        let refused = try LabgradeCLI.run(["gradebook", "export", "--canvas", "--gradebook", file.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("--canvas needs --roster"), refused.output)
    }
}
