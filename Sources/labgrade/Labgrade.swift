// labgrade: the command-line entry point; it parses, calls Grader and LabKit, and renders.
import ArgumentParser
import Grader
import LabKit

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

    /// Restarts once with the OpenBLAS kernels this CPU deserves when the library fell back to
    /// older ones (see ``BLASKernel``), then runs the command.
    static func main() {
        BLASKernel.restartWithBetterKernelsIfNeeded()
        main(nil)
    }
}
