// DTU Exercises e–h: the losses by maximum likelihood, σ²_ML, and the minibatch gradient's mean.
import LabKit
import Reference
import XCTest

final class DTULossTests: XCTestCase {
    private let lab = DTUExercise1()

    /// Regression problems with the network's outputs computed: `(seed, Y, T)`.
    private func regressionOutputs() -> [(seed: UInt32, Y: Matrix, T: Matrix)] {
        DTURandomPoints.problems(output: .identity).map { seed, p in
            (seed, lab.forward(p.inputs, through: p.network).y, p.targets)
        }
    }

    func testGaussianNLLIsMinusLogOfTheGaussianLikelihood() {
        for (seed, Y, T) in regressionOutputs() {
            for variance in [0.2, 1, 2.5] {
                var logLikelihood = 0.0
                for n in 0..<T.rows {
                    let density =
                        pow(2 * Double.pi * variance, -Double(T.cols) / 2)
                        * exp(-(Y.row(n) - T.row(n)).sumOfSquares() / (2 * variance))
                    logLikelihood += log(density)
                }
                let nll = lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: variance)
                XCTAssertEqual(
                    nll, -logLikelihood, accuracy: 1e-12 * abs(logLikelihood), "e) seed \(seed) σ² \(variance)")
            }
        }
    }

    func testMaximumLikelihoodVarianceIsSumOfSquaresOverND() {
        for (seed, Y, T) in regressionOutputs() {
            let E = DTULoss.sumOfSquaresError(outputs: Y, targets: T)
            XCTAssertEqual(
                lab.maximumLikelihoodVariance(outputs: Y, targets: T), E / Double(T.rows * T.cols),
                accuracy: 1e-15 * E, "f) seed \(seed)")
        }
    }

    func testMaximumLikelihoodVarianceZeroesTheNLLDerivative() {
        for (seed, Y, T) in regressionOutputs() {
            let s = lab.maximumLikelihoodVariance(outputs: Y, targets: T)
            let h = 1e-5 * s
            let derivative =
                (lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: s + h)
                    - lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: s - h)) / (2 * h)
            // d NLL / d log σ², in units of ND/2, vanishes up to the difference's truncation error.
            XCTAssertLessThan(abs(derivative) * s / (Double(T.count) / 2), 1e-8, "f) seed \(seed)")
        }
    }

    func testMaximumLikelihoodVarianceMinimisesTheNLL() {
        for (seed, Y, T) in regressionOutputs() {
            let s = lab.maximumLikelihoodVariance(outputs: Y, targets: T)
            let best = lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: s)
            for factor in [0.25, 0.5, 0.9, 0.99, 1.01, 1.1, 2, 4] {
                XCTAssertLessThan(
                    best, lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: factor * s),
                    "f) seed \(seed) σ² = \(factor) σ²_ML")
            }
        }
    }

    func testNLLWeightGradientIsSumOfSquaresGradientOverTwoVariance() {
        for (seed, p) in DTURandomPoints.problems(output: .tanh) {
            let sumOfSquares = lab.batchBackpropagate(
                p.inputs, targets: p.targets, through: p.network, loss: .sumOfSquares)
            for variance in [0.3, 1.7] {
                let nll = lab.batchBackpropagate(
                    p.inputs, targets: p.targets, through: p.network,
                    loss: .gaussianNegativeLogLikelihood(variance: variance))
                for l in 0..<p.network.layerCount {
                    assertDTUClose(
                        2 * variance * nll.gradients[l], sumOfSquares.gradients[l], relative: 1e-12, absolute: 1e-15,
                        "f) ∂NLL/∂w⁽\(l + 1)⁾ seed \(seed) σ² \(variance)")
                }
            }
        }
    }

    func testCrossEntropyIsMinusLogOfTheCategoricalLikelihood() {
        for (seed, p) in DTURandomPoints.problems(output: .softmax) {
            let Y = lab.forward(p.inputs, through: p.network).y
            let likelihood = zip(Y.elements, p.targets.elements).reduce(1.0) { $0 * pow($1.0, $1.1) }
            XCTAssertEqual(
                lab.crossEntropy(outputs: Y, targets: p.targets), -log(likelihood),
                accuracy: 1e-12 * abs(log(likelihood)),
                "g) seed \(seed)")
        }
    }

    func testCrossEntropyWithOneHotTargetsSumsMinusLogOfEachTrueClassProbability() {
        let Y = Matrix([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]])
        let T = Matrix.oneHot([1, 2], classes: 3)
        XCTAssertEqual(lab.crossEntropy(outputs: Y, targets: T), -log(0.5) - log(0.1), accuracy: 1e-15)
    }

    func testCrossEntropyInTheLogitsIsLogSumExpMinusTheTargetLogits() {
        for (seed, p) in DTURandomPoints.problems(output: .softmax) {
            let a = lab.forward(p.inputs, through: p.network).a[p.network.layerCount - 1]
            var logitForm = 0.0
            for n in 0..<a.rows {
                let row = a.row(n)
                logitForm += -(p.targets.row(n) * row).sum() + log(exp(row).sum())
            }
            let E = lab.crossEntropy(outputs: DTUActivation.softmax.apply(a), targets: p.targets)
            XCTAssertEqual(E, logitForm, accuracy: 1e-12 * abs(logitForm) + 1e-15, "i) seed \(seed)")
        }
    }

    func testMinibatchGradientScaleIsBatchSizeOverDatasetSize() {
        XCTAssertEqual(lab.minibatchGradientScale(datasetSize: 60_000, batchSize: 200), 200.0 / 60_000)
    }

    func testMeanGradientOverAllSubsetsIsTheScaledFullGradient() {
        for (seed, p) in DTURandomPoints.problems(seeds: 0..<15, output: .softmax) {
            let N = p.inputs.rows
            let full = lab.batchBackpropagate(p.inputs, targets: p.targets, through: p.network, loss: .crossEntropy)
            for B in 1...N {
                let subsets = subsetsOf(N, size: B)
                let mean = meanGradient(p, over: subsets)
                let scale = lab.minibatchGradientScale(datasetSize: N, batchSize: B)
                for l in mean.indices {
                    assertDTUClose(
                        mean[l], scale * full.gradients[l], relative: 1e-12, absolute: 1e-14,
                        "h) ∂E_S/∂w⁽\(l + 1)⁾ seed \(seed) N \(N) B \(B)")
                }
            }
        }
    }

    func testMeanGradientOverDrawsWithReplacementIsTheSameScaledFullGradient() {
        for (seed, p) in DTURandomPoints.problems(seeds: 0..<15, output: .identity) {
            let N = p.inputs.rows
            let orderedPairs = (0..<N).flatMap { i in (0..<N).map { [i, $0] } }
            let mean = meanGradient(p, over: orderedPairs)
            let full = lab.batchBackpropagate(p.inputs, targets: p.targets, through: p.network, loss: .sumOfSquares)
            let scale = lab.minibatchGradientScale(datasetSize: N, batchSize: 2)
            for l in mean.indices {
                assertDTUClose(
                    mean[l], scale * full.gradients[l], relative: 1e-12, absolute: 1e-14, "h) seed \(seed) N \(N) B 2")
            }
        }
    }

    /// The mean over `batches` of the gradient of `E_S = Σ_{n∈S} E_n`, `S` one batch of row indices.
    private func meanGradient(_ p: DTUProblem, over batches: [[Int]]) -> [Matrix] {
        let loss: DTULoss = p.network.activations.last == .softmax ? .crossEntropy : .sumOfSquares
        var mean = p.network.weights.map { Matrix.zeros(like: $0) }
        for batch in batches {
            let gradients = lab.batchBackpropagate(
                p.inputs[rows: batch], targets: p.targets[rows: batch], through: p.network, loss: loss
            ).gradients
            for l in mean.indices { mean[l] += gradients[l] / Double(batches.count) }
        }
        return mean
    }

    /// Every subset of `size` indices of `0..<n`, each in increasing order.
    private func subsetsOf(_ n: Int, size: Int) -> [[Int]] {
        (0..<(1 << n)).filter { $0.nonzeroBitCount == size }.map { mask in (0..<n).filter { mask & (1 << $0) != 0 } }
    }
}
