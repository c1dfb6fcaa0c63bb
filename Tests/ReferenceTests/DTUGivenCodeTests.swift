// The DTU lab's given code: activation functions and their derivatives, networks, seeded problems.
import LabKit
import XCTest

final class DTUGivenCodeTests: XCTestCase {
    private let a = Matrix([[-2.5, -0.3, 0, 0.7, 3.1], [1.2, -1.1, 0.05, 4, -4]])

    func testElementwiseDerivativesMatchCentralDifferences() {
        for h in DTUActivation.allCases where h.isElementwise {
            for k in 0..<a.count {
                let x = a.elements[k]
                let numerical = GradientCheck.numericalGradient(at: Matrix([[x]])) { h.apply($0)[0, 0] }[0, 0]
                XCTAssertEqual(h.derivative(Matrix([[x]]))[0, 0], numerical, accuracy: 1e-9, "\(h) at \(x)")
            }
        }
    }

    func testActivationsComputeTheirFormulas() {
        XCTAssertEqual(DTUActivation.identity.apply(a), a)
        XCTAssertEqual(DTUActivation.tanh.apply(a), tanh(a))
        XCTAssertEqual(DTUActivation.logisticSigmoid.apply(Matrix([[0, log(3)]])), Matrix([[0.5, 0.75]]))
    }

    func testSoftmaxRowsAreProbabilitiesUnchangedByAShift() {
        let y = DTUActivation.softmax.apply(a)
        for n in 0..<y.rows { XCTAssertEqual(y.row(n).sum(), 1, accuracy: 1e-15) }
        XCTAssertEqual(DTUActivation.softmax.apply(Matrix([[0, log(3)]]))[0, 1], 0.75, accuracy: 1e-15)
        // a + 800 is exact only to about 1e-13, so the probabilities agree to that, not to the last bit.
        let shifted = DTUActivation.softmax.apply(a + 800)
        for (p, q) in zip(y.elements, shifted.elements) { XCTAssertEqual(p, q, accuracy: 1e-12) }
    }

    func testSumOfSquaresErrorHasNoHalf() {
        let E = DTULoss.sumOfSquaresError(outputs: Matrix([[1, 2], [3, 4]]), targets: Matrix([[0, 2], [1, 4]]))
        XCTAssertEqual(E, 5)
    }

    func testRandomProblemHasTheLabsShapes() {
        var random = NumPyRandomState(seed: 5)
        let p = DTUProblem.random(
            layerSizes: [3, 4, 2], activations: [.tanh, .softmax], samples: 7, random: &random)
        XCTAssertEqual(p.network.weights.map(\.shapeDescription), ["(4, 4)", "(2, 5)"])
        XCTAssertEqual(p.network.layerCount, 2)
        XCTAssertEqual(p.network.inputSize, 3)
        XCTAssertEqual(p.network.outputSize, 2)
        XCTAssertEqual(p.inputs.shapeDescription, "(7, 3)")
        XCTAssertEqual(p.targets.shapeDescription, "(7, 2)")
        XCTAssertEqual(p.targets.sum(axis: 1), Matrix.ones(rows: 7, cols: 1), "softmax targets are one-hot")
    }

    func testRandomProblemDrawsWeightsThenInputsThenTargetsFromTheStream() {
        var random = NumPyRandomState(seed: 0)
        let p = DTUProblem.random(layerSizes: [1, 3, 1], activations: [.tanh, .identity], samples: 2, random: &random)
        var replay = NumPyRandomState(seed: 0)
        XCTAssertEqual(p.network.weights[0], replay.randn(rows: 3, cols: 2) / 2.0.squareRoot())
        XCTAssertEqual(p.network.weights[1], replay.randn(rows: 1, cols: 4) / 2)
        XCTAssertEqual(p.inputs, replay.randn(rows: 2, cols: 1))
        XCTAssertEqual(p.targets, replay.randn(rows: 2, cols: 1))
    }

    func testFixedProblemsAreTheDocumentedNetworks() {
        XCTAssertEqual(DTUProblem.figure5_3.network.activations, [.tanh, .identity])
        XCTAssertEqual(DTUProblem.figure5_3.network.weights[0].shapeDescription, "(3, 2)")
        XCTAssertEqual(DTUProblem.regression.network.layerCount, 3)
        XCTAssertEqual(DTUProblem.classification.network.layerCount, 4)
        XCTAssertEqual(DTUProblem.classification, DTUProblem.classification, "seeded, so the same every time")
    }

    func testNetworkRoundTripsThroughJSON() throws {
        let network = DTUProblem.classification.network
        let decoded = try JSONDecoder().decode(DTUNetwork.self, from: JSONEncoder().encode(network))
        XCTAssertEqual(decoded, network)
        let loss = DTULoss.gaussianNegativeLogLikelihood(variance: 0.5)
        XCTAssertEqual(try JSONDecoder().decode(DTULoss.self, from: JSONEncoder().encode(loss)), loss)
    }
}
