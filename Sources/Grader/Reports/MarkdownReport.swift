// MarkdownReport: the report a person reads, in the terminal or as feedback.

/// Writes the score, a table of checks and, for each check that lost points, what to look at.
/// Its symbols and point figures are public so that the terminal output of `labgrade` matches the reports.
/// The report is printed on terminals, so whatever the submission wrote into it is made
/// harmless first (``TerminalText``).
public enum MarkdownReport {
    static func render(_ result: GradingResult) -> String {
        TerminalText.visible(body(result))
    }

    /// The check's closest call: `passed, worst error 3e-03× of the tolerance`, `failed: accuracy
    /// 0.83, needed ≥ 0.85`; empty for a check without a judged figure.
    static func marginText(_ check: CheckResult) -> String {
        guard let margin = check.tightestMargin else { return "" }
        let instance = margin.instance.isEmpty || margin.instance == "published" ? "" : " (\(margin.instance))"
        return (check.status == .pass ? "passed, " : "failed: ") + margin.text + instance
    }

    private static func body(_ result: GradingResult) -> String {
        var text = "# \(result.assignment.title)\n\n"
        text += "**\(format(result.score)) / \(format(result.maxScore)) points** — \(result.submission.name), "
            + "seed \(result.seed), \(Seconds.text(result.seconds)), labgrade \(result.environment.labgrade) "
            + "(\(result.environment.isolation) sandbox)"
        text += result.build.compilerRuns == 0 ? "; the compiled program came from the oracle cache\n\n" : "\n\n"
        for warning in result.environment.layers?.warnings ?? [] { text += "> ⚠ sandbox: \(warning)\n" }
        if result.environment.layers?.complete == false { text += "\n" }
        if !result.build.compiled {
            text += "## Build\n\nThe submission did not compile as a whole"
            text += result.build.compiledAlone.isEmpty ? ".\n\n" : "; these exercises compiled alone and were graded: \(result.build.compiledAlone.joined(separator: ", ")).\n\n"
            text += "```\n\(result.build.diagnostics.prefix(6000))\n```\n\n"
        }
        for note in result.build.ignored { text += "- ignored \(note)\n" }
        text += "| | check | points | margin |\n| --- | --- | ---: | --- |\n"
        for check in result.checks {
            text += "| \(symbol(check.status)) | \(check.title) | \(format(check.points)) / \(format(check.maxPoints)) | \(marginText(check)) |\n"
        }
        let problems = result.checks.filter { $0.status != .pass }
        if !problems.isEmpty { text += "\n## What to look at\n" }
        for check in problems {
            text += "\n### \(symbol(check.status)) \(check.title) (`\(check.id)`)\n\n\(feedback(check))\n"
        }
        let notes = result.checks.filter { $0.status == .pass && !$0.message.isEmpty }
        if !notes.isEmpty { text += "\n## Passed, with a note\n" }
        for check in notes {
            text += "\n### ✓ \(check.title) (`\(check.id)`)\n\n\(check.message)\n"
        }
        if !result.output.stdout.isEmpty || !result.output.stderr.isEmpty {
            text += "\n## Your program's output\n\n"
            if !result.output.stdout.isEmpty { text += "stdout:\n```\n\(result.output.stdout.prefix(2000))\n```\n" }
            if !result.output.stderr.isEmpty { text += "stderr:\n```\n\(result.output.stderr.prefix(2000))\n```\n" }
            if result.output.truncated { text += "(output truncated)\n" }
        }
        return text
    }

    /// A check's message and diagnosis for the student.
    static func feedback(_ check: CheckResult) -> String {
        switch check.status {
        case .pass:
            let passed = check.tightestMargin.map { "Passed: \($0.text)." } ?? "Passed."
            return check.message.isEmpty ? passed : "\(passed)\n\n\(check.message)"
        case .notImplemented: return "Not implemented yet (the exercise still throws `NotImplemented`)."
        default:
            var text = check.message
            if let diagnosis = check.diagnosis { text += "\n\nDiagnosis: \(diagnosis)" }
            return text
        }
    }

    /// The one-character mark of a status: ✓ ✗ ⚠ ⏱ ·.
    public static func symbol(_ status: CheckResult.Status) -> String {
        switch status {
        case .pass: return "✓"
        case .fail: return "✗"
        case .error: return "⚠"
        case .timeout: return "⏱"
        case .notImplemented: return "·"
        }
    }

    /// Points as a report shows them: `4`, `8.50`.
    public static func format(_ points: Double) -> String {
        points == points.rounded() ? String(Int(points)) : String(format: "%.2f", points)
    }
}
