// `labgrade export`: packages an assignment for the platform a course already grades on.
import ArgumentParser
import Foundation
import Grader

/// Exports an assignment's autograder for a grading platform.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Package an assignment for students (its starter) or for a grading platform (its autograder).",
        subcommands: [ExportGradescope.self, ExportStarter.self])
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

    @Option(name: .shortAndLong, help: "The assignment: an id (see `labgrade assignments`) or the folder of a course's own copy of one.")
    var assignment: String

    @Option(name: .shortAndLong, help: "The zip to write (default: <assignment>-gradescope.zip in the current folder).")
    var output: String?

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let name = (assignment as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? assignment
        let file = URL(fileURLWithPath: output ?? "\(name)-gradescope.zip", relativeTo: current).standardized
        try GradescopeExport(assignment: assignment).write(to: file)
        print("wrote \(file.path)")
    }
}

/// Writes an assignment's starter as a package students can build and test anywhere.
struct ExportStarter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "starter",
        abstract: "Write the starter students begin from, as a package of its own.",
        discussion: """
            The package holds the exercise stubs (Sources/Submission), the lab's published numbers as tests \
            (`swift test`), the handout, and LabKit as a local package of sources: it builds wherever Swift 6 and \
            OpenBLAS are installed, without this checkout. Nothing of the reference solutions, the grader or \
            the hidden instances is in it. A course's copy exports its own starter/ when it has one.
            """)

    @Option(name: .shortAndLong, help: "The assignment: an id (see `labgrade assignments`) or the folder of a course's own copy of one.")
    var assignment: String

    @Option(name: .shortAndLong, help: "A new (or empty) folder, or a .zip to write (default: <package name>/ in the current folder).")
    var output: String?

    func run() throws {
        let export = StarterExport(assignment: try AssignmentCatalog().resolve(assignment))
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let destination = URL(fileURLWithPath: output ?? export.packageName, relativeTo: current).standardized
        let files = try export.write(to: destination)
        print("wrote \(destination.path) (\(files.count) files): cd into it and run `swift test`")
    }
}
