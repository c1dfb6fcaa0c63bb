// `labgrade export`: packages an assignment for the platform a course already grades on.
import ArgumentParser
import Foundation
import Grader

/// Exports an assignment's autograder for a grading platform.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Package an assignment's autograder for a grading platform.",
        subcommands: [ExportGradescope.self])
}

/// Writes the Gradescope autograder zip of one assignment.
struct ExportGradescope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradescope",
        abstract: "Write the autograder zip Gradescope builds its grading image from.",
        discussion: """
            The zip holds setup.sh (installs Swift 6.3.1 when absent, OpenBLAS, zlib and bubblewrap, then \
            builds labgrade in release mode), run_autograder (grades /autograder/submission into \
            /autograder/results/results.json, and writes a valid results.json saying what went wrong when \
            grading cannot run), assignment-id, and labgrade/: this package's source and its data files. \
            Upload it as the assignment's autograder configuration on Gradescope.
            """)

    @Option(name: .shortAndLong, help: "The assignment id (see `labgrade assignments`).")
    var assignment: String

    @Option(name: .shortAndLong, help: "The zip to write (default: <assignment>-gradescope.zip in the current folder).")
    var output: String?

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let file = URL(fileURLWithPath: output ?? "\(assignment)-gradescope.zip", relativeTo: current).standardized
        try GradescopeExport(assignment: assignment).write(to: file)
        print("wrote \(file.path)")
    }
}
