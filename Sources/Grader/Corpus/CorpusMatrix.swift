// CorpusMatrix: the catch matrix of a corpus run — which case lost points on which check.
import Foundation

extension Corpus {
    /// Mistake cases that lost points somewhere, and all mistake cases.
    public var caught: (caught: Int, of: Int) {
        let mistakes = outcomes.filter { !$0.item.isCorrectVariant }
        return (mistakes.filter { !$0.lost.isEmpty }.count, mistakes.count)
    }

    /// Correct variants that kept every point, and all correct variants.
    public var clean: (clean: Int, of: Int) {
        let variants = outcomes.filter { $0.item.isCorrectVariant }
        return (variants.filter { $0.lost.isEmpty && $0.problems.isEmpty }.count, variants.count)
    }

    /// Cases whose grading differs from their expectation.
    public var mismatches: [Outcome] { outcomes.filter { !$0.problems.isEmpty } }

    /// The catch matrix as text: per assignment a numbered legend of its checks, then one row per
    /// case with a mark per check, then the problems and a summary.
    /// With `copy`, the legend lists that course copy's checks.
    public func matrix(catalog: AssignmentCatalog, copy: Assignment? = nil) -> String {
        var lines = [String]()
        let assignments = outcomes.map(\.item.assignment).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for id in assignments {
            let cases = outcomes.filter { $0.item.assignment == id }
            let checks = (try? copy ?? catalog.load(id))?.checks.map(\.id) ?? []
            lines.append("\(id): \(cases.filter { !$0.item.isCorrectVariant }.count) mistake cases, "
                + "\(cases.filter(\.item.isCorrectVariant).count) correct variants")
            lines.append(checks.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", "))
            let width = Swift.max(24, cases.map(\.item.name.count).max() ?? 0)
            lines.append("case".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + checks.indices.map { String(format: "%-3d", $0 + 1) }.joined())
            for outcome in cases {
                let expected = Set(outcome.item.expected.failing), lost = outcome.lost
                let marks = checks.map { check -> String in
                    switch (expected.contains(check), lost.contains(check)) {
                    case (true, true): return "✗  "
                    case (false, false): return "·  "
                    case (false, true): return "!  "
                    case (true, false): return "?  "
                    }
                }
                let verdict: String
                if case .failure = outcome.result {
                    verdict = "not graded"
                } else if outcome.item.isCorrectVariant {
                    verdict = lost.isEmpty ? "full marks" : "LOST POINTS"
                } else {
                    verdict = lost.isEmpty ? "NOT CAUGHT" : "caught"
                }
                lines.append(outcome.item.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + marks.joined()
                    + (outcome.problems.isEmpty ? verdict : verdict + " (differs from expected.json)"))
            }
            lines.append("")
        }
        lines.append("✗ lost points as expected · kept them as expected ! lost points unexpectedly ? expected to lose points but kept them")
        for outcome in mismatches {
            lines.append("\(outcome.item.id) (\(outcome.item.expected.bug)):")
            lines += outcome.problems.map { "  - \($0)" }
        }
        let (caught, mistakes) = caught, (clean, variants) = clean
        let percent = mistakes == 0 ? 100 : 100 * caught / mistakes
        lines.append("\(caught)/\(mistakes) mistake cases caught (\(percent) %), \(clean)/\(variants) correct variants at full marks, "
            + "\(mismatches.count) cases differ from their expected.json")
        return lines.joined(separator: "\n")
    }
}
