// The HLCV reference solution against the lab's arrays, finite differences and its SGD behaviour.
import LabKit
import Reference
import XCTest

final class HLCVReferenceTests: XCTestCase {
    let lab = HLCVExercise2()
    let (X, y) = HLCVToyProblem.data()
    let parameters = HLCVToyProblem.model().parameters

    func testToyWeightsAreTheLabsSeedZeroDrawsBitForBit() throws {
        XCTAssertEqual(parameters.W1.shapeDescription, "(4, 10)")
        XCTAssertEqual(parameters.W1, try LabReferenceJSON.matrix("hlcv", "W1"))
        XCTAssertEqual(parameters.W2, try LabReferenceJSON.matrix("hlcv", "W2"))
        XCTAssertEqual(X, try LabReferenceJSON.matrix("hlcv", "X"))
    }

    func testToyScoresAreTheLabsProbabilities() throws {
        let expected = try LabReferenceJSON.matrix("hlcv", "probabilities")
        XCTAssertEqual(lab.scores(X, parameters), expected, accuracy: 1e-15)
    }

    func testToyLossSplitsIntoDataLossAndPenaltyWithoutAHalf() throws {
        let dataLoss = lab.loss(X, labels: y, parameters, reg: 0)
        XCTAssertEqual(dataLoss, try LabReferenceJSON.number("hlcv", "data_loss_only"), accuracy: 1e-15)
        XCTAssertEqual(
            lab.loss(X, labels: y, parameters, reg: 0.05) - dataLoss,
            try LabReferenceJSON.number("hlcv", "reg_term"), accuracy: 1e-15)
    }

    func testToyGradientsAreTheLabsArrays() throws {
        let gradients = lab.gradients(X, labels: y, parameters, reg: 0.05)
        for (name, value) in gradients.named {
            let expected = try LabReferenceJSON.numbers("hlcv", "grads", name)
            XCTAssertEqual(value.elements.count, expected.count, name)
            for (a, b) in zip(value.elements, expected) {
                XCTAssertEqual(a, b, accuracy: 1e-14 * Swift.max(1, Swift.abs(b)), "d\(name)")
            }
        }
    }

    func testGradientsMatchCentralDifferencesOnRandomNetworksAwayFromKinks() {
        var random = NumPyRandomState(seed: 7)
        for (n, d, h, c) in [(3, 2, 4, 2), (8, 5, 7, 4), (20, 6, 3, 5)] {
            let network = HLCVToyProblem.initialParameters(
                inputSize: d, hiddenSize: h, outputSize: c, std: 0.5, random: &random)
            var withBias = network
            withBias.b1 = random.randn(rows: 1, cols: h)
            withBias.b2 = random.randn(rows: 1, cols: c)
            let inputs = random.randn(rows: n, cols: d)
            let labels = random.randint(high: c, count: n)
            let hidden = inputs.dot(withBias.W1) + withBias.b1
            guard hidden.abs().min() > 1e-3 else { continue }
            let analytic = lab.gradients(inputs, labels: labels, withBias, reg: 0.1)
            let paths: [(String, WritableKeyPath<TwoLayerParameters, Matrix>)] =
                [("W1", \.W1), ("b1", \.b1), ("W2", \.W2), ("b2", \.b2)]
            for (name, path) in paths {
                let numerical = GradientCheck.numericalGradient(at: withBias[keyPath: path]) { value in
                    var probe = withBias
                    probe[keyPath: path] = value
                    return lab.loss(inputs, labels: labels, probe, reg: 0.1)
                }
                XCTAssertLessThan(GradientCheck.relativeError(analytic[keyPath: path], numerical), 1e-7, "\(name) n=\(n)")
            }
        }
    }

    func testToyTrainingFollowsTheLabsLossHistory() throws {
        let model = HLCVToyProblem.model()
        var random = model.random
        let result = lab.train(
            X, labels: y, validation: X, validationLabels: y, from: model.parameters,
            options: HLCVTrainingOptions(learningRate: 1e-1, reg: 5e-6, iterations: 100), random: &random)
        let expected = try LabReferenceJSON.numbers("hlcv", "toy_train_choice", "loss_history_first5")
        XCTAssertEqual(Array(result.lossHistory.prefix(5)), expected, accuracy: 1e-13)
        XCTAssertEqual(result.lossHistory.count, 100)
        XCTAssertEqual(result.trainAccuracyHistory.count, 100, "N/B < 1 makes every iteration an epoch")
        XCTAssertEqual(lab.predict(X, result.parameters), y, "the lab's toy net fits its 5 samples")
    }

    func testLearningRateDecaysOncePerFloatEpochAsTheLabCodeDoes() {
        var random = NumPyRandomState(seed: 3)
        let inputs = random.randn(rows: 49, cols: 3)
        let labels = random.randint(high: 2, count: 49)
        let start = HLCVToyProblem.initialParameters(inputSize: 3, hiddenSize: 4, outputSize: 2, random: &random)
        let result = lab.train(
            inputs, labels: labels, validation: inputs, validationLabels: labels, from: start,
            options: HLCVTrainingOptions(iterations: 30, batchSize: 10), random: &random)
        XCTAssertEqual(result.validationAccuracyHistory.count, 1, "49/10 = 4.9 iterations per epoch: only it = 0 is a multiple")
    }

    func testPredictIsTheArgmaxOfTheScores() {
        XCTAssertEqual(lab.predict(X, parameters), lab.scores(X, parameters).argmax(axis: 1))
    }

    func testUnimplementedExercisesThrowNotImplemented() {
        struct Empty: HLCVTwoLayerNetLab {}
        XCTAssertThrowsError(try Empty().scores(X, parameters)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("HLCVTwoLayerNetLab.scores"))
        }
        XCTAssertThrowsError(try Empty().loss(X, labels: y, parameters, reg: 0))
        XCTAssertThrowsError(try Empty().gradients(X, labels: y, parameters, reg: 0))
        XCTAssertThrowsError(try Empty().predict(X, parameters))
        var random = NumPyRandomState(seed: 0)
        XCTAssertThrowsError(
            try Empty().train(
                X, labels: y, validation: X, validationLabels: y, from: parameters, options: .init(), random: &random))
    }
}
