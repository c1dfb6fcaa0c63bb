// ClassReport: the class summary page of a batch — scores, a histogram, checks by pass rate, students.
import Foundation

/// Writes the class summary page (`class.html`) from the results of one assignment: how many were
/// graded, the mean and median score, a histogram of scores, a table of checks with the ones most
/// students fail first and the diagnoses they share, and a table of students whose names link to
/// their own report at `<student>/report.html` (written by ``HTMLReport``).
public enum ClassReport {
    /// A submission that could not be graded at all (grading itself failed), listed apart.
    public struct Ungraded: Sendable, Hashable {
        /// The student (the submission's name).
        public var student: String
        /// Why it was not graded.
        public var reason: String

        /// An ungraded submission of `student`, for `reason`.
        public init(student: String, reason: String) {
            self.student = student
            self.reason = reason
        }
    }

    /// The page for `results` of `assignment` (one per student, any order); `ungraded` lists the
    /// submissions grading could not run on. `students` names each result's student (whose report
    /// is in the folder of that name), by position; where it has no name, the submission's name does.
    public static func render(
        results: [GradingResult], assignment: Assignment, ungraded: [Ungraded] = [], students: [String]? = nil
    ) -> String {
        let names = results.indices.map { index in
            students.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? results[index].submission.name
        }
        let maximum = assignment.totalPoints > 0 ? assignment.totalPoints : (results.map(\.maxScore).max() ?? 0)
        var body = "<h1>\(HTMLPage.escape(assignment.title))</h1>\n<p class=\"subtitle\">\(HTMLPage.escape(assignment.id)) · class summary</p>\n"
        body += overview(results, maximum: maximum, ungraded: ungraded.count)
        body += "<h2>Checks, most often failed first</h2>\n" + checkTable(results, assignment: assignment)
        body += "<h2>Students</h2>\n" + studentTable(Array(zip(names, results)), maximum: maximum)
        if !ungraded.isEmpty {
            body += "<h2>Not graded</h2>\n<table><tr><th>student</th><th>why</th></tr>\n"
            for entry in ungraded.sorted(by: { $0.student < $1.student }) {
                body += "<tr><td>\(HTMLPage.escape(entry.student))</td><td>\(HTMLPage.escape(entry.reason))</td></tr>\n"
            }
            body += "</table>\n"
        }
        body += "<footer>labgrade \(LabgradeVersion.current)</footer>\n"
        return HTMLPage.document(title: "\(assignment.title) — class summary", body: body)
    }

    /// The middle score (the mean of the two middle ones for an even count); `nil` for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Counts of scores in ten bins of 10 % of `maximum` each; a full score falls in the last.
    static func histogramBins(_ scores: [Double], maximum: Double) -> [SVGChart.Bin] {
        var counts = [Int](repeating: 0, count: 10)
        for score in scores where score.isFinite {
            let fraction = maximum > 0 ? score / maximum : 0
            counts[Swift.min(9, Swift.max(0, Int((fraction * 10).rounded(.down))))] += 1
        }
        return counts.enumerated().map { SVGChart.Bin(label: "\($0.offset * 10)–\($0.offset * 10 + 10)", count: $0.element) }
    }

    private static func overview(_ results: [GradingResult], maximum: Double, ungraded: Int) -> String {
        let scores = results.map(\.score)
        let mean = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        let full = results.filter { $0.score >= maximum && maximum > 0 }.count
        func points(_ value: Double?) -> String {
            value.map { "\(String(format: "%.2f", $0)) / \(MarkdownReport.format(maximum)) (\(percent($0, of: maximum)))" } ?? "—"
        }
        var html = "<dl class=\"facts\">\n<dt>Graded</dt><dd>\(results.count) submission\(results.count == 1 ? "" : "s")"
        if ungraded > 0 { html += "; \(ungraded) could not be graded" }
        html += "</dd>\n<dt>Mean score</dt><dd>\(points(mean))</dd>\n<dt>Median score</dt><dd>\(points(median(scores)))</dd>\n"
        html += "<dt>Full marks</dt><dd>\(full)</dd>\n</dl>\n"
        html += SVGChart.histogram(
            histogramBins(scores, maximum: maximum), title: "Scores",
            xLabel: "score, % of \(MarkdownReport.format(maximum)) points", yLabel: "students") + "\n"
        return html
    }

    /// One row per manifest check, sorted by pass rate (lowest first, manifest order on ties).
    private static func checkTable(_ results: [GradingResult], assignment: Assignment) -> String {
        struct Row {
            var check: Check, index: Int, graded = 0, passed = 0
            var statuses = [CheckResult.Status: Int]()
            var diagnoses = [Diagnosis.Kind: (count: Int, example: String)]()
            var rate: Double { graded == 0 ? 2 : Double(passed) / Double(graded) }
        }
        var rows = assignment.checks.enumerated().map { Row(check: $0.element, index: $0.offset) }
        for result in results {
            for outcome in result.checks {
                guard let at = rows.firstIndex(where: { $0.check.id == outcome.id }) else { continue }
                rows[at].graded += 1
                if outcome.status == .pass { rows[at].passed += 1 }
                rows[at].statuses[outcome.status, default: 0] += 1
                for diagnosis in outcome.diagnoses {
                    let known = rows[at].diagnoses[diagnosis.kind]
                    rows[at].diagnoses[diagnosis.kind] = ((known?.count ?? 0) + 1, known?.example ?? diagnosis.text)
                }
            }
        }
        rows.sort { ($0.rate, $0.index) < ($1.rate, $1.index) }
        var html = "<table>\n<tr><th>check</th><th class=\"number\">points</th><th>passed</th><th>lost points</th>"
            + "<th>most common diagnoses</th></tr>\n"
        for row in rows {
            let passed = row.graded == 0
                ? "—" : "\(HTMLPage.bar(row.rate))\(row.passed) / \(row.graded) (\(percent(Double(row.passed), of: Double(row.graded))))"
            let lost = [CheckResult.Status.fail, .error, .timeout, .notImplemented].compactMap { status -> String? in
                guard let count = row.statuses[status], count > 0 else { return nil }
                return "<span style=\"white-space: nowrap\">\(HTMLPage.badge(status)) \(count)</span>"
            }.joined(separator: " ")
            let common = row.diagnoses.sorted { ($1.value.count, $0.key.rawValue) < ($0.value.count, $1.key.rawValue) }.prefix(3)
                .map { kind, entry in
                    let example = entry.example.count > 200 ? String(entry.example.prefix(200)) + " …" : entry.example
                    return "<div><span class=\"kind\"><code>\(kind.rawValue)</code></span> × \(entry.count)"
                        + "<br><span class=\"note\">e.g. \(HTMLPage.escape(example))</span></div>"
                }.joined()
            html += "<tr><td>\(HTMLPage.escape(row.check.title))<br><code>\(HTMLPage.escape(row.check.id))</code> "
                + "<span class=\"note\">\(row.check.kind.rawValue), \(row.check.visibility.rawValue)</span></td>"
                + "<td class=\"number\">\(MarkdownReport.format(row.check.points))</td><td style=\"white-space: nowrap\">\(passed)</td>"
                + "<td>\(lost)</td><td>\(common.isEmpty ? "—" : common)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func studentTable(_ results: [(student: String, result: GradingResult)], maximum: Double) -> String {
        var html = "<table>\n<tr><th>student</th><th class=\"number\">score</th><th></th><th class=\"number\">checks lost</th>"
            + "<th class=\"number\">time</th><th class=\"number\">seed</th></tr>\n"
        for (student, result) in results.sorted(by: { $0.student < $1.student }) {
            let lost = result.checks.filter { $0.status != .pass }.count
            let fraction = maximum > 0 ? result.score / maximum : 0
            html += "<tr><td><a href=\"\(HTMLPage.escape(reportLink(student)))\">\(HTMLPage.escape(student))</a>"
                + (result.build.compiled ? "" : " <span class=\"badge error\">did not compile</span>") + "</td>"
                + "<td class=\"number\">\(MarkdownReport.format(result.score)) / \(MarkdownReport.format(maximum))</td>"
                + "<td>\(HTMLPage.bar(fraction))\(percent(result.score, of: maximum))</td>"
                + "<td class=\"number\">\(lost)</td><td class=\"number\">\(Seconds.text(result.seconds))</td>"
                + "<td class=\"number\"><code>\(result.seed)</code></td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The relative link to a student's report: `<student>/report.html`, the name percent-encoded
    /// so spaces, `#` or `?` in a folder name still lead to the right file.
    public static func reportLink(_ student: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = student.addingPercentEncoding(withAllowedCharacters: allowed) ?? student
        return "\(encoded)/\(ReportFormat.html.fileName)"
    }

    private static func percent(_ value: Double, of total: Double) -> String {
        total > 0 ? String(format: "%.0f %%", value / total * 100) : "—"
    }
}
