// The VU reference, Questions 5 and 6: the vectorised single-instance pass and the batched pass.
import LabKit
import Reference
import XCTest

final class VUVectorisedTests: XCTestCase {
    let lab = VUAssignment1()

    func testVectorisedPassEqualsTheScalarPassOnRandomNetworks() {
        var random = NumPyRandomState(seed: 31)
        for (inputs, hidden, outputs) in [(2, 3, 2), (5, 4, 6), (3, 8, 3)] {
            let parameters = VUTestNetworks.random(inputs: inputs, hidden: hidden, outputs: outputs, random: &random)
            let x = random.randn(rows: 1, cols: inputs)
            let target = random.randint(high: outputs)
            let scalar = lab.scalarForwardBackward(x: x.elements, target: target, parameters)
            let vectorised = lab.forwardBackward(x, target: target, parameters)
            XCTAssertEqual(vectorised.loss, scalar.loss, accuracy: 1e-14)
            XCTAssertEqual(vectorised.y, scalar.y, accuracy: 1e-15)
            for ((name, value), (_, expected)) in zip(vectorised.gradients.named, scalar.gradients.named) {
                XCTAssertEqual(value, expected, accuracy: 1e-14, "d\(name) \(inputs)-\(hidden)-\(outputs)")
            }
        }
    }

    func testVectorisedPassGivesThePublishedValuesOnTheFixedNetwork() {
        let pass = lab.forwardBackward(Matrix(row: VUFixedNetwork.x), target: VUFixedNetwork.target, VUFixedNetwork.parameters)
        XCTAssertEqual(pass.loss, 0.6931471805599453, accuracy: 1e-15)
        XCTAssertEqual(pass.gradients.W1, .zeros(rows: 2, cols: 3), accuracy: 1e-15)
        XCTAssertEqual(pass.gradients.b2, Matrix(row: [-0.5, 0.5]), accuracy: 1e-15)
    }

    func testMNISTSizedPassHasTheLabsShapes() {
        var random = NumPyRandomState(seed: 32)
        let parameters = VUInitialisation.standardNormal(inputs: 784, hidden: 300, outputs: 10, random: &random)
        let pass = lab.forwardBackward(random.randomSample(rows: 1, cols: 784), target: 7, parameters)
        XCTAssertEqual(pass.h.shapeDescription, "(1, 300)")
        XCTAssertEqual(pass.y.shapeDescription, "(1, 10)")
        XCTAssertEqual(pass.gradients.W1.shapeDescription, "(784, 300)")
        XCTAssertEqual(pass.gradients.b1.shapeDescription, "(1, 300)")
        XCTAssertEqual(pass.gradients.W2.shapeDescription, "(300, 10)")
        XCTAssertEqual(pass.gradients.b2.shapeDescription, "(1, 10)")
    }

    /// Too many weights for entry-by-entry differences: one random direction tests the whole gradient.
    func testMNISTSizedGradientPassesADirectionalDerivativeCheck() {
        var random = NumPyRandomState(seed: 33)
        var parameters = VUInitialisation.standardNormal(inputs: 784, hidden: 300, outputs: 10, random: &random)
        parameters.W1 /= 28  // keeps the sigmoids out of saturation for inputs in [0, 1)
        let x = random.randomSample(rows: 1, cols: 784)
        let gradients = lab.forwardBackward(x, target: 3, parameters).gradients
        var predicted = 0.0
        var step = parameters
        var back = parameters
        let h = 1e-6
        for (_, path) in VUTestNetworks.paths {
            let direction = random.randn(rows: parameters[keyPath: path].rows, cols: parameters[keyPath: path].cols)
            predicted += (gradients[keyPath: path] * direction).sum()
            step[keyPath: path] += h * direction
            back[keyPath: path] -= h * direction
        }
        let numerical = (lab.forwardBackward(x, target: 3, step).loss - lab.forwardBackward(x, target: 3, back).loss) / (2 * h)
        XCTAssertEqual(numerical, predicted, accuracy: 1e-6 * Swift.max(1, Swift.abs(predicted)))
    }

    func testBatchPassMatchesCentralDifferencesOfTheMeanLoss() {
        var random = NumPyRandomState(seed: 34)
        for (batch, inputs, hidden, outputs) in [(4, 3, 5, 2), (7, 2, 3, 4)] {
            let parameters = VUTestNetworks.random(inputs: inputs, hidden: hidden, outputs: outputs, random: &random)
            let X = random.randn(rows: batch, cols: inputs)
            let labels = random.randint(high: outputs, count: batch)
            let pass = lab.batchForwardBackward(X, labels: labels, parameters)
            VUTestNetworks.assertGradientsMatchCentralDifferences(
                pass.gradients, of: { lab.batchForwardBackward(X, labels: labels, $0).loss }, at: parameters,
                "B=\(batch) \(inputs)-\(hidden)-\(outputs)")
        }
    }

    /// The report's `exp / exp.sum()` normalises the whole batch at once; each sample must be its own distribution.
    func testBatchSoftmaxNormalisesEachRowOnItsOwn() {
        var random = NumPyRandomState(seed: 35)
        let parameters = VUTestNetworks.random(inputs: 3, hidden: 4, outputs: 5, random: &random)
        let X = random.randn(rows: 6, cols: 3)
        let y = lab.batchForwardBackward(X, labels: [0, 1, 2, 3, 4, 0], parameters).y
        XCTAssertEqual(y.sum(axis: 1), .ones(rows: 6, cols: 1), accuracy: 1e-15)
        XCTAssertEqual(y.row(4), lab.forwardBackward(X.row(4), target: 4, parameters).y, accuracy: 1e-16)
    }

    /// The report's `np.sum(..., axis=0)` returns a vector; the lab's update averages the batch, so the loss is the mean.
    func testBatchLossAndGradientsAreTheMeansOverTheSamples() {
        var random = NumPyRandomState(seed: 36)
        let parameters = VUTestNetworks.random(inputs: 4, hidden: 3, outputs: 3, random: &random)
        let X = random.randn(rows: 5, cols: 4)
        let labels = [2, 0, 1, 1, 0]
        let singles = labels.indices.map { lab.forwardBackward(X.row($0), target: labels[$0], parameters) }
        let batch = lab.batchForwardBackward(X, labels: labels, parameters)
        XCTAssertEqual(batch.loss, singles.map(\.loss).reduce(0, +) / 5, accuracy: 1e-15)
        for (name, path) in VUTestNetworks.paths {
            let mean = singles.map { $0.gradients[keyPath: path] }.reduce(Matrix.zeros(like: parameters[keyPath: path]), +) / 5
            XCTAssertEqual(batch.gradients[keyPath: path], mean, accuracy: 1e-15, "d\(name)")
        }
    }
}
