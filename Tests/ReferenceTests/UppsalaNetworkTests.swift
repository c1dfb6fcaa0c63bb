// The Tasks 3.3–3.6 reference (K-layer ReLU network) against the lab's arrays and against central differences.
import LabKit
import Reference
import XCTest

final class UppsalaNetworkTests: XCTestCase {
    let lab = UppsalaLab1()

    /// The JSON cases: key, parameters, data, and whether the cost is softmax cross-entropy.
    var labCases: [(key: String, parameters: UppsalaNetworkParameters, input: Matrix, y: Matrix, crossEntropy: Bool)] {
        let udlbook = UppsalaNetworkSetup.udlbookData()
        let softmax = UppsalaNetworkSetup.crossEntropyData()
        return [("udl72", UppsalaNetworkSetup.network(), udlbook.input, udlbook.target, false)]
            + [1, 2, 5].map { n in
                let data = UppsalaNetworkSetup.leastSquaresData(samples: n)
                return ("uppsala_backprop_n\(n)", UppsalaNetworkSetup.network(), data.input, data.target, false)
            }
            + [
                (
                    "uppsala_softmax_ce_K5_D6_Di1_Do3_n5", UppsalaNetworkSetup.network(outputDimension: 3),
                    softmax.input, softmax.target, true
                )
            ]
    }

    /// lab_reference.json stores its arrays to within a few ulps, not bit for bit (Foundation's JSON
    /// reader rounds), so "the same draws" is checked at 1e-15; LabKit's NumPyRandomState tests
    /// check the stream itself bit for bit.
    func testNetworkIsTheNotebooksSeedZeroDraws() throws {
        for (key, parameters, _, _, _) in labCases {
            XCTAssertEqual(parameters.weights[0], try LabReferenceJSON.matrix(key, "W0"), accuracy: 1e-15, key)
            XCTAssertEqual(parameters.biases[0], try LabReferenceJSON.matrix(key, "b0"), accuracy: 1e-15, key)
            XCTAssertEqual(parameters.weights[5], try LabReferenceJSON.matrix(key, "WK"), accuracy: 1e-15, key)
            XCTAssertEqual(parameters.biases[5], try LabReferenceJSON.matrix(key, "bK"), accuracy: 1e-15, key)
        }
    }

    func testUppsalaDataRepeatsTheFirstParameterDrawsBecauseOfTheReseed() throws {
        let (input, target) = UppsalaNetworkSetup.leastSquaresData(samples: 1)
        let W0 = UppsalaNetworkSetup.network().weights[0]
        XCTAssertEqual(input[0, 0], W0[0, 0])
        XCTAssertEqual(target[0, 0], W0[1, 0])
        for n in [2, 5] {
            let data = UppsalaNetworkSetup.leastSquaresData(samples: n)
            XCTAssertEqual(data.input, try LabReferenceJSON.matrix("uppsala_backprop_n\(n)", "input"), accuracy: 1e-15)
            XCTAssertEqual(
                data.target, try LabReferenceJSON.matrix("uppsala_backprop_n\(n)", "target"), accuracy: 1e-15)
        }
    }

    func testCrossEntropyTargetsContinueTheReseededStream() throws {
        let (input, target) = UppsalaNetworkSetup.crossEntropyData()
        let key = "uppsala_softmax_ce_K5_D6_Di1_Do3_n5"
        XCTAssertEqual(input, try LabReferenceJSON.matrix(key, "input"), accuracy: 1e-15)
        XCTAssertEqual(target, try LabReferenceJSON.matrix(key, "target"), accuracy: 1e-15)
        XCTAssertEqual(target.argmax(axis: 0), [0, 2, 0, 0, 0])
    }

    func testZeroHiddenLayersDrawOneAffineMapWeightFirst() {
        var random = NumPyRandomState(seed: 0)
        let network = UppsalaNetworkSetup.initialParameters(
            hiddenLayers: 0, width: 6, inputDimension: 2, outputDimension: 3, random: &random)
        var replay = NumPyRandomState(seed: 0)
        XCTAssertEqual(network.weights, [replay.normal(rows: 3, cols: 2)])
        XCTAssertEqual(network.biases, [replay.normal(rows: 3, cols: 1)])
    }

    func testOutputsCostsAndGradientsAreTheLabsArrays() throws {
        for (key, parameters, input, y, crossEntropy) in labCases {
            let forward = lab.forwardPass(input, parameters)
            let output = forward.output
            XCTAssertEqual(output, try LabReferenceJSON.matrix(key, "output"), accuracy: 1e-13, key)
            let cost = crossEntropy ? lab.crossEntropyCost(output, y) : UppsalaNetworkCost.leastSquares(output, y)
            XCTAssertEqual(cost, try LabReferenceJSON.number(key, "cost"), accuracy: 1e-13, key)
            let dLdf =
                crossEntropy
                ? lab.crossEntropyCostGradient(output, y) : UppsalaNetworkCost.leastSquaresDerivative(output, y)
            let gradients = lab.backwardPass(parameters, forward, outputGradient: dLdf)
            let dW = try layers(key, "dW")
            let db = try layers(key, "db")
            XCTAssertEqual(dW.count, parameters.weights.count, key)
            for (layer, (expectedW, expectedB)) in zip(dW, db).enumerated() {
                XCTAssertEqual(gradients.weights[layer].elements, expectedW, accuracy: 1e-12, "\(key) dW\(layer)")
                XCTAssertEqual(gradients.biases[layer].elements, expectedB, accuracy: 1e-12, "\(key) db\(layer)")
            }
        }
    }

    func testBackwardPassMatchesCentralDifferencesAtTheLabsInputs() {
        for (key, parameters, input, y, crossEntropy) in labCases {
            XCTAssertLessThan(columnsGradientError(parameters, input, y, crossEntropy: crossEntropy), 1e-6, key)
        }
    }

    func testBackwardPassMatchesCentralDifferencesOnRandomNetworksOfOtherShapes() {
        var random = NumPyRandomState(seed: 5)
        for (K, D, inputs, outputs, samples) in [(0, 4, 3, 2, 4), (1, 3, 2, 1, 1), (2, 5, 3, 4, 6), (4, 7, 2, 3, 3)] {
            let (parameters, input) = randomNetworkAwayFromKinks(K, D, inputs, outputs, samples, &random)
            let y = random.normal(rows: outputs, cols: samples)
            let labels = random.choice(outputs, count: samples)
            let oneHot = Matrix.oneHot(labels, classes: outputs).T
            XCTAssertLessThan(
                columnsGradientError(parameters, input, y, crossEntropy: false), 1e-6, "K=\(K) least squares")
            XCTAssertLessThan(
                columnsGradientError(parameters, input, oneHot, crossEntropy: true), 1e-6, "K=\(K) softmax")
        }
    }

    func testRowsLayoutGivesTheColumnsLayoutTransposed() {
        var random = NumPyRandomState(seed: 9)
        for (K, D, inputs, outputs, samples) in [(0, 3, 2, 2, 3), (3, 5, 2, 1, 5), (2, 4, 3, 3, 2)] {
            let (parameters, input) = randomNetworkAwayFromKinks(K, D, inputs, outputs, samples, &random)
            let y = random.normal(rows: outputs, cols: samples)
            let columns = lab.forwardPass(input, parameters)
            let rows = lab.forwardPassRows(input.T, parameters)
            for (a, b) in zip(columns.preactivations + columns.activations, rows.preactivations + rows.activations) {
                XCTAssertEqual(a.T, b, accuracy: 1e-12, "K=\(K)")
            }
            let dColumns = lab.backwardPass(
                parameters, columns, outputGradient: UppsalaNetworkCost.leastSquaresDerivative(columns.output, y))
            let dRows = lab.backwardPassRows(
                parameters, rows, outputGradient: lab.leastSquaresCostGradient(rows.output, y.T))
            for (a, b) in zip(dColumns.named, dRows.named) {
                XCTAssertEqual(a.value, b.value, accuracy: 1e-12, "K=\(K) \(a.name)")
            }
        }
    }

    func testRowsBackwardPassMatchesCentralDifferences() {
        var random = NumPyRandomState(seed: 13)
        let (parameters, input) = randomNetworkAwayFromKinks(3, 5, 2, 2, 4, &random)
        let (X, y) = (input.T, random.normal(rows: 4, cols: 2))
        let forward = lab.forwardPassRows(X, parameters)
        let analytic = lab.backwardPassRows(
            parameters, forward, outputGradient: lab.leastSquaresCostGradient(forward.output, y))
        let numerical = centralDifferences(parameters) { lab.leastSquaresCost(lab.forwardPassRows(X, $0).output, y) }
        XCTAssertLessThan(worstRelativeError(analytic, numerical), 1e-6)
    }

    func testNotebookForwardDifferenceCheckCatchesAWrongGradient() {
        let (input, y) = UppsalaNetworkSetup.leastSquaresData(samples: 5)
        let parameters = UppsalaNetworkSetup.network()
        let forward = lab.forwardPass(input, parameters)
        var gradients = lab.backwardPass(
            parameters, forward, outputGradient: UppsalaNetworkCost.leastSquaresDerivative(forward.output, y))
        let check = UppsalaForwardDifferenceCheck()
        let differences = check.gradients(at: parameters) {
            UppsalaNetworkCost.leastSquares(lab.forwardPass(input, $0).output, y)
        }
        XCTAssertEqual(check.matchingTensors(gradients, differences), 12)
        gradients.biases[0] = gradients.biases[0] * 5
        XCTAssertEqual(check.matchingTensors(gradients, differences), 11, "a bias gradient without the sum's /I")
    }

    func testSoftmaxColumnsSumToOneWithoutOverflow() {
        let f = Matrix([[1000, -1000, 0], [999, -1001, 0]])
        let probabilities = lab.softmax(f)
        XCTAssertTrue(probabilities.isFinite)
        XCTAssertEqual(probabilities.sum(axis: 0), Matrix.ones(rows: 1, cols: 3), accuracy: 1e-15)
        XCTAssertEqual(probabilities[0, 0], 1 / (1 + exp(-1.0)), accuracy: 1e-15)
    }

    func testCrossEntropyCostStaysFiniteForVeryNegativeOutputs() {
        let cost = lab.crossEntropyCost(Matrix([[-2000], [0]]), Matrix([[1], [0]]))
        XCTAssertEqual(cost, 2000, accuracy: 1e-9)
    }

    // MARK: Helpers

    /// The per-layer arrays stored under `key.name` (a list of nested arrays), each flattened row-major.
    private func layers(_ key: String, _ name: String) throws -> [[Double]] {
        let layers = try XCTUnwrap(try LabReferenceJSON.value(key, name) as? [[[Double]]], "\(key).\(name)")
        return layers.map { $0.flatMap { $0 } }
    }

    /// A random network whose hidden pre-activations all stay at least 1e-3 from the ReLU kink,
    /// so that central differences see a smooth cost.
    private func randomNetworkAwayFromKinks(
        _ K: Int, _ D: Int, _ inputs: Int, _ outputs: Int, _ samples: Int, _ random: inout NumPyRandomState
    ) -> (UppsalaNetworkParameters, Matrix) {
        while true {
            let parameters = UppsalaNetworkSetup.initialParameters(
                hiddenLayers: K, width: D, inputDimension: inputs, outputDimension: outputs, random: &random)
            let input = random.normal(rows: inputs, cols: samples)
            let hidden = lab.forwardPass(input, parameters).preactivations.dropLast()
            if hidden.allSatisfy({ $0.abs().min() > 1e-3 }) { return (parameters, input) }
        }
    }

    private func columnsGradientError(
        _ parameters: UppsalaNetworkParameters, _ input: Matrix, _ y: Matrix, crossEntropy: Bool
    ) -> Double {
        func cost(_ output: Matrix) -> Double {
            crossEntropy ? lab.crossEntropyCost(output, y) : UppsalaNetworkCost.leastSquares(output, y)
        }
        let forward = lab.forwardPass(input, parameters)
        let dLdf =
            crossEntropy
            ? lab.crossEntropyCostGradient(forward.output, y)
            : UppsalaNetworkCost.leastSquaresDerivative(forward.output, y)
        let analytic = lab.backwardPass(parameters, forward, outputGradient: dLdf)
        let numerical = centralDifferences(parameters) { cost(lab.forwardPass(input, $0).output) }
        return worstRelativeError(analytic, numerical)
    }

    private func centralDifferences(
        _ parameters: UppsalaNetworkParameters, cost: (UppsalaNetworkParameters) -> Double
    ) -> UppsalaNetworkParameters {
        var result = parameters
        for layer in parameters.weights.indices {
            result.weights[layer] = GradientCheck.numericalGradient(at: parameters.weights[layer]) { value in
                var probe = parameters
                probe.weights[layer] = value
                return cost(probe)
            }
            result.biases[layer] = GradientCheck.numericalGradient(at: parameters.biases[layer]) { value in
                var probe = parameters
                probe.biases[layer] = value
                return cost(probe)
            }
        }
        return result
    }

    private func worstRelativeError(_ a: UppsalaNetworkParameters, _ b: UppsalaNetworkParameters) -> Double {
        zip(a.named, b.named).map { GradientCheck.relativeError($0.value, $1.value) }.max() ?? .nan
    }
}
