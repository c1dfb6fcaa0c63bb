// labgrade: the command-line entry point; it parses, calls Grader and LabKit, and renders.
import ArgumentParser
import Grader

/// The `labgrade` command and its subcommands.
@main
struct Labgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labgrade",
        abstract: "Grades neural-network labs written in Swift against trusted reference solutions.",
        version: LabgradeVersion.current,
        subcommands: [
            Grade.self, CheckCommand.self, BatchCommand.self, GradebookCommand.self, Verify.self, Assignments.self, Doctor.self,
            CorpusCommand.self, ExportCommand.self,
        ]
    )
}
