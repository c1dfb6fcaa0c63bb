// UCSD ECE 285 Assignment 1's published numbers, checked against your solution: `swift test`.
import LabKit
import XCTest

@testable import Submission

/// Question 4's normalisation, the softmax and its directional derivative on the lab's seed-0
/// arrays (Questions 7 and 10), and the lab's finite-difference checks of your `softmaxp` and
/// `relup` (Questions 11 and 12).
///
/// Every expected number here is one the assignment publishes; the grader's hidden and randomized
/// instances run only when you hand in (`labgrade check` runs the visible checks as graded).
final class ECE285PublishedTests: XCTestCase {
    let lab = ECE285Assignment1()

    /// Question 4: 0, 127 and 255 map to −1, about −0.0039 and 1 (the lab's float32 value, so 1e-6).
    func testNormalizeMNISTImages() throws {
        let x = try lab.normalizeMNISTImages(Matrix(row: [0, 127, 255]))
        XCTAssertNil(PublishedValues.difference(x, rows: 1, cols: 3, [-1, -0.0039215087890625, 1], absolute: 1e-6), "Q4")
    }

    /// Question 7: column 0 of `softmax(a)` for `np.random.seed(0); a = randn(10, 3)`.
    func testSoftmaxOfTheSeedZeroArray() throws {
        let (a, _) = ECE285ActivationProbe.inputs()
        let g = try lab.softmax(a)
        XCTAssertEqual(g.rows, 10, "Q7 rows")
        XCTAssertEqual(g.cols, 3, "Q7 columns")
        guard g.rows == 10, g.cols == 3 else { return }
        let published = [
            0.1591744427140038, 0.256426372863971, 0.07052990444212934, 0.041122148972169745, 0.058380743681889925,
            0.038077467622946636, 0.037300848727904894, 0.05243461549520437, 0.2639350375096554, 0.02261841797012491,
        ]
        XCTAssertNil(PublishedValues.difference(g.column(0).elements, published, relative: 1e-12, absolute: 1e-15), "Q7 softmax(a)[:, 0]")
    }

    /// Question 10: column 0 of `softmaxp(a, e)`, with `e = randn(10, 3)` drawn after `a`.
    func testSoftmaxpOfTheSeedZeroArrays() throws {
        let (a, e) = ECE285ActivationProbe.inputs()
        let delta = try lab.softmaxp(a, e)
        XCTAssertEqual(delta.rows, 10, "Q10 rows")
        XCTAssertEqual(delta.cols, 3, "Q10 columns")
        guard delta.rows == 10, delta.cols == 3 else { return }
        let published = [
            0.11471301985903702, -0.36286101868854326, 0.12667298631327992, 0.010832589252681496, -0.06658573408013299,
            0.004860708180273465, -0.039097645875780594, 0.049950784413160795, 0.14187701516147525, 0.01963729546454904,
        ]
        XCTAssertNil(PublishedValues.difference(delta.column(0).elements, published, relative: 1e-12, absolute: 1e-16), "Q10 softmaxp(a, e)[:, 0]")
    }

    /// `max |δ − (g(a + εe) − g(a)) / ε|` with ε = 1e-6, the lab's check of a directional derivative.
    private func forwardDifferenceError(
        _ g: (Matrix) throws -> Matrix, _ derivative: (Matrix, Matrix) throws -> Matrix
    ) throws -> Double {
        let (a, e) = ECE285ActivationProbe.inputs()
        let eps = 1e-6
        return abs(try derivative(a, e) - (try g(a + eps * e) - g(a)) / eps).max()
    }

    /// Question 11: your `softmaxp` against forward differences of your `softmax`; the lab's
    /// solution gives 1.21e-7 (the O(ε) truncation error), a wrong derivative gives about 0.1.
    func testSoftmaxpAgreesWithForwardDifferencesOfYourSoftmax() throws {
        let error = try forwardDifferenceError(lab.softmax, lab.softmaxp)
        XCTAssertNil(PublishedValues.difference(error, 1.2062993826056356e-07, relative: 1e-3, absolute: 0), "Q11")
    }

    /// Question 12: your `relup` against forward differences of your `relu`; the lab's solution
    /// gives 2.1e-10 (round-off alone).
    func testRelupAgreesWithForwardDifferencesOfYourRelu() throws {
        let error = try forwardDifferenceError(lab.relu, lab.relup)
        XCTAssertLessThan(error, 1e-9, "Q12 max |relup − forward difference| (the lab's is 2.1e-10)")
    }
}
