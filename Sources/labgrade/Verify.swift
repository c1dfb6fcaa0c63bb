// `labgrade verify`: recomputes every published value of every lab with the reference solutions.
import ArgumentParser
import Foundation
import Reference

/// Prints the ReferenceValues table with ✓/✗ and fails on any ✗.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the reference solutions reproduce every number the labs publish.",
        discussion: "Prints one line per published value: ✓ or ✗, the lab, the value's name, what was computed and the tolerance. Exits 1 if any value is not reproduced.")

    @Option(help: "Only this lab (e.g. hlcv-ex2).")
    var lab: String?

    func run() throws {
        let rows = ReferenceValues.all.filter { lab == nil || $0.lab.rawValue == lab }
        guard !rows.isEmpty else { throw ValidationError("no published values for lab \(lab ?? "")") }
        var failures = 0
        for row in rows {
            let outcome = row.verify()
            if !outcome.passed { failures += 1 }
            let computed = outcome.failure ?? describe(outcome.computed)
            print("\(outcome.passed ? "✓" : "✗") \(row.lab.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(row.name)")
            print("    computed \(computed); published \(describe(row.expected)) (\(row.tolerance))")
        }
        print("\(rows.count - failures) of \(rows.count) published values reproduced")
        if failures > 0 { throw ExitCode.failure }
    }

    private func describe(_ values: [Double]) -> String {
        let shown = values.prefix(4).map { "\($0)" }.joined(separator: ", ")
        return values.count == 1 ? shown : "[\(shown)\(values.count > 4 ? ", … (\(values.count))" : "")]"
    }
}
