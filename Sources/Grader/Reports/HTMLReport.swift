// HTMLReport: one submission's report as a self-contained web page with learning-curve plots.
import Foundation

/// Writes a single HTML page for one ``GradingResult``: the score, every check with its status,
/// points, message and diagnoses, the build's diagnostics when the submission did not compile,
/// the learning curves of training checks (the submission's against the reference's, as inline
/// SVG) and what the submission printed. The page needs no script, style sheet or font from
/// anywhere else; everything taken from the result is escaped.
public enum HTMLReport {
    /// How many characters of compiler output and of each captured stream the page shows.
    static let outputLimit = 20_000

    /// The page for `result`.
    public static func render(_ result: GradingResult) -> String {
        var body = header(result)
        body += build(result.build)
        body += summaryTable(result.checks)
        body += "<h2>Checks</h2>\n"
        for check in result.checks { body += section(check) }
        body += output(result.output)
        for warning in result.environment.layers?.warnings ?? [] { body += "<p class=\"note\">⚠ sandbox: \(HTMLPage.escape(warning))</p>\n" }
        let layers = result.environment.layers.map { " (\($0.summary))" } ?? ""
        body += "<footer>labgrade \(HTMLPage.escape(result.environment.labgrade)) · \(HTMLPage.escape(result.environment.swift)) · "
            + "BLAS \(HTMLPage.escape(result.environment.blas)) · \(HTMLPage.escape(result.environment.isolation)) sandbox\(HTMLPage.escape(layers))</footer>\n"
        return HTMLPage.document(title: "\(result.submission.name) — \(result.assignment.title)", body: body)
    }

    private static func header(_ result: GradingResult) -> String {
        let fraction = result.maxScore > 0 ? result.score / result.maxScore : 0
        return """
            <h1>\(HTMLPage.escape(result.assignment.title))</h1>
            <p class="subtitle">\(HTMLPage.escape(result.assignment.id))</p>
            <p class="score">\(MarkdownReport.format(result.score)) / \(MarkdownReport.format(result.maxScore)) points</p>
            <p>\(HTMLPage.bar(fraction))\(percent(fraction))</p>
            <dl class="facts">
            <dt>Student</dt><dd>\(HTMLPage.escape(result.submission.name))</dd>
            <dt>Graded</dt><dd>\(HTMLPage.escape(result.startedAt)), in \(Seconds.text(result.seconds))</dd>
            <dt>Seed</dt><dd><code>\(result.seed)</code> (grading again with <code>--seed \(result.seed)</code> repeats this run)</dd>
            </dl>

            """
    }

    private static func build(_ build: GradingResult.BuildInfo) -> String {
        var html = ""
        if !build.compiled {
            html += "<h2>Build</h2>\n<div class=\"banner\">The submission did not compile as a whole. "
            html += build.compiledAlone.isEmpty
                ? "No exercise compiled alone either."
                : "These exercises compiled alone and were graded: \(build.compiledAlone.map(HTMLPage.escape).joined(separator: ", "))."
            html += "</div>\n" + HTMLPage.preformatted(build.diagnostics, limit: outputLimit, cssClass: "code") + "\n"
        }
        if !build.ignored.isEmpty {
            html += "<p class=\"note\">Left out of the build:</p><ul>"
                + build.ignored.map { "<li>\(HTMLPage.escape($0))</li>" }.joined() + "</ul>\n"
        }
        return html
    }

    private static func summaryTable(_ checks: [CheckResult]) -> String {
        var html = "<h2>Summary</h2>\n<table>\n<tr><th>status</th><th>check</th><th>kind</th><th>visibility</th>"
            + "<th class=\"number\">points</th><th>margin</th></tr>\n"
        for check in checks {
            html += "<tr><td>\(HTMLPage.badge(check.status))</td><td><a href=\"#\(anchor(check))\">\(HTMLPage.escape(check.title))</a></td>"
                + "<td>\(check.kind.rawValue)</td><td>\(check.visibility.rawValue)</td>"
                + "<td class=\"number\">\(MarkdownReport.format(check.points)) / \(MarkdownReport.format(check.maxPoints))</td>"
                + "<td>\(HTMLPage.escape(MarkdownReport.marginText(check)))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func section(_ check: CheckResult) -> String {
        var html = "<section class=\"check \(check.status.rawValue)\" id=\"\(anchor(check))\">\n<div class=\"check-head\">"
            + HTMLPage.badge(check.status) + "<h3>\(HTMLPage.escape(check.title))</h3><code>\(HTMLPage.escape(check.id))</code>"
            + "<span class=\"points\">\(MarkdownReport.format(check.points)) / \(MarkdownReport.format(check.maxPoints))</span></div>\n"
        html += "<p class=\"note\">exercise <code>\(HTMLPage.escape(check.exercise))</code> · \(check.kind.rawValue) check · "
            + "\(check.visibility.rawValue) · \(Seconds.text(check.seconds))</p>\n"
        switch check.status {
        case .pass: break
        case .notImplemented: html += "<p>Not implemented yet (the exercise still throws <code>NotImplemented</code>).</p>\n"
        default: if !check.message.isEmpty { html += HTMLPage.preformatted(check.message, limit: outputLimit) + "\n" }
        }
        for diagnosis in check.diagnoses {
            html += "<div class=\"diagnosis\"><strong>Diagnosis</strong> <span class=\"kind\">\(diagnosis.kind.rawValue)</span><br>"
                + "\(HTMLPage.escape(diagnosis.text))</div>\n"
        }
        if check.diagnoses.isEmpty, let text = check.diagnosis {
            html += "<div class=\"diagnosis\"><strong>Diagnosis</strong><br>\(HTMLPage.escape(text))</div>\n"
        }
        if check.instances.count > 1 && check.status != .pass && check.status != .notImplemented {
            html += instances(check.instances)
        }
        if !check.curves.isEmpty || !check.measurements.isEmpty {
            html += "<div class=\"charts\">\n" + charts(check) + (check.measurements.isEmpty ? "" : measurements(check.measurements)) + "</div>\n"
        }
        return html + "</section>\n"
    }

    /// The figures a check measured (times, limits, errors, metrics), by name.
    private static func measurements(_ figures: [String: Double]) -> String {
        let cells = figures.sorted { $0.key < $1.key }.map { name, value in
            "<tr><td>\(HTMLPage.escape(name))</td><td class=\"number\">\(value.isFinite ? String(format: "%.4g", value) : "\(value)")</td></tr>"
        }
        return "<table class=\"measurements\"><tr><th>measured</th><th class=\"number\">value</th></tr>\n"
            + cells.joined(separator: "\n") + "\n</table>\n"
    }

    private static func instances(_ instances: [CheckResult.InstanceResult]) -> String {
        var html = "<table><tr><th>instance</th><th>status</th><th>what differed</th></tr>\n"
        for instance in instances {
            let message = instance.message.count > 600 ? String(instance.message.prefix(600)) + " …" : instance.message
            html += "<tr><td>\(HTMLPage.escape(instance.label))</td><td>\(HTMLPage.badge(instance.status))</td>"
                + "<td class=\"message\">\(HTMLPage.escape(message))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// One chart per instance (`published`, `hidden 1`, …), the submission's curve against the
    /// reference's; a curve whose name has no instance prefix gets a chart of its own.
    private static func charts(_ check: CheckResult) -> String {
        var groups = [String: [(name: String, values: [Double])]]()
        for (key, values) in check.curves {
            let parts = key.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let (group, name) = parts.count == 2 ? (parts[0], parts[1]) : (key, key)
            groups[group, default: []].append((name, values))
        }
        var html = ""
        for group in groups.keys.sorted() {
            let series = groups[group]!.sorted { order($0.name) < order($1.name) }.enumerated().map { index, curve in
                SVGChart.Series(
                    name: curve.name, values: curve.values, color: color(curve.name, index: index), dashed: curve.name == "reference")
            }
            html += SVGChart.lineChart(
                series, title: "\(check.title): \(group) instance", xLabel: "recorded step (\(group) instance)", yLabel: "training loss") + "\n"
        }
        return html
    }

    private static func order(_ name: String) -> String {
        name == "yours" ? "0" : name == "reference" ? "1" : "2" + name
    }

    private static func color(_ name: String, index: Int) -> String {
        switch name {
        case "yours": return "#1f6feb"
        case "reference": return "#6e7781"
        default: return ["#d1242f", "#1a7f37", "#8250df", "#bc4c00"][index % 4]
        }
    }

    private static func output(_ output: GradingResult.OutputInfo) -> String {
        guard !output.stdout.isEmpty || !output.stderr.isEmpty else { return "" }
        var html = "<h2>Your program's output</h2>\n"
        if !output.stdout.isEmpty { html += "<h3>stdout</h3>\n" + HTMLPage.preformatted(output.stdout, limit: outputLimit, cssClass: "output") + "\n" }
        if !output.stderr.isEmpty { html += "<h3>stderr</h3>\n" + HTMLPage.preformatted(output.stderr, limit: outputLimit, cssClass: "output") + "\n" }
        if output.truncated {
            html += "<p class=\"note\">The output was truncated when it was captured: only its first bytes were kept.</p>\n"
        }
        return html
    }

    /// An id for a check's section: its manifest id, which is already a slug, made safe anyway.
    private static func anchor(_ check: CheckResult) -> String {
        "check-" + String(check.id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" ? Character($0) : "_" })
    }

    private static func percent(_ fraction: Double) -> String {
        String(format: "%.0f %%", fraction * 100)
    }
}
