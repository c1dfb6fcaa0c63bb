// `labgrade gradebook export`: the current grades as a CSV table, or as Canvas's gradebook import.
import ArgumentParser
import BatchGrading
import Foundation

/// Writes one row per student, one column per check, and the total.
struct GradebookExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the current grades as CSV (RFC 4180), or for Canvas's gradebook import.",
        discussion: """
            --csv: columns student, name, email, status (graded, missing or error), the points of each check in \
            the assignment's order, total and max. Rows follow the roster when the batch had one (students not \
            on it come last), else the student ids in order. Students without a graded submission have empty \
            check cells and a total of 0.

            --canvas: the file Canvas's Grades > Import takes: Student, ID, SIS User ID, SIS Login ID, Section \
            and one column for the assignment (--canvas-column, e.g. "Exercise 2 (4521)" as Canvas's own export \
            names it, to update that assignment), after Canvas's Points Possible row. --roster supplies the ids \
            Canvas matches on (columns canvas_id, sis_user_id, sis_login_id, section; Canvas's own export headers \
            work too). A student without a graded submission gets an empty cell, which leaves Canvas's grade as it is.
            """)

    @OptionGroup var selection: GradebookSelection

    @Flag(help: "Write labgrade's CSV: one column per check.")
    var csv = false

    @Flag(help: "Write the CSV Canvas's gradebook import accepts (needs --roster).")
    var canvas = false

    @Option(help: "With --canvas: the class list with the ids Canvas matches on (id, name, canvas_id, sis_user_id, sis_login_id, section).")
    var roster: String?

    @Option(help: "With --canvas: the assignment's column, as Canvas names it, e.g. \"Exercise 2 (4521)\" (default: the assignment id).")
    var canvasColumn: String?

    @Option(name: .shortAndLong, help: "The output file (default: standard output).")
    var output: String?

    func validate() throws {
        guard csv != canvas else { throw ValidationError("choose one format: --csv or --canvas") }
        guard !canvas || roster != nil else {
            throw ValidationError("--canvas needs --roster: Canvas matches grades on the SIS or Canvas ids the roster gives")
        }
        guard canvas || (roster == nil && canvasColumn == nil) else { throw ValidationError("--roster and --canvas-column go with --canvas") }
    }

    func run() throws {
        let book = try selection.open()
        let assignment = try book.assignment(selection.assignment)
        var text = ""
        if canvas, let roster {
            let export = try book.canvasCSV(
                assignment: assignment, roster: try Roster.load(from: BatchCommand.url(roster)), column: canvasColumn ?? assignment)
            text = export.text
            if !export.unlisted.isEmpty {
                FileHandle.standardError.write(Data(
                    "labgrade: left out (graded, but not on the roster, so Canvas could not match them): \(export.unlisted.joined(separator: ", "))\n".utf8))
            }
        } else {
            text = try book.csv(assignment: assignment)
        }
        if let output {
            try text.write(to: BatchCommand.url(output), atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
