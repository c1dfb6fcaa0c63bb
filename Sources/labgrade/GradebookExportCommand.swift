// `labgrade gradebook export`: the current grades as a CSV table.
import ArgumentParser
import BatchGrading
import Foundation

/// Writes one row per student, one column per check, and the total.
struct GradebookExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the current grades as CSV (RFC 4180).",
        discussion: """
            Columns: student, name, email, status (graded, missing or error), the points of each check in the \
            assignment's order, total and max. Rows follow the roster when the batch had one (students not on \
            it come last), else the student ids in order. Students without a graded submission have empty \
            check cells and a total of 0.
            """)

    @OptionGroup var selection: GradebookSelection

    @Flag(help: "Write CSV (the only format so far; required so that others can be added).")
    var csv = false

    @Option(name: .shortAndLong, help: "The output file (default: standard output).")
    var output: String?

    func validate() throws {
        guard csv else { throw ValidationError("choose a format: --csv") }
    }

    func run() throws {
        let book = try selection.open()
        let text = try book.csv(assignment: try book.assignment(selection.assignment))
        if let output {
            try text.write(to: BatchCommand.url(output), atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
