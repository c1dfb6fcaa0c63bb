// `labgrade gradebook report`: every student's reports and the class page, from a gradebook.
import ArgumentParser
import BatchGrading
import Foundation
import Grader

/// Writes the reports of the current grades again, e.g. from a gradebook merged from shards.
struct GradebookReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write every graded student's JSON, Markdown and HTML reports and the class page from a gradebook.",
        discussion: "Reports go to <out>/<student>/ and the class summary page to <out>/class.html, "
            + "from each student's current grade (the same files `labgrade batch --out` writes).")

    @OptionGroup var selection: GradebookSelection

    @Option(name: .shortAndLong, help: "The folder to write the reports into.")
    var out: String

    func run() throws {
        let book = try selection.open()
        let assignment = try AssignmentCatalog().load(try book.assignment(selection.assignment))
        let page = try ClassPage.write(from: book, assignment: assignment, to: BatchCommand.url(out), studentReports: true)
        print("wrote \(page.path)")
    }
}
