// `labgrade gradebook summary`: per-check pass rates, the checks most students fail first.
import ArgumentParser
import BatchGrading
import Foundation

/// Prints how the class did on each check, and the diagnosis kinds behind the failures.
struct GradebookSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per-check pass rates over the current grades, hardest checks first, with their common diagnoses.")

    @OptionGroup var selection: GradebookSelection

    @Option(help: "Diagnosis kinds shown per check.")
    var diagnoses = 3

    func run() throws {
        let book = try selection.open()
        print(Self.render(try book.summary(assignment: try book.assignment(selection.assignment)), diagnoses: diagnoses), terminator: "")
    }

    /// The summary as a table: pass rate, check, how the others ended, the most common diagnoses.
    static func render(_ summary: GradebookSummary, diagnoses: Int) -> String {
        var text = "\(summary.assignment): \(summary.graded) graded"
        if summary.missing > 0 { text += ", \(summary.missing) missing" }
        if summary.errors > 0 { text += ", \(summary.errors) could not be graded" }
        text += String(format: "; mean score %@ / %@\n\n", BatchProgress.points(summary.meanScore), BatchProgress.points(summary.maxScore))
        let width = max(5, summary.checks.map(\.check.count).max() ?? 0)
        text += "passed      " + "check".padding(toLength: width, withPad: " ", startingAt: 0) + "  failures and their diagnoses\n"
        for line in summary.checks {
            let rate = String(format: "%3.0f%% %3d/%-3d", line.passRate * 100, line.passed, line.graded)
            let others = line.statuses.map { "\($0.count) \($0.name)" }.joined(separator: ", ")
            let kinds = line.diagnoses.prefix(diagnoses).map { "\($0.name) ×\($0.count)" }.joined(separator: ", ")
            text += "\(rate)  \(line.check.padding(toLength: width, withPad: " ", startingAt: 0))  \(others)"
            text += kinds.isEmpty ? "\n" : " — \(kinds)\n"
        }
        let spreads = summary.checks.compactMap { line in line.margins.map { (line.check, $0) } }
        guard !spreads.isEmpty else { return text }
        // How close the class came: the share of each check's allowance the students used.
        text += "\nmargins: share of the allowance used (≤ 100 % passes), over each student's closest call\n"
        text += "check".padding(toLength: width, withPad: " ", startingAt: 0) + "  figure     lowest   median  highest  close passes  near misses\n"
        for (check, spread) in spreads {
            text += check.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + spread.name.padding(toLength: 9, withPad: " ", startingAt: 0)
                + String(format: " %8@ %8@ %8@  %12d  %11d\n", share(spread.lowest), share(spread.median), share(spread.highest),
                         spread.closePasses, spread.nearMisses)
        }
        return text
    }

    /// A share used as a percentage: `0.3 %`, `97 %`, `∞`.
    static func share(_ used: Double) -> String {
        guard used.isFinite else { return "∞" }
        let percent = used * 100
        return percent >= 9.95 ? String(format: "%.0f %%", percent) : percent >= 0.01 ? String(format: "%.2g %%", percent) : String(format: "%.0e %%", percent)
    }
}
