// DTU Exercises a–d: the forward recursion of the reference solution at many random networks.
import LabKit
import Reference
import XCTest

final class DTUForwardTests: XCTestCase {
    private let lab = DTUExercise1()
    private let outputs: [DTUActivation] = [.identity, .tanh, .logisticSigmoid, .softmax]

    /// `h(Σ_{i=0} w_ji z_i)` for one sample, with loops over the indices and `z_0 = 1`.
    private func explicitLayer(_ z: [Double], _ w: Matrix, _ h: DTUActivation) -> [Double] {
        let a = (0..<w.rows).map { j in (1..<w.cols).reduce(w[j, 0]) { $0 + w[j, $1] * z[$1 - 1] } }
        return h.apply(Matrix(row: a)).elements
    }

    /// The network's output for every row of `X`, one explicit layer after another.
    private func explicitOutput(_ X: Matrix, _ network: DTUNetwork) -> Matrix {
        var rows = [Matrix]()
        for n in 0..<X.rows {
            var z = X.row(n).elements
            for (w, h) in zip(network.weights, network.activations) { z = explicitLayer(z, w, h) }
            rows.append(Matrix(row: z))
        }
        return Matrix.vstack(rows)
    }

    func testOneHiddenLayerOutputMatchesExerciseAFormula() {
        for output in outputs {
            for (seed, p) in DTURandomPoints.problems(layers: 2...2, output: output) {
                let (w, h) = (p.network.weights, p.network.activations)
                assertDTUClose(
                    lab.outputWithOneHiddenLayer(p.inputs, w1: w[0], w2: w[1], h1: h[0], h2: h[1]),
                    explicitOutput(p.inputs, p.network), relative: 1e-12, absolute: 1e-15, "a) seed \(seed) \(output)")
            }
        }
    }

    func testTwoHiddenLayerOutputMatchesExerciseBFormula() {
        for output in outputs {
            for (seed, p) in DTURandomPoints.problems(layers: 3...3, output: output) {
                let (w, h) = (p.network.weights, p.network.activations)
                assertDTUClose(
                    lab.outputWithTwoHiddenLayers(p.inputs, w1: w[0], w2: w[1], w3: w[2], h1: h[0], h2: h[1], h3: h[2]),
                    explicitOutput(p.inputs, p.network), relative: 1e-12, absolute: 1e-15, "b) seed \(seed) \(output)")
            }
        }
    }

    func testRecursionMatchesExplicitSumsAtEveryDepth() {
        for output in outputs {
            for (seed, p) in DTURandomPoints.problems(output: output) {
                assertDTUClose(
                    lab.forward(p.inputs, through: p.network).y, explicitOutput(p.inputs, p.network),
                    relative: 1e-12, absolute: 1e-15, "c) seed \(seed) \(output) L \(p.network.layerCount)")
            }
        }
    }

    func testRecursionStoresEachLayersPreActivationsAndOutputs() {
        for (seed, p) in DTURandomPoints.problems(output: .softmax) {
            let pass = lab.forward(p.inputs, through: p.network)
            XCTAssertEqual(pass.a.count, p.network.layerCount, "c) seed \(seed)")
            var previous = p.inputs
            for l in 0..<p.network.layerCount {
                let w = p.network.weights[l]
                let a = Matrix.hstack([.ones(rows: previous.rows, cols: 1), previous]).dot(w.T)
                assertDTUClose(pass.a[l], a, relative: 1e-12, absolute: 1e-15, "c) Eq. 6-7 a⁽\(l + 1)⁾ seed \(seed)")
                assertDTUClose(
                    pass.z[l], p.network.activations[l].apply(pass.a[l]), relative: 0, absolute: 0,
                    "c) Eq. 5 z⁽\(l + 1)⁾ seed \(seed)")
                previous = pass.z[l]
            }
        }
    }

    func testSamplesArePropagatedIndependently() {
        for (seed, p) in DTURandomPoints.problems(output: .tanh) {
            let rows = (0..<p.inputs.rows).map { lab.forward(p.inputs.row($0), through: p.network).y }
            assertDTUClose(
                lab.forward(p.inputs, through: p.network).y, Matrix.vstack(rows), relative: 1e-12, absolute: 1e-15,
                "c) seed \(seed)")
        }
    }

    func testLinearNetworkIsTheLinearModelOfItsCollapsedWeights() {
        for (seed, p) in DTURandomPoints.problems(output: .identity) {
            let weights = p.network.weights
            let linear = DTUNetwork(weights: weights, activations: weights.map { _ in .identity })
            let collapsed = lab.collapsedLinearWeights(weights)
            XCTAssertEqual(collapsed.rows, p.network.outputSize, "d) seed \(seed)")
            XCTAssertEqual(collapsed.cols, p.network.inputSize + 1, "d) seed \(seed)")
            assertDTUClose(
                lab.forward(p.inputs, through: linear).y,
                explicitOutput(p.inputs, DTUNetwork(weights: [collapsed], activations: [.identity])),
                relative: 1e-12, absolute: 1e-13, "d) seed \(seed)")
        }
    }

    func testSingleLayerCollapsesToItsOwnWeights() {
        let w = DTUProblem.figure5_3.network.weights[0]
        XCTAssertEqual(lab.collapsedLinearWeights([w]), w)
    }

    func testLinearNetworkOutputIsAffineInTheInput() {
        for (seed, p) in DTURandomPoints.problems(output: .identity) where p.inputs.rows >= 2 {
            let linear = DTUNetwork(weights: p.network.weights, activations: p.network.weights.map { _ in .identity })
            let (x1, x2) = (p.inputs.row(0), p.inputs.row(1))
            let mixed = lab.forward(0.3 * x1 + 0.7 * x2, through: linear).y
            let mixedOutputs = 0.3 * lab.forward(x1, through: linear).y + 0.7 * lab.forward(x2, through: linear).y
            assertDTUClose(mixed, mixedOutputs, relative: 1e-12, absolute: 1e-13, "d) seed \(seed)")
        }
    }

    func testTanhHiddenLayerMakesTheOutputNonAffine() {
        let p = DTUProblem.figure5_3
        let (x1, x2) = (p.inputs.row(0), p.inputs.row(1))
        let mixed = lab.forward(0.3 * x1 + 0.7 * x2, through: p.network).y
        let mixedOutputs = 0.3 * lab.forward(x1, through: p.network).y + 0.7 * lab.forward(x2, through: p.network).y
        XCTAssertGreaterThan(abs(mixed[0, 0] - mixedOutputs[0, 0]), 1e-3)
    }
}
