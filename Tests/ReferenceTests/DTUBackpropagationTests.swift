// DTU Exercises i–l: output deltas and backpropagation of the reference against central differences.
import LabKit
import Reference
import XCTest

final class DTUBackpropagationTests: XCTestCase {
    private let lab = DTUExercise1()
    private let regressionOutputs: [DTUActivation] = [.identity, .tanh, .logisticSigmoid]

    /// `∂E/∂w⁽ˡ⁾` by central differences (`h = 1e-5`), `E` summed over the problem's samples.
    private func numericalWeightGradient(_ p: DTUProblem, layer l: Int, _ loss: DTULoss) -> Matrix {
        GradientCheck.numericalGradient(at: p.network.weights[l]) { w in
            var network = p.network
            network.weights[l] = w
            return DTUTestLoss.value(network, p.inputs, p.targets, loss)
        }
    }

    /// `∂E/∂a⁽ᴸ⁾` by central differences, `E` as a function of the output pre-activations.
    private func numericalOutputDelta(_ p: DTUProblem, _ loss: DTULoss) -> Matrix {
        let L = p.network.layerCount
        let a = lab.forward(p.inputs, through: p.network).a[L - 1]
        return GradientCheck.numericalGradient(at: a) {
            DTUTestLoss.value(p.network.activations[L - 1].apply($0), p.targets, loss)
        }
    }

    func testClassificationOutputDeltaMatchesCentralDifferences() {
        for (seed, p) in DTURandomPoints.problems(output: .softmax) {
            let a = lab.forward(p.inputs, through: p.network).a[p.network.layerCount - 1]
            assertDTUGradient(
                lab.classificationOutputDelta(logits: a, targets: p.targets), numericalOutputDelta(p, .crossEntropy),
                "i) δ⁽ᴸ⁾ seed \(seed)")
        }
    }

    func testClassificationOutputDeltaIsOutputMinusTarget() {
        let a = Matrix([[0.5, -1, 2]])
        let t = Matrix([[0, 1, 0]])
        assertDTUClose(
            lab.classificationOutputDelta(logits: a, targets: t), DTUActivation.softmax.apply(a) - t,
            relative: 1e-15, absolute: 0, "i) y − t")
    }

    func testRegressionOutputDeltaMatchesCentralDifferences() {
        for output in regressionOutputs {
            for (seed, p) in DTURandomPoints.problems(output: output) {
                let a = lab.forward(p.inputs, through: p.network).a[p.network.layerCount - 1]
                assertDTUGradient(
                    lab.regressionOutputDelta(preActivations: a, targets: p.targets, outputActivation: output),
                    numericalOutputDelta(p, .sumOfSquares), "k) δ⁽ᴸ⁾ seed \(seed) h_L \(output)")
            }
        }
    }

    func testRegressionOutputDeltaWithLinearOutputIsTwiceTheResidual() {
        let a = Matrix([[0.5, -1], [2, 0.25]])
        let t = Matrix([[1, 1], [-1, 0]])
        XCTAssertEqual(
            lab.regressionOutputDelta(preActivations: a, targets: t, outputActivation: .identity), 2 * (a - t))
    }

    func testGaussianNLLOutputDeltaIsResidualOverVariance() {
        for (seed, p) in DTURandomPoints.problems(output: .identity) {
            let loss = DTULoss.gaussianNegativeLogLikelihood(variance: 0.4)
            let backward = lab.batchBackpropagate(p.inputs, targets: p.targets, through: p.network, loss: loss)
            let y = lab.forward(p.inputs, through: p.network).y
            let delta = backward.deltas[p.network.layerCount - 1]
            assertDTUClose(delta, (y - p.targets) / 0.4, relative: 1e-14, absolute: 1e-15, "k) NLL δ⁽ᴸ⁾ seed \(seed)")
            assertDTUGradient(delta, numericalOutputDelta(p, loss), "k) NLL δ⁽ᴸ⁾ vs differences, seed \(seed)")
        }
    }

    func testBackpropagationMatchesCentralDifferencesForClassification() {
        for (seed, batch) in DTURandomPoints.problems(output: .softmax) {
            let p = DTURandomPoints.sample(0, of: batch)
            let backward = lab.backpropagate(p.inputs, target: p.targets, through: p.network, loss: .crossEntropy)
            for l in 0..<p.network.layerCount {
                assertDTUGradient(
                    backward.gradients[l], numericalWeightGradient(p, layer: l, .crossEntropy),
                    "j) ∂E/∂w⁽\(l + 1)⁾ seed \(seed) L \(p.network.layerCount)")
            }
        }
    }

    func testBackpropagationMatchesCentralDifferencesForRegression() {
        let losses: [DTULoss] = [.sumOfSquares, .gaussianNegativeLogLikelihood(variance: 0.7)]
        for output in regressionOutputs {
            for (seed, batch) in DTURandomPoints.problems(seeds: 0..<20, output: output) {
                let p = DTURandomPoints.sample(0, of: batch)
                for loss in losses {
                    let backward = lab.backpropagate(p.inputs, target: p.targets, through: p.network, loss: loss)
                    for l in 0..<p.network.layerCount {
                        assertDTUGradient(
                            backward.gradients[l], numericalWeightGradient(p, layer: l, loss),
                            "j) ∂E/∂w⁽\(l + 1)⁾ seed \(seed) h_L \(output) \(loss)")
                    }
                }
            }
        }
    }

    func testHiddenDeltasAreDerivativesOfTheLossInThePreActivations() {
        for (seed, batch) in DTURandomPoints.problems(layers: 2...4, output: .softmax) {
            let p = DTURandomPoints.sample(0, of: batch)
            let network = p.network
            let pass = lab.forward(p.inputs, through: network)
            let deltas = lab.backpropagate(p.inputs, target: p.targets, through: network, loss: .crossEntropy).deltas
            for l in 1..<network.layerCount {
                let rest = DTUNetwork(
                    weights: Array(network.weights[l...]), activations: Array(network.activations[l...]))
                let numerical = GradientCheck.numericalGradient(at: pass.a[l - 1]) { a in
                    DTUTestLoss.value(rest, network.activations[l - 1].apply(a), p.targets, .crossEntropy)
                }
                assertDTUGradient(deltas[l - 1], numerical, "j) Eq. 9 δ⁽\(l)⁾ seed \(seed)")
            }
        }
    }

    func testWeightGradientIsTheDeltaTimesThePreviousLayersOutput() {
        for (seed, batch) in DTURandomPoints.problems(output: .tanh) {
            let p = DTURandomPoints.sample(0, of: batch)
            let pass = lab.forward(p.inputs, through: p.network)
            let backward = lab.backpropagate(p.inputs, target: p.targets, through: p.network, loss: .sumOfSquares)
            for l in 0..<p.network.layerCount {
                let previous = l == 0 ? p.inputs : pass.z[l - 1]
                let z = [1] + previous.elements
                let delta = backward.deltas[l]
                let outer = Matrix(rows: delta.cols, cols: z.count) { j, i in delta[0, j] * z[i] }
                assertDTUClose(
                    backward.gradients[l], outer, relative: 1e-14, absolute: 1e-15,
                    "j) Eq. 8 layer \(l + 1) seed \(seed)")
            }
        }
    }

    func testBatchGradientIsTheSumOfPerSampleGradients() {
        for (seed, p) in DTURandomPoints.problems(output: .softmax) {
            let batch = lab.batchBackpropagate(p.inputs, targets: p.targets, through: p.network, loss: .crossEntropy)
            var sum = p.network.weights.map { Matrix.zeros(like: $0) }
            for n in 0..<p.inputs.rows {
                let single = DTURandomPoints.sample(n, of: p)
                let gradients = lab.backpropagate(
                    single.inputs, target: single.targets, through: p.network, loss: .crossEntropy
                ).gradients
                for l in sum.indices { sum[l] += gradients[l] }
            }
            for l in sum.indices {
                assertDTUClose(
                    batch.gradients[l], sum[l], relative: 1e-12, absolute: 1e-14, "l) ∂E/∂w⁽\(l + 1)⁾ seed \(seed)")
            }
        }
    }

    func testBatchDeltasStackThePerSampleDeltas() {
        for (seed, p) in DTURandomPoints.problems(output: .identity) {
            let batch = lab.batchBackpropagate(p.inputs, targets: p.targets, through: p.network, loss: .sumOfSquares)
            let singles = (0..<p.inputs.rows).map { n in
                let single = DTURandomPoints.sample(n, of: p)
                return lab.backpropagate(single.inputs, target: single.targets, through: p.network, loss: .sumOfSquares)
            }
            for l in 0..<p.network.layerCount {
                assertDTUClose(
                    batch.deltas[l], Matrix.vstack(singles.map { $0.deltas[l] }), relative: 1e-13, absolute: 1e-15,
                    "l) δ⁽\(l + 1)⁾ seed \(seed)")
            }
        }
    }

    func testBatchBackpropagationMatchesCentralDifferencesOfTheSummedLoss() {
        let cases: [(DTUActivation, DTULoss)] = [
            (.softmax, .crossEntropy), (.identity, .sumOfSquares), (.tanh, .sumOfSquares),
        ]
        for (output, loss) in cases {
            for (seed, p) in DTURandomPoints.problems(seeds: 0..<20, output: output) {
                let backward = lab.batchBackpropagate(p.inputs, targets: p.targets, through: p.network, loss: loss)
                for l in 0..<p.network.layerCount {
                    assertDTUGradient(
                        backward.gradients[l], numericalWeightGradient(p, layer: l, loss),
                        "l) ∂E/∂w⁽\(l + 1)⁾ seed \(seed) N \(p.inputs.rows) \(loss)")
                }
            }
        }
    }
}
