// MatrixDifference: which entries of a result are off, by how much, and whether the error has a shape.
import Foundation
import LabKit

/// Entry-by-entry comparison of two same-shaped matrices, with a short summary for a report.
struct MatrixDifference {
    /// Indices (row-major) of entries outside tolerance or non-finite where the reference is finite.
    let failing: [Int]
    private let student: Matrix
    private let reference: Matrix
    private let tolerance: Check.ValueTolerance

    init(_ student: Matrix, _ reference: Matrix, _ tolerance: Check.ValueTolerance) {
        self.student = student
        self.reference = reference
        self.tolerance = tolerance
        failing = student.elements.indices.filter { k in
            let (s, r) = (student.elements[k], reference.elements[k])
            if r.isNaN { return !s.isNaN }
            if !r.isFinite { return s != r }
            return !tolerance.accepts(s, near: r)
        }
    }

    /// The largest `|yours − expected| / (atol + rtol·|expected|)` over the entries: at most 1 when
    /// every entry is within tolerance; infinite for a non-finite entry where a finite one was expected.
    static func worstRatio(_ student: Matrix, _ reference: Matrix, _ tolerance: Check.ValueTolerance) -> Double {
        var worst = 0.0
        for (s, r) in zip(student.elements, reference.elements) {
            if r.isNaN {
                if !s.isNaN { return .infinity }
                continue
            }
            if !r.isFinite {
                if s != r { return .infinity }
                continue
            }
            guard s.isFinite else { return .infinity }
            let allowed = tolerance.allowance(for: r)
            let error = Swift.abs(s - r)
            guard error > 0 else { continue }
            worst = Swift.max(worst, allowed > 0 ? error / allowed : .infinity)
        }
        return worst
    }

    /// E.g. `3 of 40 entries differ; worst at [2, 1]: 0.52 (expected 0.26)`; `withholdingExpected`
    /// (a student's preview) leaves out the expected value: `worst at [2, 1]: yours 0.52`.
    func summary(withholdingExpected: Bool = false) -> String {
        let expected = { (k: Int) in withholdingExpected ? "" : " (expected \(format(reference.elements[k])))" }
        let nonFinite = failing.filter { !student.elements[$0].isFinite }
        if let first = nonFinite.first {
            return "\(nonFinite.count) of \(student.count) entries are NaN or infinite, first at \(index(first))"
                + "\(expected(first)) — an overflow in exp or a log of 0?"
        }
        let worst = failing.max { error(at: $0) < error(at: $1) }!
        let count = failing.count == student.count ? "all \(student.count) entries differ" : "\(failing.count) of \(student.count) entries differ"
        return "\(count); worst at \(index(worst)): \(withholdingExpected ? "yours " : "")\(format(student.elements[worst]))\(expected(worst))"
    }

    /// The patterns the differing entries share, each stated as "consistent with …"; `name` is how
    /// the report calls the matrix; `withholdingExpected` leaves out numbers the expected value could
    /// be worked out from (an unnamed factor, an offset).
    func diagnoses(of name: String, hints: DiagnosisHints, withholdingExpected: Bool = false) -> [Diagnosis] {
        guard !failing.isEmpty else { return [] }
        if failing.contains(where: { !student.elements[$0].isFinite }) {
            return [Diagnosis(
                .nonFinite, "\(name) has NaN or infinite entries where the expected ones are finite: consistent with exp overflowing "
                    + "on large inputs (subtract the maximum before exponentiating) or a log of 0.")]
        }
        if let ratio = constantRatio, let found = Diagnosis.factor(ratio, of: name, samples: hints.samples, withholdingRatio: withholdingExpected) {
            // One or two differing entries share "a constant ratio" by chance (a softmax's bias gradient
            // sums to zero, so two outputs always do): only a named factor says something then. Nor
            // does an unnamed ratio of whole numbers (class indices: a tie broken the other way).
            let wholeNumbers = reference.elements.allSatisfy { $0 == $0.rounded() } && student.elements.allSatisfy { $0 == $0.rounded() }
            return found.kind == .constantFactor && (failing.count < 3 || wholeNumbers) ? [] : [found]
        }
        if let offset = constantOffset {
            let oneOff = Swift.abs(Swift.abs(offset) - 1) < 1e-12 && reference.elements.allSatisfy { $0 == $0.rounded() }
            return [Diagnosis(
                .constantOffset,
                oneOff
                    ? "every entry of \(name) is off by \(Int(offset)): consistent with labels or indices counted from 1 instead of 0."
                    : "\(name) is the expected value plus \(withholdingExpected ? "the same constant" : Diagnosis.format(offset)) in every entry.")]
        }
        for byRows in [true, false] where normalisedAlongTheOtherAxis(byRows: byRows) {
            let (should, did) = byRows ? ("row", "column") : ("column", "row")
            return [Diagnosis(
                .otherAxis, "each \(did) of \(name) sums to 1 where each \(should) should: consistent with a softmax normalised "
                    + "over the other axis (axis \(byRows ? 0 : 1) instead of axis \(byRows ? 1 : 0)).")]
        }
        if isLogits(byRows: true) || isLogits(byRows: false) {
            return [Diagnosis(.logits, "\(name) is consistent with the scores before softmax (the logits): the lab asks for the probabilities.")]
        }
        if student.rows > 1, scaledAlike(byRows: true) {
            if normalisedOverTheWhole(byRows: true) {
                return [Diagnosis(
                    .perRowScale, "each row of \(name) is off by its own factor and all its entries together sum to 1: consistent "
                        + "with a softmax normalised over the whole batch (exp / exp.sum()) instead of over each row.")]
            }
            return [Diagnosis(
                .perRowScale, "each row of \(name) is off by its own factor: consistent with a wrong factor per row — a "
                    + "normalisation over another axis (over the whole batch instead of each row, say) or a per-unit term taken wrongly.")]
        }
        if student.cols > 1, scaledAlike(byRows: false) {
            if normalisedOverTheWhole(byRows: false) {
                return [Diagnosis(
                    .perColumnScale, "each column of \(name) is off by its own factor and all its entries together sum to 1: "
                        + "consistent with a softmax normalised over the whole batch (exp / exp.sum()) instead of over each column.")]
            }
            return [Diagnosis(
                .perColumnScale, "each column of \(name) is off by its own factor: consistent with a wrong factor per column — "
                    + "a normalisation over another axis or a per-unit term (an activation's derivative, say) taken at the wrong point.")]
        }
        return []
    }

    /// Whether every expected row (or column, `byRows` false) is a probability distribution while
    /// each of your columns (or rows) is one instead.
    private func normalisedAlongTheOtherAxis(byRows: Bool) -> Bool {
        guard student.rows > 1, student.cols > 1, reference.elements.allSatisfy({ $0 >= 0 && $0 <= 1 }),
            student.elements.allSatisfy({ $0 >= 0 })
        else { return false }
        let sums = { (matrix: Matrix, alongRows: Bool) -> [Double] in
            alongRows
                ? (0..<matrix.rows).map { i in (0..<matrix.cols).reduce(0.0) { $0 + matrix.elements[i * matrix.cols + $1] } }
                : (0..<matrix.cols).map { j in (0..<matrix.rows).reduce(0.0) { $0 + matrix.elements[$1 * matrix.cols + j] } }
        }
        let isOne = { (total: Double) in Swift.abs(total - 1) < 1e-9 }
        return sums(reference, byRows).allSatisfy(isOne) && sums(student, !byRows).allSatisfy(isOne)
            && !sums(student, byRows).allSatisfy(isOne)
    }

    /// Whether every expected row (or column) is a probability distribution while yours sum to 1
    /// only all together: one normalisation over the whole matrix.
    private func normalisedOverTheWhole(byRows: Bool) -> Bool {
        let lines = byRows ? student.rows : student.cols, length = byRows ? student.cols : student.rows
        guard lines > 1, reference.elements.allSatisfy({ $0 >= 0 && $0 <= 1 }), student.elements.allSatisfy({ $0 >= 0 }) else { return false }
        for line in 0..<lines {
            let total = (0..<length).reduce(0.0) { $0 + reference.elements[byRows ? line * student.cols + $1 : $1 * student.cols + line] }
            guard Swift.abs(total - 1) < 1e-9 else { return false }
        }
        return Swift.abs(student.elements.reduce(0, +) - 1) < 1e-9
    }

    /// The ratio yours / expected when it is the same in every differing entry.
    private var constantRatio: Double? {
        let usable = failing.filter { Swift.abs(reference.elements[$0]) > 1e-12 }
        guard usable.count == failing.count else { return nil }
        let ratios = usable.map { student.elements[$0] / reference.elements[$0] }
        let median = ratios.sorted()[ratios.count / 2]
        return ratios.allSatisfy({ Swift.abs($0 - median) <= 1e-6 * Swift.max(1, Swift.abs(median)) }) ? median : nil
    }

    /// The difference yours − expected when it is the same in every entry.
    private var constantOffset: Double? {
        guard failing.count == student.count, student.count > 1 else { return nil }
        let offset = student.elements[0] - reference.elements[0]
        let scale = Swift.max(1, reference.elements.map(Swift.abs).max() ?? 1)
        return zip(student.elements, reference.elements).allSatisfy { Swift.abs($0 - $1 - offset) <= 1e-9 * scale } ? offset : nil
    }

    /// Whether the expected rows (or columns) are probability distributions and yours are their
    /// logarithms shifted by one constant per row (or column).
    private func isLogits(byRows: Bool) -> Bool {
        let lines = byRows ? student.rows : student.cols, length = byRows ? student.cols : student.rows
        guard length > 1, reference.elements.allSatisfy({ $0 > 0 && $0 <= 1 }) else { return false }
        // Where every expected line is uniform, any value constant along each line is "a shift of its
        // logarithm": the fit says nothing then, so it needs one line whose probabilities differ.
        let varies = (0..<lines).contains { line in
            let values = (0..<length).map { reference.elements[byRows ? line * student.cols + $0 : $0 * student.cols + line] }
            return values.contains { Swift.abs($0 - values[0]) > 1e-6 * values[0] }
        }
        guard varies else { return false }
        for line in 0..<lines {
            let index = { (k: Int) in byRows ? line * student.cols + k : k * student.cols + line }
            let total = (0..<length).reduce(0.0) { $0 + reference.elements[index($1)] }
            guard Swift.abs(total - 1) < 1e-9 else { return false }
            let shifts = (0..<length).map { student.elements[index($0)] - Foundation.log(reference.elements[index($0)]) }
            guard shifts.allSatisfy({ Swift.abs($0 - shifts[0]) <= 1e-6 * Swift.max(1, Swift.abs(shifts[0])) }) else { return false }
        }
        return true
    }

    /// Whether every row (or column) is the expected one times its own factor, the factors not all equal.
    private func scaledAlike(byRows: Bool) -> Bool {
        let lines = byRows ? student.rows : student.cols, length = byRows ? student.cols : student.rows
        guard length > 1, reference.elements.allSatisfy({ Swift.abs($0) > 1e-12 }) else { return false }
        var factors = [Double]()
        for line in 0..<lines {
            let index = { (k: Int) in byRows ? line * student.cols + k : k * student.cols + line }
            let ratios = (0..<length).map { student.elements[index($0)] / reference.elements[index($0)] }
            guard ratios.allSatisfy({ Swift.abs($0 - ratios[0]) <= 1e-6 * Swift.max(1, Swift.abs(ratios[0])) }) else { return false }
            factors.append(ratios[0])
        }
        return factors.contains { Swift.abs($0 - factors[0]) > 1e-6 * Swift.max(1, Swift.abs(factors[0])) }
    }

    private func error(at k: Int) -> Double {
        Swift.abs(student.elements[k] - reference.elements[k]) / Swift.max(1e-12, Swift.abs(reference.elements[k]))
    }

    private func index(_ k: Int) -> String {
        student.count == 1 ? "the value" : "[\(k / student.cols), \(k % student.cols)]"
    }

    /// Enough digits that the two values printed side by side differ where the tolerance says they do.
    private func format(_ value: Double) -> String {
        Diagnosis.format(value, tolerance)
    }
}
