// Specifications of the patterns MatrixDifference reads off a wrong matrix: each diagnosis on
// numbers that fit it, and a near miss whose numbers do not.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class MatrixDifferenceTests: XCTestCase {
    private let tolerance = Check.ValueTolerance(relative: 1e-9, absolute: 1e-12)

    private func kinds(_ student: Matrix, _ reference: Matrix) -> [Diagnosis] {
        MatrixDifference(student, reference, tolerance).diagnoses(of: "y", hints: DiagnosisHints())
    }

    /// Row-wise softmax of `scores`, and the same exponentials divided by their sum over the whole matrix.
    private func softmaxes(_ scores: Matrix) -> (rows: Matrix, whole: Matrix) {
        let e = exp(scores - scores.max(axis: 1))
        let whole = exp(scores - scores.max())
        return (e / e.sum(axis: 1), whole / whole.sum())
    }

    func testASoftmaxOverTheWholeBatchIsNamedAsSuch() {
        let scores = Matrix([[1.0, 2.0, 0.5], [-1.0, 0.25, 3.0], [0.0, 0.0, 1.5]])
        let (rows, whole) = softmaxes(scores)
        let found = kinds(whole, rows)
        XCTAssertEqual(found.map(\.kind), [.perRowScale])
        XCTAssertTrue(found[0].text.contains("normalised over the whole batch"), found[0].text)
        // Samples as columns (ECE 285's layout): the same reading, per column.
        let byColumns = kinds(whole.T, rows.T)
        XCTAssertEqual(byColumns.map(\.kind), [.perColumnScale])
        XCTAssertTrue(byColumns[0].text.contains("instead of over each column"), byColumns[0].text)
    }

    func testUniformExpectedRowsAreNotReadAsLogits() {
        // VU's published batch: the fixed network gives [0.5, 0.5] in every row; normalised over the
        // whole batch, each row is a constant of its own, which a shifted log of 0.5 also "fits".
        let expected = Matrix(rows: 4, cols: 2, repeating: 0.5)
        let weights = [1.0, 3.0, 0.5, 2.5]
        let total = 2 * weights.reduce(0, +)
        let whole = Matrix(rows: 4, cols: 2) { i, _ in weights[i] / total }
        let found = kinds(whole, expected)
        XCTAssertEqual(found.map(\.kind), [.perRowScale], "the numbers fit a whole-batch normalisation, not the logits")
        XCTAssertTrue(found[0].text.contains("whole batch"), found[0].text)
    }

    func testLogitsAreNamedWhereTheExpectedProbabilitiesDiffer() {
        let scores = Matrix([[1.0, 2.0, 0.5], [-1.0, 0.25, 3.0]])
        XCTAssertEqual(kinds(scores, softmaxes(scores).rows).map(\.kind), [.logits])
    }

    func testNearMissesFitNeither() {
        let scores = Matrix([[1.0, 2.0, 0.5], [-1.0, 0.25, 3.0], [0.0, 0.0, 1.5]])
        let rows = softmaxes(scores).rows
        // Each row off by its own factor, but the whole does not sum to 1: the general sentence.
        let scaled = Matrix(rows: 3, cols: 3) { i, j in rows[i, j] * [0.5, 0.25, 0.125][i] }
        let general = kinds(scaled, rows)
        XCTAssertEqual(general.map(\.kind), [.perRowScale])
        XCTAssertFalse(general[0].text.contains("sum to 1"), general[0].text)
        // Logits with one entry nudged: no longer a shift per row, so not logits.
        var nudged = scores
        nudged[1, 2] += 0.01
        XCTAssertEqual(kinds(nudged, rows).map(\.kind), [])
        // A whole-batch softmax with one entry nudged: no longer one factor per row.
        var wrong = softmaxes(scores).whole
        wrong[0, 1] *= 1.01
        XCTAssertEqual(kinds(wrong, rows).map(\.kind), [])
    }
}

extension MatrixDifferenceTests {
    func testASoftmaxOverTheOtherAxisIsNamed() {
        let scores = Matrix([[1.0, 2.0, 0.5], [-1.0, 0.25, 3.0], [0.0, 0.0, 1.5], [2.0, -0.5, 0.75]])
        let e = exp(scores)
        let rows = e / e.sum(axis: 1), columns = e / e.sum(axis: 0)
        let found = kinds(columns, rows)
        XCTAssertEqual(found.map(\.kind), [.otherAxis])
        XCTAssertTrue(found[0].text.contains("each column of y sums to 1 where each row should"), found[0].text)
        // Samples as columns: the expected columns are the distributions.
        let transposed = kinds(columns.T, rows.T)
        XCTAssertEqual(transposed.map(\.kind), [.otherAxis])
        XCTAssertTrue(transposed[0].text.contains("each row of y sums to 1 where each column should"), transposed[0].text)
        // Near miss: columns that sum to 1.02 are not a normalisation over the other axis.
        XCTAssertNotEqual(kinds(columns * 1.02, rows).map(\.kind), [.otherAxis])
    }
}

extension MatrixDifferenceTests {
    func testAnUnnamedRatioOfClassIndicesIsNoDiagnosis() {
        // Ties broken towards the last class: 1 → 5 in every differing entry, a ratio that means nothing.
        let expected = Matrix(row: [1, 1, 2, 1, 1]), yours = Matrix(row: [5, 5, 2, 5, 5])
        XCTAssertEqual(kinds(yours, expected).map(\.kind), [])
        // Near miss: the same ratio between real numbers is a constant factor.
        XCTAssertEqual(kinds(Matrix(row: [0.5, 0.75, 2, 1.25]) * 5, Matrix(row: [0.5, 0.75, 2, 1.25])).map(\.kind), [.constantFactor])
        // Labels counted from 1 are still named.
        XCTAssertEqual(kinds(Matrix(row: [2, 3, 1, 4]), Matrix(row: [1, 2, 0, 3])).map(\.kind), [.constantOffset])
    }
}
