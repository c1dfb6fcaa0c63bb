// The VU reference's training loops (Questions 4, 5 and 7) on a few hundred synthetic rows or MNIST digits.
import LabKit
import Reference
import XCTest

final class VUTrainingTests: XCTestCase {
    let lab = VUAssignment1()

    /// The first `rows` rows of `load_synth()` and a network drawn, as in the lab, from the stream `load_synth` reseeded.
    func synthetic(rows: Int, hidden: Int) -> (X: Matrix, labels: [Int], initial: TwoLayerParameters, random: NumPyRandomState) {
        var random = NumPyRandomState(seed: 0)
        let data = VUData.loadSynth(random: &random)
        let initial = VUInitialisation.standardNormal(inputs: 2, hidden: hidden, outputs: 2, random: &random)
        return (data.xtrain[rows: 0..<rows], Array(data.ytrain[0..<rows]), initial, random)
    }

    func testScalarSGDLowersTheEpochLossOnSyntheticData() {
        let (X, labels, initial, _) = synthetic(rows: 300, hidden: 3)
        let result = lab.trainScalar(X, labels: labels, from: initial, learningRate: 0.05, epochs: 5)
        XCTAssertEqual(result.epochLosses.count, 5)
        for epoch in 1..<5 {
            XCTAssertLessThan(result.epochLosses[epoch], result.epochLosses[epoch - 1], "epoch \(epoch)")
        }
    }

    func testScalarSGDRecordsEachInstanceLossBeforeItsUpdateInRowOrder() {
        let (X, labels, initial, _) = synthetic(rows: 20, hidden: 3)
        let result = lab.trainScalar(X, labels: labels, from: initial, learningRate: 0.1, epochs: 2)
        XCTAssertEqual(result.lossHistory.count, 40)
        XCTAssertEqual(result.lossHistory[0], lab.scalarForwardBackward(x: X.row(0).elements, target: labels[0], initial).loss)
        let afterFirst = initial.descending(
            lab.scalarForwardBackward(x: X.row(0).elements, target: labels[0], initial).gradients, learningRate: 0.1)
        XCTAssertEqual(result.lossHistory[1], lab.scalarForwardBackward(x: X.row(1).elements, target: labels[1], afterFirst).loss)
        XCTAssertEqual(result.epochLosses[1], result.lossHistory[20...].reduce(0, +) / 20, accuracy: 1e-15)
    }

    func testSgdEpochVisitsTheRowsInTheOrderOfAPermutation() {
        let (X, labels, initial, start) = synthetic(rows: 30, hidden: 4)
        var random = start
        let result = lab.sgdEpoch(X, labels: labels, from: initial, learningRate: 0.1, random: &random)
        var replay = start
        let first = replay.permutation(30)[0]
        XCTAssertEqual(result.lossHistory.count, 30)
        XCTAssertEqual(result.lossHistory[0], lab.forwardBackward(X.row(first), target: labels[first], initial).loss, accuracy: 1e-15)
        XCTAssertEqual(random, replay, "one permutation of N consumes the generator")
    }

    /// Question 7 with batches of one is Question 5's epoch: same permutation, same updates.
    func testTrainWithBatchesOfOneIsAnSgdEpoch() {
        let (X, labels, initial, start) = synthetic(rows: 40, hidden: 4)
        var forEpoch = start
        var forTrain = start
        let epoch = lab.sgdEpoch(X, labels: labels, from: initial, learningRate: 0.1, random: &forEpoch)
        let trained = lab.train(
            X, labels: labels, validation: X, validationLabels: labels, from: initial,
            options: VUTrainingOptions(learningRate: 0.1, batchSize: 1, epochs: 1), random: &forTrain)
        XCTAssertEqual(trained.lossHistory, epoch.lossHistory)
        XCTAssertEqual(trained.parameters, epoch.parameters)
    }

    func testTrainRecordsOneLossPerBatchAndOneValidationPointPerEpoch() {
        let (X, labels, initial, start) = synthetic(rows: 50, hidden: 4)
        var random = start
        let result = lab.train(
            X, labels: labels, validation: X[rows: 0..<10], validationLabels: Array(labels[0..<10]), from: initial,
            options: VUTrainingOptions(learningRate: 0.1, batchSize: 8, epochs: 3), random: &random)
        XCTAssertEqual(result.lossHistory.count, 3 * 7, "50 rows in batches of 8: 6 full and one of 2")
        XCTAssertEqual(result.epochLosses.count, 3)
        XCTAssertEqual(result.validationLosses.count, 3)
        XCTAssertEqual(result.validationAccuracies.count, 3)
    }

    func testMinibatchTrainingLowersTheLossAndRaisesValidationAccuracyOnSyntheticData() {
        var random = NumPyRandomState(seed: 0)
        let data = VUData.loadSynth(numTrain: 400, numVal: 200, random: &random)
        let initial = VUInitialisation.standardNormal(inputs: 2, hidden: 8, outputs: 2, random: &random)
        let result = lab.train(
            data.xtrain, labels: data.ytrain, validation: data.xval, validationLabels: data.yval, from: initial,
            options: VUTrainingOptions(learningRate: 0.5, batchSize: 8, epochs: 10), random: &random)
        XCTAssertLessThan(result.epochLosses.last ?? .nan, 0.7 * (result.epochLosses.first ?? .nan))
        XCTAssertLessThan(result.validationLosses.last ?? .nan, result.validationLosses.first ?? .nan)
        XCTAssertGreaterThan(result.validationAccuracies.last ?? .nan, 0.85)
    }

    /// A few hundred MNIST-5k training digits drawn at random across all classes, and the lab's 784-300-10 network.
    func mnist(rows: Int) throws -> (data: VUData, X: Matrix, labels: [Int], initial: TwoLayerParameters) {
        let data = try VUTestData.mnist5k.get()
        var random = NumPyRandomState(seed: 1)
        let pick = Array(random.permutation(data.xtrain.rows).prefix(rows))
        let initial = VUInitialisation.standardNormal(inputs: 784, hidden: 300, outputs: 10, random: &random)
        return (data, data.xtrain[rows: pick], pick.map { data.ytrain[$0] }, initial)
    }

    func testSgdEpochsOnAFewHundredMNISTDigitsLowerTheLoss() throws {
        let (_, X, labels, initial) = try mnist(rows: 200)
        var random = NumPyRandomState(seed: 2)
        let first = lab.sgdEpoch(X, labels: labels, from: initial, learningRate: 0.003, random: &random)
        let second = lab.sgdEpoch(X, labels: labels, from: first.parameters, learningRate: 0.003, random: &random)
        XCTAssertEqual(first.lossHistory.count, 200)
        XCTAssertLessThan(second.epochLosses[0], 0.9 * first.epochLosses[0])
    }

    func testMinibatchTrainingOnAFewHundredMNISTDigitsLowersTrainingAndValidationLoss() throws {
        let (data, X, labels, initial) = try mnist(rows: 300)
        var random = NumPyRandomState(seed: 2)
        let result = lab.train(
            X, labels: labels, validation: data.xval, validationLabels: data.yval, from: initial,
            options: VUTrainingOptions(learningRate: 0.003, batchSize: 8, epochs: 5), random: &random)
        XCTAssertEqual(result.lossHistory.count, 5 * 38, "300 digits in batches of 8: 37 full and one of 4")
        for epoch in 1..<5 {
            XCTAssertLessThan(result.epochLosses[epoch], result.epochLosses[epoch - 1], "epoch \(epoch)")
        }
        XCTAssertLessThan(result.validationLosses.last ?? .nan, result.validationLosses.first ?? .nan)
    }
}
