// `labgrade grade`: grades one submission and writes its reports.
import ArgumentParser
import Foundation
import Grader

/// Grades one submission against an assignment.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade one submission and write its reports.",
        discussion: """
            The submission is a folder of .swift files, a SwiftPM package shaped like the starter, or a .zip \
            or .tar.gz of either. It is compiled against LabKit only, run in the sandbox, and checked against \
            the reference solution. Exit status 0 means it was graded, whatever the score; non-zero means \
            grading itself could not run.
            """)

    @Argument(help: "The submission: a folder, a package, a .zip or a .tar.gz.")
    var submission: String

    @Option(name: .shortAndLong, help: "The assignment: an id (see `labgrade assignments`) or the folder of a course's own copy of one.")
    var assignment: String

    @Option(name: .shortAndLong, parsing: .upToNextOption, help: "Report formats to write: json, gradescope, junit, markdown, html.")
    var format: [String] = ["json", "markdown"]

    @Option(name: .shortAndLong, help: "Folder for the reports (default: print the Markdown report only).")
    var out: String?

    @Option(help: "Seed of the randomized hidden instances, to repeat a run exactly.")
    var seed: UInt32?

    @Flag(help: "Keep the scratch folder (build products, sandbox folders) and print its location.")
    var keepScratch = false

    @Flag(help: "Run the grading's two check lanes one after the other (by default they run side by side on a machine with more than one core).")
    var oneLaneAtATime = false

    func run() throws {
        let formats = try format.map { name in
            guard let value = ReportFormat(rawValue: name) else {
                throw ValidationError("unknown format \"\(name)\"; choose from \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
        let manifest = try AssignmentCatalog().resolve(assignment).assignment
        let path = URL(fileURLWithPath: submission, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardized
        let result = try Grading.grade(path, assignment: manifest, options: GradeOptions(seed: seed, keepScratch: keepScratch, overlapsLanes: !oneLaneAtATime && GradeOptions().overlapsLanes))
        if let out {
            for format in formats {
                let file = try result.write(to: URL(fileURLWithPath: out), as: format)
                print("wrote \(file.path)")
            }
        }
        print(try ReportFormat.markdown.render(result))
    }
}
