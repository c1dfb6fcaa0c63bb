// `labgrade gradebook`: reads, exports and merges batch gradebooks.
import ArgumentParser
import BatchGrading
import Foundation

/// The gradebook subcommands.
struct GradebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "Export, summarise, inspect, merge and report gradebooks written by `labgrade batch`.",
        subcommands: [GradebookExportCommand.self, GradebookSummaryCommand.self, GradebookHistoryCommand.self, GradebookMergeCommand.self,
                      GradebookReportCommand.self])
}

/// The `--gradebook` and `--assignment` options the reading subcommands share.
struct GradebookSelection: ParsableArguments {
    @Option(help: "The gradebook file.")
    var gradebook: String = Gradebook.defaultFileName

    @Option(name: .shortAndLong, help: "The assignment (default: the gradebook's only one).")
    var assignment: String?

    /// The gradebook, opened read-only.
    func open() throws -> Gradebook {
        try Gradebook(existing: BatchCommand.url(gradebook), readOnly: true)
    }
}
