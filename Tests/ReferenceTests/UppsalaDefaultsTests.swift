// A type that implements none of Uppsala Lab 1 still compiles, and every exercise throws NotImplemented.
import LabKit
import XCTest

final class UppsalaDefaultsTests: XCTestCase {
    struct Empty: UppsalaBackpropLab {}

    let lab = Empty()
    let column = Matrix.ones(rows: 2, cols: 1)
    let linear = UppsalaAutoRegression.initialParameters(inputDimension: 2)
    let network = UppsalaNetworkSetup.network()
    let toyForward = UppsalaToyForwardPass(f0: 0, h1: 0, f1: 0, h2: 0, f2: 0, h3: 0, f3: 0, loss: 0)
    let toyBackward = UppsalaToyBackwardPass(dldf3: 0, dldh3: 0, dldf2: 0, dldh2: 0, dldf1: 0, dldh1: 0, dldf0: 0)
    let forward = UppsalaNetworkForwardPass(preactivations: [], activations: [])

    func testLinearRegressionExercisesThrowNotImplemented() {
        assertNotImplemented("linearRegressionOutput") { _ = try lab.linearRegressionOutput(column.T, linear) }
        assertNotImplemented("leastSquaresCost") { _ = try lab.leastSquaresCost(column, column) }
        assertNotImplemented("leastSquaresCostGradient") { _ = try lab.leastSquaresCostGradient(column, column) }
        assertNotImplemented("linearRegressionGradients") {
            _ = try lab.linearRegressionGradients(column.T, output: column, column)
        }
        assertNotImplemented("trainLinearRegression") {
            _ = try lab.trainLinearRegression(column.T, column, from: linear, iterations: 1, learningRate: 0.1)
        }
    }

    func testPreparationQuestionsThrowNotImplemented() {
        assertNotImplemented("linearLayerWeightGradient") { _ = try lab.linearLayerWeightGradient(column, column) }
        assertNotImplemented("softmaxCrossEntropyLossGradient") {
            _ = try lab.softmaxCrossEntropyLossGradient(column, column)
        }
    }

    func testToyModelExercisesThrowNotImplemented() {
        let p = UppsalaToyModel.parameters
        assertNotImplemented("toyForwardPass") { _ = try lab.toyForwardPass(x: 1, y: 1, p) }
        assertNotImplemented("toyBackwardPass") { _ = try lab.toyBackwardPass(toyForward, y: 1, p) }
        assertNotImplemented("toyParameterGradients") {
            _ = try lab.toyParameterGradients(toyForward, toyBackward, x: 1)
        }
    }

    func testNetworkExercisesThrowNotImplemented() {
        assertNotImplemented("forwardPass") { _ = try lab.forwardPass(column, network) }
        assertNotImplemented("backwardPass") { _ = try lab.backwardPass(network, forward, outputGradient: column) }
        assertNotImplemented("forwardPassRows") { _ = try lab.forwardPassRows(column, network) }
        assertNotImplemented("backwardPassRows") {
            _ = try lab.backwardPassRows(network, forward, outputGradient: column)
        }
        assertNotImplemented("softmax") { _ = try lab.softmax(column) }
        assertNotImplemented("crossEntropyCost") { _ = try lab.crossEntropyCost(column, column) }
        assertNotImplemented("crossEntropyCostGradient") { _ = try lab.crossEntropyCostGradient(column, column) }
    }

    private func assertNotImplemented(_ requirement: String, _ body: () throws -> Void, line: UInt = #line) {
        XCTAssertThrowsError(try body(), requirement, line: line) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("UppsalaBackpropLab.\(requirement)"), line: line)
        }
    }
}
