// ResultComparison: compares a submission's result with the reference's, field by field, entry by entry.
import Foundation
import LabKit

/// The outcome of comparing one result with the reference result.
struct ResultComparison: Sendable {
    /// Whether every compared value is within tolerance.
    var passed: Bool
    /// What differs, for the student (empty when passed).
    var message: String
    /// What the numbers are consistent with, when a pattern is recognised (a factor, a transpose…).
    var diagnoses: [Diagnosis]
    /// The largest error over every compared entry as a share of its tolerance (`nil` when no
    /// number was compared).
    var margin: CheckResult.Margin? = nil

    static let pass = ResultComparison(passed: true, message: "", diagnoses: [])

    /// Compares `student` with `reference` (trees with their blocks) within `tolerance`; `hints`
    /// name the instance's sizes for the diagnoses. `withholdingExpected` (a student's preview)
    /// keeps the reference's numbers out of the message and the diagnoses: which entries differ
    /// and the kind of mistake are still said.
    static func compare(
        student: OracleReply, reference: OracleReply, tolerance: Check.ValueTolerance, hints: DiagnosisHints = DiagnosisHints(),
        withholdingExpected: Bool = false
    ) -> ResultComparison {
        guard let expected = reference.result else { return .pass }
        guard let found = student.result else {
            return ResultComparison(passed: false, message: "no result", diagnoses: [])
        }
        var walker = Walker(
            studentBlocks: WireBlockSource(student.blocks), referenceBlocks: WireBlockSource(reference.blocks),
            tolerance: tolerance, hints: hints, withholdsExpected: withholdingExpected)
        walker.walk(found, expected, path: "")
        var outcome = walker.outcome
        if let worst = walker.worstRatio {
            outcome.margin = CheckResult.Margin(kind: .error, name: "error", value: outcome.passed ? worst : Swift.max(worst, 1.0.nextUp), limit: 1)
        }
        return outcome
    }

    private struct Walker {
        let studentBlocks: WireBlockSource
        let referenceBlocks: WireBlockSource
        let tolerance: Check.ValueTolerance
        let hints: DiagnosisHints
        let withholdsExpected: Bool
        var problems = [String]()
        var diagnoses = [Diagnosis]()
        /// Every matrix or number compared, and those that differed.
        var compared = [String](), differing = [String]()
        /// The largest error ÷ tolerance so far; infinite after a shape or kind mismatch.
        var worstRatio: Double?

        var outcome: ResultComparison {
            guard !problems.isEmpty else { return .pass }
            var found = diagnoses
            let agreeing = compared.filter { !differing.contains($0) }
            if !differing.isEmpty, !agreeing.isEmpty, !compared.contains("the result") {
                let text = "only \(list(differing)) \(differing.count == 1 ? "differs" : "differ"); \(list(agreeing)) "
                    + "\(agreeing.count == 1 ? "agrees" : "agree")."
                found.insert(Diagnosis(.onlyPart, text.prefix(1).uppercased() + text.dropFirst()), at: 0)
            }
            return ResultComparison(passed: false, message: problems.prefix(4).joined(separator: "\n"), diagnoses: found)
        }

        private func list(_ names: [String]) -> String {
            names.count <= 4 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
        }

        mutating func walk(_ found: JSONTree, _ expected: JSONTree, path: String) {
            if let reference = matrix(expected, referenceBlocks) {
                guard let student = matrix(found, studentBlocks) else {
                    return problems.append("\(name(path)): expected a \(reference.shapeDescription) matrix, got \(ManifestSchema.kind(of: found))")
                }
                return compare(student, reference, path: path)
            }
            switch (found, expected) {
            case (_, .number(let e)):
                guard let f = number(found) else { return problems.append("\(name(path)): expected a number, got \(ManifestSchema.kind(of: found))") }
                compare(Matrix([[f]]), Matrix([[e]]), path: path)
            case (_, .string(let text)) where ["nan", "inf", "-inf"].contains(text):
                let e = text == "nan" ? Double.nan : (text == "inf" ? Double.infinity : -Double.infinity)
                guard let f = number(found) else { return problems.append("\(name(path)): expected a number, got \(ManifestSchema.kind(of: found))") }
                compare(Matrix([[f]]), Matrix([[e]]), path: path)
            case (.array(let items), .array(let expectedItems)):
                let numbers = items.compactMap(number), expectedNumbers = expectedItems.compactMap(number)
                if expectedNumbers.count == expectedItems.count && !expectedItems.isEmpty {
                    guard numbers.count == items.count, numbers.count == expectedNumbers.count else {
                        return problems.append("\(name(path)): expected \(expectedNumbers.count) numbers, got \(items.count) values")
                    }
                    return compare(Matrix(row: numbers), Matrix(row: expectedNumbers), path: path)
                }
                guard items.count == expectedItems.count else {
                    return problems.append("\(name(path)): expected \(expectedItems.count) entries, got \(items.count)")
                }
                for (index, (f, e)) in zip(items, expectedItems).enumerated() { walk(f, e, path: "\(path)[\(index)]") }
            case (.object(let fields), .object(let expectedFields)):
                for key in expectedFields.keys.sorted() {
                    guard let value = fields[key] else { return problems.append("\(name(path.isEmpty ? key : "\(path).\(key)")) is missing") }
                    walk(value, expectedFields[key]!, path: path.isEmpty ? key : "\(path).\(key)")
                }
            default:
                if found != expected { problems.append("\(name(path)): expected \(ManifestSchema.kind(of: expected)), got \(ManifestSchema.kind(of: found))") }
            }
        }

        private func name(_ path: String) -> String { path.isEmpty ? "the result" : path }

        private func number(_ tree: JSONTree) -> Double? {
            switch tree {
            case .number(let value): return value
            case .string("nan"): return .nan
            case .string("inf"): return .infinity
            case .string("-inf"): return -.infinity
            default: return nil
            }
        }

        private func matrix(_ tree: JSONTree, _ blocks: WireBlockSource) -> Matrix? {
            guard case .object(let fields) = tree, fields["rows"] != nil, fields["cols"] != nil,
                fields["block"] != nil || fields["elements"] != nil
            else { return nil }
            return try? WireCoding.value(Matrix.self, from: tree, blocks: blocks)
        }

        private mutating func compare(_ student: Matrix, _ reference: Matrix, path: String) {
            let label = name(path)
            compared.append(label)
            let sameShape = student.rows == reference.rows && student.cols == reference.cols
            let ratio = sameShape ? MatrixDifference.worstRatio(student, reference, tolerance) : .infinity
            worstRatio = Swift.max(worstRatio ?? 0, ratio)
            guard sameShape else {
                differing.append(label)
                let (yours, lab) = (hints.shape(student.rows, student.cols), hints.shape(reference.rows, reference.cols))
                var text = "\(label) has shape \(student.shapeDescription), expected \(reference.shapeDescription)"
                if student.rows == reference.cols && student.cols == reference.rows {
                    text += " (the transpose's shape)"
                    let values = MatrixDifference(student.T, reference, tolerance).failing.isEmpty ? "the transpose of the expected value" : "a transposed layout"
                    diagnoses.append(Diagnosis(.transposed, "\(label) is \(yours) where the lab's is \(lab): consistent with \(values)."))
                } else {
                    var because = ""
                    if let n = hints.samples, student.rows == n, reference.rows == 1, student.cols == reference.cols {
                        because = ": consistent with one row per sample where the lab sums (or averages) over the samples"
                    } else if let n = hints.samples, student.cols == n, reference.cols == 1, student.rows == reference.rows {
                        because = ": consistent with one column per sample where the lab sums (or averages) over the samples"
                    }
                    diagnoses.append(Diagnosis(.shapeMismatch, "\(label) is \(yours) where the lab's is \(lab)\(because)."))
                }
                return problems.append(text)
            }
            let difference = MatrixDifference(student, reference, tolerance)
            guard !difference.failing.isEmpty else { return }
            differing.append(label)
            problems.append("\(label): \(difference.summary(withholdingExpected: withholdsExpected))")
            diagnoses = diagnoses.adding(difference.diagnoses(of: label, hints: hints, withholdingExpected: withholdsExpected))
        }
    }
}
