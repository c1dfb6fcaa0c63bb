// The Questions 2.5–2.6 and Task 3.6 reference (linear layer, softmax cross-entropy) against finite differences.
import LabKit
import Reference
import XCTest

final class UppsalaPreparationTests: XCTestCase {
    let lab = UppsalaLab1()

    /// Question 2.5 with ℓ[f] = Σ_k c_k f_k², whose `∂ℓ/∂f = 2 c ⊙ f`.
    func testWeightGradientIsTheOuterProductOfQuestion25() {
        var random = NumPyRandomState(seed: 31)
        let (omega, beta) = (random.normal(rows: 3, cols: 4), random.normal(rows: 3, cols: 1))
        let (h, c) = (random.normal(rows: 4, cols: 1), random.normal(rows: 3, cols: 1))
        let f = omega.dot(h) + beta
        let numerical = GradientCheck.numericalGradient(at: omega) { (c * ($0.dot(h) + beta).squared()).sum() }
        let analytic = lab.linearLayerWeightGradient(2 * c * f, h)
        XCTAssertEqual(analytic.shapeDescription, "(3, 4)")
        XCTAssertLessThan(GradientCheck.relativeError(analytic, numerical), 1e-9)
    }

    func testWeightGradientOfSeveralColumnsSumsTheSamples() {
        var random = NumPyRandomState(seed: 32)
        let (dLdf, h) = (random.normal(rows: 2, cols: 5), random.normal(rows: 3, cols: 5))
        let perSample = (0..<5).map { lab.linearLayerWeightGradient(dLdf.column($0), h.column($0)) }
        XCTAssertEqual(
            lab.linearLayerWeightGradient(dLdf, h), perSample.dropFirst().reduce(perSample[0], +), accuracy: 1e-14)
    }

    /// Entries near zero (probabilities of 1e-4) carry the differences' round-off of about 1e-11,
    /// hence 1e-6 relative; a wrong formula is off by order 1.
    func testLossGradientOfQuestion26MatchesCentralDifferencesPerSample() {
        var random = NumPyRandomState(seed: 33)
        let f = random.normal(loc: 0, scale: 3, rows: 4, cols: 6)
        let y = Matrix.oneHot(random.choice(4, count: 6), classes: 4).T
        let analytic = lab.softmaxCrossEntropyLossGradient(f, y)
        for i in 0..<6 {
            let numerical = GradientCheck.numericalGradient(at: f.column(i)) { lab.crossEntropyCost($0, y.column(i)) }
            XCTAssertLessThan(GradientCheck.relativeError(analytic.column(i), numerical), 1e-6, "column \(i)")
        }
    }

    func testCostGradientOfTask36MatchesCentralDifferences() {
        var random = NumPyRandomState(seed: 34)
        let f = random.normal(loc: 0, scale: 3, rows: 3, cols: 5)
        let y = Matrix.oneHot(random.choice(3, count: 5), classes: 3).T
        let numerical = GradientCheck.numericalGradient(at: f) { lab.crossEntropyCost($0, y) }
        XCTAssertLessThan(GradientCheck.relativeError(lab.crossEntropyCostGradient(f, y), numerical), 1e-6)
    }

    func testCostGradientIsTheLossGradientDividedByTheSampleCount() {
        var random = NumPyRandomState(seed: 35)
        let f = random.normal(rows: 3, cols: 4)
        let y = Matrix.oneHot([0, 1, 2, 1], classes: 3).T
        XCTAssertEqual(
            lab.crossEntropyCostGradient(f, y), lab.softmaxCrossEntropyLossGradient(f, y) / 4, accuracy: 1e-16)
    }

    func testCrossEntropyCostIsMinusTheMeanLogProbabilityOfTheTarget() {
        var random = NumPyRandomState(seed: 36)
        let f = random.normal(rows: 3, cols: 4)
        let labels = [2, 0, 0, 1]
        let probabilities = lab.softmax(f)
        let expected = -labels.enumerated().map { log(probabilities[$1, $0]) }.reduce(0, +) / 4
        XCTAssertEqual(lab.crossEntropyCost(f, Matrix.oneHot(labels, classes: 3).T), expected, accuracy: 1e-14)
    }
}
