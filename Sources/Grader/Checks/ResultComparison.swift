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
    var diagnosis: String?

    static let pass = ResultComparison(passed: true, message: "", diagnosis: nil)

    /// Compares `student` with `reference` (trees with their blocks) within `tolerance`.
    static func compare(
        student: OracleReply, reference: OracleReply, tolerance: Check.ValueTolerance
    ) -> ResultComparison {
        guard let expected = reference.result else { return .pass }
        guard let found = student.result else {
            return ResultComparison(passed: false, message: "no result", diagnosis: nil)
        }
        var walker = Walker(
            studentBlocks: WireBlockSource(student.blocks), referenceBlocks: WireBlockSource(reference.blocks),
            tolerance: tolerance)
        walker.walk(found, expected, path: "")
        return walker.outcome
    }

    private struct Walker {
        let studentBlocks: WireBlockSource
        let referenceBlocks: WireBlockSource
        let tolerance: Check.ValueTolerance
        var problems = [String]()
        var diagnoses = [String]()

        var outcome: ResultComparison {
            problems.isEmpty
                ? .pass
                : ResultComparison(
                    passed: false, message: problems.prefix(4).joined(separator: "\n"),
                    diagnosis: diagnoses.isEmpty ? nil : diagnoses.joined(separator: " "))
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
            guard student.rows == reference.rows, student.cols == reference.cols else {
                var text = "\(label) has shape \(student.shapeDescription), expected \(reference.shapeDescription)"
                if student.rows == reference.cols && student.cols == reference.rows {
                    text += " (the transpose's shape)"
                    if MatrixDifference(student.T, reference, tolerance).failing.isEmpty {
                        diagnoses.append("\(label) is consistent with the transpose of the expected value.")
                    }
                }
                return problems.append(text)
            }
            let difference = MatrixDifference(student, reference, tolerance)
            guard !difference.failing.isEmpty else { return }
            problems.append("\(label): \(difference.summary)")
            if let pattern = difference.pattern { diagnoses.append("\(label) is \(pattern).") }
        }
    }
}
