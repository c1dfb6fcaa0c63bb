// `labgrade check`: a student runs the visible checks on the published instances of their own package.
import ArgumentParser
import Foundation
import Grader

/// Runs the checks a student may see on the lab's published numbers, and says what to look at.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the visible checks on your starter package before you hand it in.",
        discussion: """
            Builds your package the way grading does and runs the checks marked visible, on the lab's \
            published instances only. Hidden checks and the randomized instances run only when your \
            submission is graded, so passing here is necessary, not sufficient. Messages say which entries \
            differ and what the numbers are consistent with, never the expected values. The assignment is \
            read off the entry type your package declares (e.g. HLCVExercise2); --assignment overrides it. \
            Exit status 0 means the checks ran, whatever they found.
            """)

    @Argument(help: "Your starter package (default: the current directory).")
    var path: String = "."

    @Option(name: .shortAndLong, help: "The assignment, when it cannot be read off the package: an id (see `labgrade assignments`) or the folder of a course's copy.")
    var assignment: String?

    func run() throws {
        let folder = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardized
        let catalog = AssignmentCatalog()
        let manifest = try catalog.resolve(assignment ?? catalog.inferAssignment(of: folder)).assignment
        print("Checking \(folder.path) against \(manifest.title) (\(manifest.id)): visible checks, published instances.\n")
        let result = try Grading.grade(folder, assignment: manifest, options: GradeOptions(studentPreview: true))
        print(TerminalText.visible(Self.render(result)))
    }

    /// The terminal text: a line per check, then what to look at for each one that did not pass.
    static func render(_ result: GradingResult) -> String {
        var text = ""
        if !result.build.compiled {
            text += "Your package does not compile as a whole"
            text += result.build.compiledAlone.isEmpty ? ".\n" : "; checked alone: \(result.build.compiledAlone.joined(separator: ", ")).\n"
            text += indent(String(result.build.diagnostics.prefix(4000))) + "\n\n"
        }
        let width = result.checks.map(\.title.count).max() ?? 0
        for check in result.checks {
            let title = check.title.padding(toLength: width, withPad: " ", startingAt: 0)
            text += "\(MarkdownReport.symbol(check.status)) \(title)  \(points(check.points, of: check.maxPoints))\n"
        }
        let passed = result.checks.filter { $0.status == .pass }.count
        text += "\n\(passed) of \(result.checks.count) visible checks pass (\(points(result.score, of: result.maxScore)) points).\n"
        let problems = result.checks.filter { $0.status != .pass }
        if !problems.isEmpty { text += "\nWhat to look at:\n" }
        for check in problems {
            text += "\n\(MarkdownReport.symbol(check.status)) \(check.title) [\(check.id), exercise \(check.exercise)]\n"
            switch check.status {
            case .notImplemented: text += "    not implemented yet: the exercise still throws NotImplemented.\n"
            default:
                text += indent(check.message) + "\n"
                for diagnosis in check.diagnoses { text += indent("diagnosis (\(diagnosis.kind.rawValue)): \(diagnosis.text)") + "\n" }
            }
        }
        if !result.output.stdout.isEmpty || !result.output.stderr.isEmpty {
            text += "\nYour program printed:\n" + indent(String((result.output.stdout + result.output.stderr).prefix(2000))) + "\n"
        }
        text += "\nHidden checks and randomized instances run when your submission is graded.\n"
        return text
    }

    private static func points(_ earned: Double, of available: Double) -> String {
        "\(MarkdownReport.format(earned)) / \(MarkdownReport.format(available))"
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
