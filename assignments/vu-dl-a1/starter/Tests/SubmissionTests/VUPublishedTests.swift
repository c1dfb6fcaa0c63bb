// VU Deep Learning Assignment 1's published numbers, checked against your solution: `swift test`.
import LabKit
import XCTest

@testable import Submission

/// The fixed network of Question 3 (`x = [1, −1]`, target class 0) and its published loss and
/// gradients, a finite-difference check of your own loss there, and Question 4's falling loss.
///
/// Every expected number here is one the assignment publishes; the grader's hidden and randomized
/// instances run only when you hand in (`labgrade check` runs the visible checks as graded).
final class VUPublishedTests: XCTestCase {
    let lab = VUAssignment1()

    /// The published pass: loss ln 2, dW and db zero, dV rows [−0.4404, 0.4404], dc [−0.5, 0.5].
    private func assertPublished(_ pass: VUPass, _ question: String) {
        let dV = Array(repeating: [-0.44039853898894116, 0.44039853898894116], count: 3).flatMap { $0 }
        XCTAssertNil(PublishedValues.difference(pass.loss, 0.6931471805599453, absolute: 1e-12), "\(question) loss")
        XCTAssertNil(PublishedValues.difference(pass.gradients.W1, rows: 2, cols: 3, [0, 0, 0, 0, 0, 0], absolute: 1e-12), "\(question) dW")
        XCTAssertNil(PublishedValues.difference(pass.gradients.b1, rows: 1, cols: 3, [0, 0, 0], absolute: 1e-12), "\(question) db")
        XCTAssertNil(PublishedValues.difference(pass.gradients.W2, rows: 3, cols: 2, dV, absolute: 1e-12), "\(question) dV")
        XCTAssertNil(PublishedValues.difference(pass.gradients.b2, rows: 1, cols: 2, [-0.5, 0.5], absolute: 1e-12), "\(question) dc")
    }

    /// Question 3: the scalar pass on the fixed network.
    func testScalarPassOnTheFixedNetwork() throws {
        let pass = try lab.scalarForwardBackward(x: VUFixedNetwork.x, target: VUFixedNetwork.target, VUFixedNetwork.parameters)
        assertPublished(pass, "Q3")
    }

    /// Question 5: the vectorised pass gives the same numbers on the same network.
    func testVectorisedPassOnTheFixedNetwork() throws {
        let pass = try lab.forwardBackward(Matrix(row: VUFixedNetwork.x), target: VUFixedNetwork.target, VUFixedNetwork.parameters)
        assertPublished(pass, "Q5")
    }

    /// Question 6: a batch of the one instance gives them too.
    func testBatchPassOnTheFixedNetwork() throws {
        let pass = try lab.batchForwardBackward(Matrix(row: VUFixedNetwork.x), labels: [VUFixedNetwork.target], VUFixedNetwork.parameters)
        assertPublished(pass, "Q6")
    }

    /// Question 3: your gradients against central differences (h = 1e-5) of your own loss, on
    /// the fixed network, every parameter.
    func testScalarGradientsAgreeWithFiniteDifferencesOfYourLoss() throws {
        let (x, target, parameters) = (VUFixedNetwork.x, VUFixedNetwork.target, VUFixedNetwork.parameters)
        let analytic = try lab.scalarForwardBackward(x: x, target: target, parameters).gradients
        let names: [(String, WritableKeyPath<TwoLayerParameters, Matrix>)] = [("dW", \.W1), ("db", \.b1), ("dV", \.W2), ("dc", \.b2)]
        for (name, path) in names {
            let numerical = try GradientCheck.numericalGradient(at: parameters[keyPath: path]) { value in
                var probe = parameters
                probe[keyPath: path] = value
                return try lab.scalarForwardBackward(x: x, target: target, probe).loss
            }
            XCTAssertNil(
                PublishedValues.difference(analytic[keyPath: path].elements, numerical.elements, relative: 1e-6, absolute: 1e-9),
                "Q3 \(name) against finite differences of your loss (here the finite differences stand where the lab's numbers would)")
        }
    }

    /// Question 4: "show that the training loss drops": `load_synth()`, a 2-3-2 network drawn from
    /// the same generator, 5 epochs of scalar SGD at learning rate 0.001.
    func testScalarTrainingLossDrops() throws {
        var random = NumPyRandomState(seed: 0)
        let data = VUData.loadSynth(random: &random)
        let initial = VUInitialisation.standardNormal(inputs: 2, hidden: 3, outputs: 2, random: &random)
        let result = try lab.trainScalar(data.xtrain, labels: data.ytrain, from: initial, learningRate: 0.001, epochs: 5)
        XCTAssertEqual(result.epochLosses.count, 5, "Q4 one mean loss per epoch")
        XCTAssertLessThan(result.epochLosses.last ?? .nan, result.epochLosses.first ?? .nan, "Q4 the last epoch's mean loss")
    }
}
