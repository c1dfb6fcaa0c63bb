// MatrixDifference: which entries of a result are off, by how much, and whether the error has a shape.
import Foundation
import LabKit

/// Entry-by-entry comparison of two same-shaped matrices, with a short summary for a report.
struct MatrixDifference {
    /// Indices (row-major) of entries outside tolerance or non-finite where the reference is finite.
    let failing: [Int]
    private let student: Matrix
    private let reference: Matrix

    init(_ student: Matrix, _ reference: Matrix, _ tolerance: Check.ValueTolerance) {
        self.student = student
        self.reference = reference
        failing = student.elements.indices.filter { k in
            let (s, r) = (student.elements[k], reference.elements[k])
            if r.isNaN { return !s.isNaN }
            if !r.isFinite { return s != r }
            return !(Swift.abs(s - r) <= tolerance.absolute + tolerance.relative * Swift.abs(r))
        }
    }

    /// E.g. `3 of 40 entries differ; worst [2, 1]: 0.52 (expected 0.26)`.
    var summary: String {
        let nonFinite = failing.filter { !student.elements[$0].isFinite }
        if let first = nonFinite.first {
            return "\(nonFinite.count) of \(student.count) entries are NaN or infinite, first at \(index(first)) "
                + "(expected \(format(reference.elements[first]))) — an overflow in exp or a log of 0?"
        }
        let worst = failing.max { error(at: $0) < error(at: $1) }!
        let count = failing.count == student.count ? "all \(student.count) entries differ" : "\(failing.count) of \(student.count) entries differ"
        return "\(count); worst at \(index(worst)): \(format(student.elements[worst])) (expected \(format(reference.elements[worst])))"
    }

    /// A pattern the failing entries share, stated as "consistent with …", or `nil`.
    var pattern: String? {
        let usable = failing.filter { Swift.abs(reference.elements[$0]) > 1e-12 && student.elements[$0].isFinite }
        guard usable.count >= 1, usable.count == failing.count else { return nil }
        let ratios = usable.map { student.elements[$0] / reference.elements[$0] }
        let median = ratios.sorted()[ratios.count / 2]
        guard ratios.allSatisfy({ Swift.abs($0 - median) <= 1e-6 * Swift.max(1, Swift.abs(median)) }) else { return nil }
        return "off by a constant factor of \(format(median)) (student / expected) in every differing entry"
    }

    private func error(at k: Int) -> Double {
        Swift.abs(student.elements[k] - reference.elements[k]) / Swift.max(1e-12, Swift.abs(reference.elements[k]))
    }

    private func index(_ k: Int) -> String {
        student.count == 1 ? "the value" : "[\(k / student.cols), \(k % student.cols)]"
    }

    private func format(_ value: Double) -> String {
        String(format: "%.6g", value)
    }
}
