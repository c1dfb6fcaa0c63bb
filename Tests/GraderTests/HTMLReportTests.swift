// Specifications of the HTML pages: one submission's report and the class summary.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

@testable import Grader

final class HTMLReportTests: XCTestCase {
    private let hostile = "<script>alert('x')</script> & \"quoted\"\u{0}\u{7}"

    /// The `<svg>…</svg>` fragments of `page`, each of which must be well-formed XML.
    private func svgs(in page: String) throws -> [XMLElement] {
        try page.components(separatedBy: "<svg ").dropFirst().map { chunk in
            let svg = "<svg " + chunk.components(separatedBy: "</svg>")[0] + "</svg>"
            return try XCTUnwrap(XMLDocument(xmlString: svg).rootElement())
        }
    }

    func testEverythingTakenFromTheResultIsEscaped() throws {
        var result = SampleResults.result("alice <b>", of: try SampleResults.hlcv(), outcomes: ["q1b-loss": .fail], output: hostile)
        result.checks[2].message = hostile
        result.checks[2].diagnoses = [Diagnosis(.constantFactor, hostile)]
        let page = HTMLReport.render(result)
        XCTAssertFalse(page.contains("<script"), "a submission's text must never become markup")
        XCTAssertFalse(page.contains("<b>"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quoted&quot;"), page)
        XCTAssertFalse(page.unicodeScalars.contains { $0.value == 0 || $0.value == 7 }, "control characters are dropped")
        XCTAssertTrue(page.contains("alice &lt;b&gt;"))
    }

    func testPageIsSelfContained() throws {
        let page = HTMLReport.render(SampleResults.result("alice", of: try SampleResults.hlcv(), outcomes: ["q3a-toy-sgd": .fail]))
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<style>"))
        for external in ["<script", "<link", "src=", "@import", "url("] {
            XCTAssertFalse(page.contains(external), "the page must not load \(external)")
        }
        let addresses = page.components(separatedBy: "http").count - 1
        let namespaces = page.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        XCTAssertEqual(addresses, namespaces, "the only address is the SVG namespace")
    }

    func testEveryCheckIsShownWithStatusPointsMessageAndDiagnosis() throws {
        let assignment = try SampleResults.hlcv()
        let result = SampleResults.result(
            "alice", of: assignment, outcomes: ["q2-gradients": .fail, "q1a-scores": .timeout, "q3-predict": .notImplemented],
            diagnosis: Diagnosis(.sumNotMean, "dW1 is N = 5 times the expected value"))
        let page = HTMLReport.render(result)
        XCTAssertTrue(page.contains("\(MarkdownReport.format(result.score)) / 35 points"), page)
        for check in assignment.checks { XCTAssertTrue(page.contains("id=\"check-\(check.id)\""), check.id) }
        XCTAssertTrue(page.contains("<span class=\"badge fail\">fail</span>"))
        XCTAssertTrue(page.contains("<span class=\"badge timeout\">timeout</span>"))
        XCTAssertTrue(page.contains("Not implemented yet"))
        XCTAssertTrue(page.contains("q2-gradients lost its points: dW1 &lt; expected &amp; &quot;quoted&quot;"))
        XCTAssertTrue(page.contains("sum-not-mean</span><br>dW1 is N = 5 times the expected value"), page)
        XCTAssertTrue(page.contains("<dt>Seed</dt><dd><code>7</code>"))
    }

    func testTrainingCurvesAreDrawnAgainstTheReference() throws {
        let page = HTMLReport.render(SampleResults.result("alice", of: try SampleResults.hlcv()))
        let charts = try svgs(in: page)
        XCTAssertEqual(charts.count, 2, "one chart per training check's instance")
        for chart in charts {
            let lines = try chart.nodes(forXPath: ".//*[local-name()='polyline']").compactMap { $0 as? XMLElement }
            XCTAssertEqual(lines.count, 2, "yours and the reference")
            XCTAssertEqual(lines.filter { $0.xmlString.contains("stroke-dasharray") }.count, 1, "the reference is dashed")
            let labels = try chart.nodes(forXPath: ".//*[local-name()='text']").compactMap(\.stringValue)
            XCTAssertTrue(labels.contains("yours") && labels.contains("reference"), "\(labels)")
            XCTAssertTrue(labels.contains("training loss"))
        }
    }

    func testBuildFailureShowsTheCompilerOutput() throws {
        let page = HTMLReport.render(SampleResults.result("bob", of: try SampleResults.hlcv(), compiled: false))
        XCTAssertTrue(page.contains("did not compile as a whole"))
        XCTAssertTrue(page.contains("These exercises compiled alone and were graded: scores."))
        XCTAssertTrue(page.contains("Q1bLoss.swift:7:50: error: &lt;cannot convert&gt;"))
    }

    func testCapturedOutputIsShownWithTheTruncationNote() throws {
        var result = SampleResults.result("carol", of: try SampleResults.hlcv(), output: String(repeating: "spam ", count: 5000))
        result.output.truncated = true
        let page = HTMLReport.render(result)
        XCTAssertTrue(page.contains("<h3>stdout</h3>"))
        XCTAssertTrue(page.contains("Shown: the first 20000 of 25000 characters."))
        XCTAssertTrue(page.contains("The output was truncated when it was captured"))
    }

    func testHTMLIsAReportFormatWrittenAsReportHTML() throws {
        let result = SampleResults.result("alice", of: try SampleResults.hlcv())
        XCTAssertEqual(ReportFormat(rawValue: "html"), .html)
        XCTAssertEqual(ReportFormat.html.fileName, "report.html")
        XCTAssertEqual(try ReportFormat.html.render(result), HTMLReport.render(result))
    }

    // MARK: - Class page

    func testClassPageSummarisesScoresAndListsChecksMostFailedFirst() throws {
        let assignment = try SampleResults.hlcv()
        let factor = Diagnosis(.sumNotMean, "dW1 is N = 5 times the expected value")
        let results = [
            SampleResults.result("ann", of: assignment, outcomes: ["q2-gradients": .fail, "q1b-loss": .fail], diagnosis: factor),
            SampleResults.result("ben", of: assignment, outcomes: ["q2-gradients": .fail], diagnosis: factor),
            SampleResults.result("cat", of: assignment),
        ]
        let page = ClassReport.render(results: results, assignment: assignment)
        XCTAssertTrue(page.contains("<dt>Graded</dt><dd>3 submissions</dd>"), page)
        // 21, 25 and 35 points: mean 27, median 25.
        XCTAssertTrue(page.contains("<dt>Mean score</dt><dd>27.00 / 35 (77 %)</dd>"), page)
        XCTAssertTrue(page.contains("<dt>Median score</dt><dd>25.00 / 35 (71 %)</dd>"), page)
        let gradients = try XCTUnwrap(page.range(of: "Q2 a-c)")), loss = try XCTUnwrap(page.range(of: "Q1 b)")),
            scores = try XCTUnwrap(page.range(of: "Q1 a)"))
        XCTAssertLessThan(gradients.lowerBound, loss.lowerBound, "1/3 passed comes before 2/3")
        XCTAssertLessThan(loss.lowerBound, scores.lowerBound, "2/3 passed comes before 3/3")
        XCTAssertTrue(page.contains("1 / 3 (33 %)"), page)
        XCTAssertTrue(page.contains("<code>sum-not-mean</code></span> × 2"), page)
        XCTAssertEqual(try svgs(in: page).count, 1, "the score histogram")
    }

    func testClassPageLinksEachStudentToTheirReport() throws {
        let assignment = try SampleResults.hlcv()
        let page = ClassReport.render(
            results: [SampleResults.result("ann lee#1", of: assignment), SampleResults.result("bo", of: assignment, compiled: false)],
            assignment: assignment, ungraded: [.init(student: "dan", reason: "no .swift files in <submission>")])
        XCTAssertTrue(page.contains("<a href=\"ann%20lee%231/report.html\">ann lee#1</a>"), page)
        XCTAssertTrue(page.contains("<a href=\"bo/report.html\">bo</a> <span class=\"badge error\">did not compile</span>"), page)
        XCTAssertTrue(page.contains("<td>dan</td><td>no .swift files in &lt;submission&gt;</td>"), page)
        XCTAssertTrue(page.contains("2 submissions; 1 could not be graded"))
    }

    func testClassPageOfNoResultsStillRenders() throws {
        let page = ClassReport.render(results: [], assignment: try SampleResults.hlcv())
        XCTAssertTrue(page.contains("<dt>Graded</dt><dd>0 submissions</dd>"))
        XCTAssertTrue(page.contains("<dt>Mean score</dt><dd>—</dd>"))
        XCTAssertEqual(try svgs(in: page).count, 1)
    }

    func testMedianAndHistogramBins() {
        XCTAssertNil(ClassReport.median([]))
        XCTAssertEqual(ClassReport.median([3]), 3)
        XCTAssertEqual(ClassReport.median([4, 1, 3, 2]), 2.5)
        let bins = ClassReport.histogramBins([0, 4.25, 8.5, 8.5, .nan], maximum: 8.5)
        XCTAssertEqual(bins.map(\.count), [1, 0, 0, 0, 0, 1, 0, 0, 0, 2], "a full score falls in the last bin; NaN in none")
        XCTAssertEqual(bins.first?.label, "0–10")
        XCTAssertEqual(bins.last?.label, "90–100")
    }
}
