// HLCV Exercise 2's published numbers, checked against your solution: `swift test`.
import LabKit
import XCTest

@testable import Submission

/// What `ex2_FCnet.py` prints for the toy problem, and its gradient check, run on your code.
///
/// Every number here is one the lab publishes; the grader's hidden and randomized instances run
/// only when you hand in (`labgrade check` runs the visible checks as graded).
final class HLCVPublishedTests: XCTestCase {
    let lab = HLCVExercise2()

    /// Question 1 a): `correct_scores` of the toy model on the toy data, to 1e-7 in total.
    func testToyScores() throws {
        let (X, _) = HLCVToyProblem.data()
        let scores = try lab.scores(X, HLCVToyProblem.model().parameters)
        let published: [Double] = [
            0.36446210, 0.22911264, 0.40642526, 0.47590629, 0.17217039, 0.35192332, 0.43035767, 0.26164229,
            0.30800004, 0.41583127, 0.29832280, 0.28584593, 0.36328815, 0.32279939, 0.31391246,
        ]
        // The lab prints 8 decimals, so each entry may be off by half a unit in the last one.
        XCTAssertNil(PublishedValues.difference(scores, rows: 5, cols: 3, published, absolute: 5e-9), "Q1 a) toy scores")
    }

    /// Question 1 b): "matching the output cost 1.30378789133" (reg 0.05), difference below 1e-12.
    func testToyLoss() throws {
        let (X, y) = HLCVToyProblem.data()
        let loss = try lab.loss(X, labels: y, HLCVToyProblem.model().parameters, reg: 0.05)
        XCTAssertNil(PublishedValues.difference(loss, 1.30378789133, absolute: 1e-11), "Q1 b) toy loss at reg 0.05")
    }

    /// Question 2 d): the lab's gradient check, `rel_error(analytic, eval_numerical_gradient(h=1e-5))`
    /// below 1e-8 for every parameter, with central differences of *your* loss.
    func testGradientCheck() throws {
        let (X, y) = HLCVToyProblem.data()
        let parameters = HLCVToyProblem.model().parameters
        let analytic = try lab.gradients(X, labels: y, parameters, reg: 0.05)
        let names: [(String, WritableKeyPath<TwoLayerParameters, Matrix>)] = [("W1", \.W1), ("b1", \.b1), ("W2", \.W2), ("b2", \.b2)]
        for (name, path) in names {
            let numerical = try GradientCheck.numericalGradient(at: parameters[keyPath: path]) { value in
                var probe = parameters
                probe[keyPath: path] = value
                return try lab.loss(X, labels: y, probe, reg: 0.05)
            }
            XCTAssertEqual(analytic[keyPath: path].rows, numerical.rows, "Q2 d) rows of d\(name)")
            XCTAssertEqual(analytic[keyPath: path].cols, numerical.cols, "Q2 d) columns of d\(name)")
            guard analytic[keyPath: path].count == numerical.count else { continue }
            let error = GradientCheck.relativeError(analytic[keyPath: path], numerical)
            XCTAssertLessThan(error, 1e-8, "Q2 d) d\(name): relative error against finite differences of your loss")
        }
    }

    /// Question 3 a): 100 SGD steps on the toy data (lr 0.1, reg 5e-6) "obtain loss j = 0.02".
    func testToyTrainingReachesTheLabsLoss() throws {
        let model = HLCVToyProblem.model()
        var random = model.random
        let (X, y) = HLCVToyProblem.data()
        let options = HLCVTrainingOptions(learningRate: 1e-1, reg: 5e-6, iterations: 100)
        let result = try lab.train(
            X, labels: y, validation: X, validationLabels: y, from: model.parameters, options: options, random: &random)
        XCTAssertEqual(result.lossHistory.count, 100, "Q3 a) one loss per iteration")
        XCTAssertLessThan(result.lossHistory.last ?? .nan, 0.02, "Q3 a) the last minibatch loss")
    }
}
