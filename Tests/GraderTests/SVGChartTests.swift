// Specifications of the inline SVG charts and their axes, on the awkward data student code produces.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

@testable import Grader

final class SVGChartTests: XCTestCase {
    private func chart(_ values: [Double], reference: [Double]? = nil) -> String {
        var series = [SVGChart.Series(name: "yours", values: values, color: "#1f6feb")]
        if let reference { series.append(SVGChart.Series(name: "reference", values: reference, color: "#6e7781", dashed: true)) }
        return SVGChart.lineChart(series, title: "loss", xLabel: "step", yLabel: "training loss")
    }

    /// Parses `svg` as XML and returns every coordinate it draws with, checking each is a finite number.
    @discardableResult
    private func coordinates(_ svg: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Double] {
        let root = try XCTUnwrap(XMLDocument(xmlString: svg).rootElement(), file: file, line: line)
        var numbers = [Double]()
        for node in try root.nodes(forXPath: "//*") {
            guard let element = node as? XMLElement else { continue }
            for name in ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"] {
                if let value = element.attribute(forName: name)?.stringValue { numbers.append(Double(value) ?? .nan) }
            }
            for pair in (element.attribute(forName: "points")?.stringValue ?? "").split(separator: " ") {
                numbers += pair.split(separator: ",").map { Double($0) ?? .nan }
            }
        }
        XCTAssertTrue(numbers.allSatisfy(\.isFinite), "every coordinate is a finite number", file: file, line: line)
        return numbers
    }

    private func count(_ element: String, in svg: String) -> Int {
        svg.components(separatedBy: "<\(element) ").count - 1
    }

    func testEmptyCurvesDrawAFrameThatSaysSo() throws {
        let svg = chart([], reference: [])
        try coordinates(svg)
        XCTAssertTrue(svg.contains("no finite values to plot"))
        XCTAssertEqual(count("polyline", in: svg), 0)
    }

    func testASinglePointIsDrawnAsAMarker() throws {
        let svg = chart([0.7])
        try coordinates(svg)
        XCTAssertEqual(count("polyline", in: svg), 0)
        XCTAssertEqual(count("circle", in: svg), 1)
        XCTAssertTrue(svg.contains(">0<"), "the step axis has its tick at 0")
        XCTAssertFalse(svg.contains(">-1<"), "no negative steps")
    }

    func testNonFiniteValuesAreSkippedAndCounted() throws {
        let svg = chart([1, 0.9, .nan, 0.5, 0.4, .infinity, 0.2], reference: [1, -.infinity])
        try coordinates(svg)
        XCTAssertTrue(svg.contains("2 NaN or infinite values of yours skipped"), svg)
        XCTAssertTrue(svg.contains("1 NaN or infinite value of reference skipped"), svg)
        XCTAssertEqual(count("polyline", in: svg), 2, "the line breaks at each skipped value")
    }

    func testHugeRangesStayFiniteAndInsideTheFrame() throws {
        for values in [[-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude], [1e300, 1.7e308, -1e308], [5e-324, 1e-320]] {
            let svg = chart(values)
            let numbers = try coordinates(svg)
            XCTAssertTrue(numbers.allSatisfy { $0 >= 0 && $0 <= 700 }, "\(values): \(numbers.filter { $0 < 0 || $0 > 700 })")
        }
    }

    func testConstantCurvesGetARangeAroundTheirValue() throws {
        let svg = chart([0.25, 0.25, 0.25])
        try coordinates(svg)
        XCTAssertEqual(count("polyline", in: svg), 1)
        XCTAssertTrue(svg.contains(">0.25<") || svg.contains(">0.2<"), svg)
    }

    func testPositiveCurvesSpanningDecadesGetALogarithmicAxis() throws {
        let svg = chart([10, 1, 0.1, 0.001, 1e-5])
        try coordinates(svg)
        XCTAssertTrue(svg.contains("training loss (log scale)"))
        XCTAssertTrue(svg.contains(">0.001<") && svg.contains(">10<"), svg)
        XCTAssertFalse(chart([2.3, 0.05]).contains("log scale"), "under three decades stays linear")
    }

    func testLongCurvesAreBucketedKeepingTheirSpikes() {
        var values = (0..<100_000).map { 1 / Double($0 + 1) }
        values[54_321] = 100
        let points = SVGChart.buckets(values)
        XCTAssertLessThanOrEqual(points.count, 2 * SVGChart.maximumBuckets)
        XCTAssertTrue(points.contains { $0.0 == 54_321 && $0.1 == 100 }, "the spike survives")
        XCTAssertEqual(SVGChart.buckets([1, .nan, 2]).map { $0.1 }, [1, nil, 2])
    }

    func testHistogramDrawsABarPerNonEmptyBinWithItsCount() throws {
        let bins = [SVGChart.Bin(label: "0–50", count: 0), .init(label: "50–100", count: 3)]
        let svg = SVGChart.histogram(bins, title: "Scores", xLabel: "score", yLabel: "students")
        try coordinates(svg)
        XCTAssertEqual(count("rect", in: svg), 2, "the background and one bar")
        XCTAssertTrue(svg.contains(">3<") && svg.contains(">0–50<") && svg.contains(">50–100<"))
        XCTAssertTrue(SVGChart.histogram([], title: "Scores", xLabel: "score", yLabel: "students").contains("nothing to count"))
    }

    // MARK: - Axes

    func testLinearAxisTicksAreNiceSteps() {
        // (lowest, highest, integers) → expected ticks, within 1e-12 (multiples of 0.2 carry round-off).
        let table: [(Double, Double, Bool, [Double])] = [
            (0, 1, false, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0, 99, true, [0, 20, 40, 60, 80, 100]),
            (0, 3, true, [0, 1, 2, 3]),
            (-3, 7, false, [-4, -2, 0, 2, 4, 6, 8]),
        ]
        for (lowest, highest, integers, expected) in table {
            let axis = ChartAxis(lowest: lowest, highest: highest, integers: integers, logarithmic: false)
            XCTAssertEqual(axis.ticks.count, expected.count, "\(lowest)...\(highest): \(axis.ticks)")
            for (tick, want) in zip(axis.ticks, expected) { XCTAssertEqual(tick, want, accuracy: 1e-12) }
            XCTAssertGreaterThanOrEqual(axis.fraction(lowest), 0, "the axis covers the data")
            XCTAssertLessThanOrEqual(axis.fraction(highest), 1)
        }
    }

    func testTickLabelsTellCloseTicksApart() {
        let axis = ChartAxis(lowest: 1.00001, highest: 1.00002, integers: false, logarithmic: false)
        let labels = axis.ticks.map(axis.label)
        XCTAssertEqual(Set(labels).count, labels.count, "\(labels)")
        XCTAssertEqual(ChartAxis(lowest: 0, highest: 1, integers: false, logarithmic: false).label(0.6000000000000001), "0.6")
    }

    func testExtremeAxesStayFinite() {
        let axis = ChartAxis(lowest: -.greatestFiniteMagnitude, highest: .greatestFiniteMagnitude, integers: false, logarithmic: false)
        XCTAssertFalse(axis.ticks.isEmpty)
        XCTAssertTrue(axis.ticks.allSatisfy(\.isFinite))
        XCTAssertEqual(axis.fraction(0), 0.5, accuracy: 1e-9)
        XCTAssertEqual(axis.fraction(.greatestFiniteMagnitude), 1, accuracy: 1e-9)
        let single = ChartAxis(lowest: 5, highest: 5, integers: false, logarithmic: false)
        XCTAssertLessThan(single.fraction(5), 1)
        XCTAssertGreaterThan(single.fraction(5), 0)
    }
}
