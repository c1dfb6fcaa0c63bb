// DTU 02456 Exercise 1's identities, checked on your solution: `swift test`.
import Foundation
import LabKit
import XCTest

@testable import Submission

/// The exercise is pen and paper and publishes no numbers, so these tests check what its
/// derivations claim, with your own functions, at the fixed seeded networks of ``DTUProblem``:
/// the likelihood formulas against the densities they come from (Exercises e and g), σ²_ML as a
/// stationary point (f), and backpropagation against central differences of your own loss
/// (i, j, l). The grader's hidden checks use other networks, inputs and targets.
final class DTUIdentityTests: XCTestCase {
    let lab = DTUExercise1()

    /// `|a − b| / max(1e-8, |a| + |b|)`.
    private func relativeError(_ a: Double, _ b: Double) -> Double {
        GradientCheck.relativeError(Matrix([[a]]), Matrix([[b]]))
    }

    /// Exercise e: the NLL formula equals `−log Π_n 𝒩(t_n | y(x_n), σ²I)` (σ² = 0.5).
    func testGaussianNLLIsMinusTheLogOfTheDensities() throws {
        let problem = DTUProblem.regression
        let Y = try lab.forward(problem.inputs, through: problem.network).y
        let T = problem.targets
        let variance = 0.5
        var density = 1.0
        for n in 0..<T.rows {
            let squaredDistance = (Y.row(n) - T.row(n)).sumOfSquares()
            density *= pow(2 * Double.pi * variance, -Double(T.cols) / 2) * exp(-squaredDistance / (2 * variance))
        }
        let nll = try lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: variance)
        XCTAssertLessThan(relativeError(nll, -log(density)), 1e-12, "e) NLL \(nll) against −log of the densities \(-log(density))")
    }

    /// Exercise f: `d NLL / dσ²` vanishes at σ²_ML (central difference, step 1e-5 σ²).
    func testMaximumLikelihoodVarianceIsStationary() throws {
        let problem = DTUProblem.regression
        let (Y, T) = (try lab.forward(problem.inputs, through: problem.network).y, problem.targets)
        let s = try lab.maximumLikelihoodVariance(outputs: Y, targets: T)
        let h = 1e-5 * s
        let slope =
            (try lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: s + h)
                - lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: s - h)) / (2 * h)
        XCTAssertLessThan(abs(slope) * s / (Double(T.count) / 2), 1e-8, "f) the NLL's slope in σ² at your σ²_ML = \(s)")
    }

    /// Exercise g: the cross-entropy equals `−log Π_n Π_k y_k(x_n)^t_nk`.
    func testCrossEntropyIsMinusTheLogLikelihood() throws {
        let problem = DTUProblem.classification
        let Y = try lab.forward(problem.inputs, through: problem.network).y
        let likelihood = zip(Y.elements, problem.targets.elements).reduce(1.0) { $0 * pow($1.0, $1.1) }
        let crossEntropy = try lab.crossEntropy(outputs: Y, targets: problem.targets)
        XCTAssertLessThan(relativeError(crossEntropy, -log(likelihood)), 1e-12, "g) cross-entropy against −log of the likelihood")
    }

    /// Exercise i: δ⁽ᴸ⁾ = y − t against central differences of your cross-entropy of the softmax.
    func testOutputDeltaAgreesWithFiniteDifferencesOfYourLoss() throws {
        let problem = DTUProblem.classification
        let (x, t) = (problem.inputs[rows: 0..<1], problem.targets[rows: 0..<1])
        let a = try lab.forward(x, through: problem.network).a[problem.network.layerCount - 1]
        let delta = try lab.classificationOutputDelta(logits: a, targets: t)
        let numerical = try GradientCheck.numericalGradient(at: a) { try lab.crossEntropy(outputs: DTUActivation.softmax.apply($0), targets: t) }
        XCTAssertEqual(delta.rows, numerical.rows, "i) rows of δ⁽ᴸ⁾")
        XCTAssertEqual(delta.cols, numerical.cols, "i) columns of δ⁽ᴸ⁾")
        guard delta.count == numerical.count else { return }
        XCTAssertLessThan(GradientCheck.relativeError(delta, numerical), 1e-7, "i) δ⁽ᴸ⁾ against finite differences of your loss")
    }

    /// Exercise j: every weight gradient of one sample against central differences of your
    /// forward pass and cross-entropy, for the L = 4 classifier.
    func testBackpropagationAgreesWithFiniteDifferencesOfYourLoss() throws {
        let problem = DTUProblem.classification
        let (x, t) = (problem.inputs[rows: 0..<1], problem.targets[rows: 0..<1])
        let gradients = try lab.backpropagate(x, target: t, through: problem.network, loss: .crossEntropy).gradients
        XCTAssertEqual(gradients.count, problem.network.weights.count, "j) one gradient per layer")
        for l in problem.network.weights.indices where l < gradients.count {
            let numerical = try GradientCheck.numericalGradient(at: problem.network.weights[l]) { w in
                var network = problem.network
                network.weights[l] = w
                return try lab.crossEntropy(outputs: lab.forward(x, through: network).y, targets: t)
            }
            guard gradients[l].rows == numerical.rows, gradients[l].cols == numerical.cols else {
                XCTFail("j) layer \(l + 1): gradient (\(gradients[l].rows), \(gradients[l].cols)) where the weights are (\(numerical.rows), \(numerical.cols))")
                continue
            }
            XCTAssertLessThan(GradientCheck.relativeError(gradients[l], numerical), 1e-7, "j) ∂E/∂w of layer \(l + 1)")
        }
    }

    /// Exercise l: the batch gradient is the sum of the per-sample gradients.
    func testBatchGradientIsTheSumOverSamples() throws {
        let problem = DTUProblem.classification
        let batch = try lab.batchBackpropagate(problem.inputs, targets: problem.targets, through: problem.network, loss: .crossEntropy).gradients
        var sum = problem.network.weights.map { Matrix.zeros(like: $0) }
        for n in 0..<problem.inputs.rows {
            let single = try lab.backpropagate(
                problem.inputs[rows: n..<(n + 1)], target: problem.targets[rows: n..<(n + 1)], through: problem.network,
                loss: .crossEntropy)
            for l in sum.indices where l < single.gradients.count && single.gradients[l].count == sum[l].count { sum[l] += single.gradients[l] }
        }
        XCTAssertEqual(batch.count, sum.count, "l) one gradient per layer")
        for (l, (b, s)) in zip(batch, sum).enumerated() {
            XCTAssertNil(PublishedValues.difference(b.elements, s.elements, relative: 1e-12, absolute: 1e-12), "l) layer \(l + 1)")
        }
    }
}
