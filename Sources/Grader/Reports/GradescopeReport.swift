// GradescopeReport: Gradescope's results.json (score, tests[], execution_time, output).
import Foundation

/// Writes the schema Gradescope's autograder documents: top-level `score`, `execution_time`,
/// `output`, `visibility`, `stdout_visibility`, and `tests[]` with `name`, `name_format`, `score`,
/// `max_score`, `status` (`passed`/`failed`), `output`, `output_format` and `visibility`.
enum GradescopeReport {
    struct Results: Codable {
        var score: Double
        var execution_time: Double
        var output: String
        var output_format: String
        var visibility: String
        var stdout_visibility: String
        var tests: [Test]
    }

    struct Test: Codable {
        var name: String
        var name_format: String
        var number: String
        var score: Double
        var max_score: Double
        var status: String
        var output: String
        var output_format: String
        var visibility: String
    }

    static func render(_ result: GradingResult) throws -> String {
        let tests = result.checks.enumerated().map { index, check in
            Test(
                name: check.title, name_format: "text", number: "\(index + 1)", score: check.points, max_score: check.maxPoints,
                status: check.status == .pass ? "passed" : "failed", output: MarkdownReport.feedback(check),
                output_format: "md", visibility: check.visibility.rawValue)
        }
        var summary = "labgrade \(result.environment.labgrade), seed \(result.seed)."
        if !result.build.compiled {
            summary += "\n\nYour submission did not compile as a whole; exercises that compiled alone were graded.\n\n```\n"
                + String(result.build.diagnostics.prefix(6000)) + "\n```"
        }
        let document = Results(
            score: result.score, execution_time: (result.seconds * 100).rounded() / 100, output: summary, output_format: "md",
            visibility: "visible", stdout_visibility: "hidden", tests: tests)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
