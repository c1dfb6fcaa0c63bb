// Specifications of the report writers, over one hand-made result.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

@testable import Grader

final class ReportTests: XCTestCase {
    private func result() -> GradingResult {
        func check(_ id: String, _ status: CheckResult.Status, points: Double, visibility: Check.Visibility) -> CheckResult {
            CheckResult(
                id: id, title: "Check \(id) <&>", exercise: "loss", kind: .value, visibility: visibility, status: status,
                points: status == .pass ? points : 0, maxPoints: points, message: status == .pass ? "" : "dW1 differs\nsecond line",
                diagnosis: status == .fail ? "dW1 is off by a constant factor of 5" : nil,
                diagnoses: status == .fail ? [Diagnosis(.constantFactor, "dW1 is off by a constant factor of 5")] : [],
                instances: [], seconds: 0.25, curves: ["published: yours": [1, 0.5]], measurements: ["x": .nan])
        }
        return GradingResult(
            assignment: .init(id: "hlcv-ex2", title: "HLCV"), submission: .init(name: "alice", path: "/tmp/alice"), seed: 42,
            startedAt: "2026-11-23T06:00:00Z", seconds: 3.5,
            environment: .init(labgrade: "0.1.0", swift: "Swift 6.3.1", blas: "Zen", isolation: "bubblewrap"),
            build: .init(compiled: true, compiledAlone: [], diagnostics: "", ignored: [], seconds: 0.7),
            checks: [
                check("a", .pass, points: 4, visibility: .visible), check("b", .fail, points: 2.5, visibility: .hidden),
                check("c", .timeout, points: 1, visibility: .afterDueDate), check("d", .notImplemented, points: 1, visibility: .visible),
            ],
            output: .init(stdout: "hello\u{0}", stderr: "", truncated: false))
    }

    func testGradescopeResultsFollowTheDocumentedSchema() throws {
        let text = try ReportFormat.gradescope.render(result())
        let object = try GradescopeSchema.validate(Data(text.utf8))
        XCTAssertEqual(object["score"] as? Double, 4)
        let tests = try XCTUnwrap(object["tests"] as? [[String: Any]])
        XCTAssertEqual(tests.count, 4)
        XCTAssertEqual(tests[1]["visibility"] as? String, "hidden")
        XCTAssertTrue((tests[1]["output"] as? String)?.contains("Diagnosis: dW1 is off by a constant factor of 5") == true)
    }

    func testJUnitIsWellFormedAndCountsOutcomes() throws {
        let text = try ReportFormat.junit.render(result())
        let document = try XMLDocument(data: Data(text.utf8))
        let suite = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, "4")
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "1")
        XCTAssertEqual(suite.attribute(forName: "errors")?.stringValue, "1")
        XCTAssertEqual(suite.attribute(forName: "skipped")?.stringValue, "1")
        XCTAssertEqual(try suite.nodes(forXPath: "testcase[@name='b']/failure").count, 1)
    }

    func testJSONReportRoundTripsTheResultWithTotals() throws {
        let original = result()
        let text = try ReportFormat.json.render(original)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoded = try decoder.decode(GradingResult.self, from: Data(text.utf8))
        XCTAssertEqual(decoded.checks.map(\.status), original.checks.map(\.status))
        XCTAssertEqual(decoded.seed, 42)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["score"] as? Double, 4)
        XCTAssertEqual(object["maxScore"] as? Double, 8.5)
    }

    func testMarkdownShowsScoreAndExplainsEveryLostCheck() throws {
        let text = try ReportFormat.markdown.render(result())
        XCTAssertTrue(text.contains("**4 / 8.50 points**"), text)
        XCTAssertTrue(text.contains("### ✗ Check b"), text)
        XCTAssertTrue(text.contains("Diagnosis: dW1 is off by a constant factor of 5"), text)
        XCTAssertTrue(text.contains("Not implemented yet"), text)
        XCTAssertFalse(text.contains("### ✓"), text)
    }

    func testReportsAreWrittenUnderTheirFileNames() throws {
        let folder = try GraderFixtures.scratch(self)
        for format in ReportFormat.allCases {
            let file = try result().write(to: folder, as: format)
            XCTAssertEqual(file.lastPathComponent, format.fileName)
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
        }
    }
}
