// SVGChart: inline SVG line charts and histograms for the HTML reports, robust to whatever data comes in.
import Foundation

/// Draws the charts of the HTML reports as inline SVG: no script, no external file, no font download.
///
/// The numbers come from student code, so nothing is assumed about them: a chart without a single
/// finite value is an empty frame that says so; one point is drawn as a marker; NaN and ±∞ are
/// skipped, the line broken there, and the chart says how many were skipped; a positive series
/// spanning more than three decades gets a logarithmic axis; magnitudes up to
/// `Double.greatestFiniteMagnitude` are placed without overflowing; series longer than
/// ``maximumBuckets`` are drawn as the minimum and maximum of each bucket, so a spike stays visible.
enum SVGChart {
    /// One line of a line chart: a history indexed by step.
    struct Series {
        /// The legend's name for it.
        var name: String
        /// The values, one per recorded step.
        var values: [Double]
        /// A CSS colour.
        var color: String
        /// Drawn dashed (the reference), so the chart also reads in black and white.
        var dashed = false
    }

    /// One bar of a histogram.
    struct Bin {
        /// What the bar covers, e.g. `40–50`.
        var label: String
        /// How many values fall in it.
        var count: Int
    }

    /// The most points of a series drawn as they are; longer series are bucketed.
    static let maximumBuckets = 500

    private static let width = 640.0, height = 320.0
    private static let left = 70.0, right = 16.0, top = 30.0, bottom = 46.0

    /// A line chart of `series` against their step index, with axes, ticks, grid and legend.
    static func lineChart(_ series: [Series], title: String, xLabel: String, yLabel: String) -> String {
        let finite = series.flatMap { $0.values.filter(\.isFinite) }
        let skipped = series.compactMap { line -> String? in
            let count = line.values.count { !$0.isFinite }
            return count == 0 ? nil : "\(count) NaN or infinite value\(count == 1 ? "" : "s") of \(line.name) skipped"
        }
        var svg = frame(title: title, notes: skipped)
        svg.body += legend(series)
        guard let lowest = finite.min(), let highest = finite.max() else {
            svg.body += emptyPlot("no finite values to plot")
            return svg.text
        }
        let steps = series.map(\.values.count).max() ?? 1
        let x = ChartAxis(lowest: 0, highest: Double(max(steps - 1, 0)), integers: true, logarithmic: false)
        let logarithmic = lowest > 0 && highest / lowest > 1000
        let y = ChartAxis(lowest: lowest, highest: highest, integers: false, logarithmic: logarithmic)
        svg.body += axes(x: x, lastStep: Double(max(steps - 1, 0)), y: y, xLabel: xLabel, yLabel: logarithmic ? "\(yLabel) (log scale)" : yLabel)
        // Dashed series (the reference) go on top, so a curve that matches it exactly still shows both.
        for line in series.filter({ !$0.dashed }) + series.filter(\.dashed) {
            svg.body += path(of: line, x: x, y: y)
        }
        return svg.text
    }

    /// A bar chart of `bins` in order, with a count axis.
    static func histogram(_ bins: [Bin], title: String, xLabel: String, yLabel: String) -> String {
        var svg = frame(title: title, notes: [])
        guard !bins.isEmpty else {
            svg.body += emptyPlot("nothing to count")
            return svg.text
        }
        let most = Double(bins.map(\.count).max() ?? 0)
        let y = ChartAxis(lowest: 0, highest: Swift.max(most, 1), integers: true, logarithmic: false)
        svg.body += yAxis(y, label: yLabel)
        let plotWidth = width - left - right, slot = plotWidth / Double(bins.count)
        let base = top + plotHeight
        for (index, bin) in bins.enumerated() {
            let x0 = left + Double(index) * slot
            let barTop = top + (1 - y.fraction(Double(bin.count))) * plotHeight
            if bin.count > 0 {
                svg.body += "<rect x=\"\(n(x0 + slot * 0.1))\" y=\"\(n(barTop))\" width=\"\(n(slot * 0.8))\" "
                    + "height=\"\(n(base - barTop))\" fill=\"#4c78a8\"><title>\(HTMLPage.escape(bin.label)): \(bin.count)</title></rect>"
                svg.body += text(x0 + slot / 2, barTop - 4, "\(bin.count)", anchor: "middle", cssClass: "count")
            }
            svg.body += text(x0 + slot / 2, base + 16, bin.label, anchor: "middle", cssClass: "tick")
        }
        svg.body += line(left, base, left + plotWidth, base, cssClass: "axis")
        svg.body += text(left + plotWidth / 2, height - 8, xLabel, anchor: "middle", cssClass: "label")
        return svg.text
    }

    // MARK: - Pieces

    private static var plotHeight: Double { height - top - bottom }

    /// An SVG document under construction: its notes add height below the plot.
    private struct Frame {
        var head: String
        var body = ""
        var text: String { head + body + "</svg>" }
    }

    private static func frame(title: String, notes: [String]) -> Frame {
        let total = height + Double(notes.count) * 16
        var head = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(n(width)) \(n(total))\" "
            + "width=\"\(n(width))\" height=\"\(n(total))\"><title>\(HTMLPage.escape(title))</title>"
            + "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(total))\" fill=\"#ffffff\"/>"
        for (index, note) in notes.enumerated() {
            head += text(left, height + 12 + Double(index) * 16, "⚠ " + note, anchor: "start", cssClass: "note")
        }
        return Frame(head: head)
    }

    private static func legend(_ series: [Series]) -> String {
        var out = "", x = left
        for line in series {
            out += "<line x1=\"\(n(x))\" y1=\"14\" x2=\"\(n(x + 24))\" y2=\"14\" stroke=\"\(line.color)\" stroke-width=\"2.5\""
                + (line.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>"
            out += text(x + 30, 18, line.name, anchor: "start", cssClass: "legend")
            x += 42 + Double(line.name.count) * 7
        }
        return out
    }

    private static func emptyPlot(_ message: String) -> String {
        "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(width - left - right))\" height=\"\(n(plotHeight))\" class=\"empty\"/>"
            + text(left + (width - left - right) / 2, top + plotHeight / 2, message, anchor: "middle", cssClass: "label")
    }

    /// Both axes; steps run from 0 to `lastStep`, so ticks the widened axis has beyond them are left out.
    private static func axes(x: ChartAxis, lastStep: Double, y: ChartAxis, xLabel: String, yLabel: String) -> String {
        var out = yAxis(y, label: yLabel)
        let base = top + plotHeight, plotWidth = width - left - right
        for tick in x.ticks where tick >= 0 && tick <= lastStep {
            let position = left + x.fraction(tick) * plotWidth
            out += line(position, base, position, base + 5, cssClass: "axis")
            out += text(position, base + 18, x.label(tick), anchor: "middle", cssClass: "tick")
        }
        out += line(left, base, left + plotWidth, base, cssClass: "axis")
        out += text(left + plotWidth / 2, height - 8, xLabel, anchor: "middle", cssClass: "label")
        return out
    }

    /// The vertical axis with grid lines; it runs upwards, so fraction `f` of the axis sits `1 − f` down the plot.
    private static func yAxis(_ y: ChartAxis, label: String) -> String {
        var out = ""
        let plotWidth = width - left - right
        for tick in y.ticks {
            let position = top + (1 - y.fraction(tick)) * plotHeight
            out += line(left, position, left + plotWidth, position, cssClass: "grid")
            out += text(left - 6, position + 4, y.label(tick), anchor: "end", cssClass: "tick")
        }
        out += line(left, top, left, top + plotHeight, cssClass: "axis")
        let middle = top + plotHeight / 2
        out += "<text x=\"14\" y=\"\(n(middle))\" transform=\"rotate(-90 14 \(n(middle)))\" text-anchor=\"middle\" "
            + "class=\"label\">\(HTMLPage.escape(label))</text>"
        return out
    }

    /// The series as polylines broken at non-finite values, with markers where a run is one point.
    private static func path(of series: Series, x: ChartAxis, y: ChartAxis) -> String {
        let plotWidth = width - left - right
        var out = "", run = [(Double, Double)]()
        let markAll = series.values.count <= 25
        func flush() {
            if run.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"2\" stroke-linejoin=\"round\""
                    + (series.dashed ? " stroke-dasharray=\"6 4\"" : "")
                    + " points=\"\(run.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\"/>"
            }
            if run.count == 1 || markAll {
                for point in run { out += "<circle cx=\"\(n(point.0))\" cy=\"\(n(point.1))\" r=\"3\" fill=\"\(series.color)\"/>" }
            }
            run = []
        }
        for (step, value) in buckets(series.values) {
            guard let value else {
                flush()
                continue
            }
            run.append((left + x.fraction(step) * plotWidth, top + (1 - y.fraction(value)) * plotHeight))
        }
        flush()
        return out
    }

    /// `(step, value)` pairs to draw, `nil` marking a gap: every value of a short series, or the
    /// minimum and maximum of each of ``maximumBuckets`` buckets of a long one (in step order).
    static func buckets(_ values: [Double]) -> [(Double, Double?)] {
        guard values.count > 2 * maximumBuckets else {
            return values.enumerated().map { (Double($0.offset), $0.element.isFinite ? $0.element : nil) }
        }
        let size = (values.count + maximumBuckets - 1) / maximumBuckets
        var out = [(Double, Double?)]()
        for start in stride(from: 0, to: values.count, by: size) {
            let indices = (start..<Swift.min(start + size, values.count)).filter { values[$0].isFinite }
            guard let low = indices.min(by: { values[$0] < values[$1] }), let high = indices.max(by: { values[$0] < values[$1] }) else {
                out.append((Double(start), nil))
                continue
            }
            for index in Set([low, high]).sorted() { out.append((Double(index), values[index])) }
        }
        return out
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cssClass: String) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" class=\"\(cssClass)\"/>"
    }

    private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, cssClass: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" class=\"\(cssClass)\">\(HTMLPage.escape(content))</text>"
    }

    /// A coordinate with one decimal: enough for a screen, short in the file.
    private static func n(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
