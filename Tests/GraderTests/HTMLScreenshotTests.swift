// Renders the HTML pages in headless Chromium and checks that the screenshots show something.
import Foundation
import XCTest

@testable import Grader

final class HTMLScreenshotTests: XCTestCase {
    private static let window = (width: 1200, height: 1600)

    /// Chromium from PATH; a failure (not a skip) when it is missing, since CI installs it.
    private func chromium() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").flatMap { ["\($0)/chromium", "\($0)/chromium-browser"] } + ["/usr/bin/chromium"]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            XCTFail("chromium is not installed: run scripts/setup (it installs the Debian package chromium)")
            throw XCTSkip("no chromium")
        }
        return URL(fileURLWithPath: found)
    }

    /// Writes `html` to `name` in `folder`, screenshots it and decodes the PNG; with
    /// `LABGRADE_SCREENSHOT_DIR` set, a copy of the PNG is left there.
    private func screenshot(_ html: String, named name: String, in folder: URL) throws -> PNGImage {
        let browser = try chromium()
        let page = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try html.write(to: page, atomically: true, encoding: .utf8)
        let png = page.deletingPathExtension().appendingPathExtension("png")
        let result = try Compiler.run(browser, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--screenshot=\(png.path)", "--window-size=\(Self.window.width),\(Self.window.height)", page.absoluteURL.absoluteString,
        ], in: folder, timeout: 120)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: png.path), "no screenshot: \(result.output)")
        if let keep = ProcessInfo.processInfo.environment["LABGRADE_SCREENSHOT_DIR"] {
            // For a person to look at: the scratch folder is removed when the test ends.
            let copy = URL(fileURLWithPath: keep).appendingPathComponent(name.replacingOccurrences(of: "/", with: "-") + ".png")
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: png, to: copy)
        }
        let image = try PNGImage(contentsOf: png)
        XCTAssertEqual(image.width, Self.window.width)
        XCTAssertEqual(image.height, Self.window.height)
        return image
    }

    /// The fraction of pixels that are neither the window's background (the top-left pixel) nor the page's white.
    private func ink(_ image: PNGImage) -> Double {
        image.fraction(otherThan: [image.colour(at: 0), 0xFFFFFF])
    }

    func testReportOfAGradedSubmissionAndTheClassPageRenderInChromium() throws {
        let folder = try GraderFixtures.scratch(self)
        let blank = try screenshot("<!DOCTYPE html><html><body></body></html>", named: "blank.html", in: folder)
        XCTAssertEqual(blank.distinctColours, 1, "an empty page is one colour: the decoder and the comparison are sound")

        let assignment = try SampleResults.hlcv()
        var graded = try Grading.grade(
            GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution"), assignment: assignment,
            options: GraderFixtures.options(seed: 7))
        XCTAssertFalse(graded.checks.first { $0.id == "q3a-toy-sgd" }?.curves.isEmpty ?? true, "training checks carry curves")
        graded.submission.name = "reference"
        let report = try screenshot(HTMLReport.render(graded), named: "reference/report.html", in: folder)
        XCTAssertGreaterThan(report.distinctColours, 50, "text, badges, bars and charts")
        XCTAssertGreaterThan(ink(report), 0.03, "the page is drawn, not left blank")

        let factor = Diagnosis(.sumNotMean, "dW1 is N = 5 times the expected value")
        let classmates = [
            SampleResults.result("ann", of: assignment, outcomes: ["q2-gradients": .fail, "q3b-real-images": .timeout], diagnosis: factor),
            SampleResults.result("ben", of: assignment, outcomes: ["q1b-loss": .error], compiled: false),
            SampleResults.result("cat", of: assignment, outcomes: ["q2-gradients": .fail], diagnosis: factor),
        ]
        let summary = try screenshot(
            ClassReport.render(results: [graded] + classmates, assignment: assignment), named: "class.html", in: folder)
        XCTAssertGreaterThan(summary.distinctColours, 50)
        XCTAssertGreaterThan(ink(summary), 0.03)
    }
}
