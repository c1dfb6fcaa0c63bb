// ECE 285 full-batch and minibatch training (Questions 18 and 20): histories, minibatch order, descent.
import LabKit
import Reference
import XCTest

final class ECE285TrainingTests: XCTestCase {
    let lab = ECE285Assignment1()

    /// Three Gaussian blobs in 5 dimensions, 30 samples as columns, and a 5-8-3 network, from `seed`.
    private func blobs(seed: UInt32) -> (x: Matrix, d: Matrix, net: TwoLayerParameters, random: NumPyRandomState) {
        var random = NumPyRandomState(seed: seed)
        let labels = (0..<30).map { $0 % 3 }
        let centres = 2 * random.randn(rows: 5, cols: 3)
        let x = centres[cols: labels] + random.randn(rows: 5, cols: 30)
        let net = ECE285Network.initShallow(Ni: 5, Nh: 8, No: 3, random: &random)
        return (x, lab.labelToOneHot(labels, classes: 3), net, random)
    }

    func testFullBatchTrainingRecordsLossAndErrorAfterEveryStep() {
        let (x, d, net, _) = blobs(seed: 1)
        let result = lab.backpropShallow(x, d, net, T: 3, gamma: 0.05)
        var replay = net
        for t in 0..<3 {
            replay = lab.updateShallow(x, d, replay, gamma: 0.05)
            let y = lab.forwardpropShallow(x, replay)
            XCTAssertEqual(result.lossHistory[t], lab.evalLoss(y, d), "step \(t)")
            XCTAssertEqual(result.errorHistory[t], lab.evalPerfs(y, lab.oneHotToLabel(d)), "step \(t)")
        }
        XCTAssertEqual(result.parameters, replay)
        XCTAssertEqual(result.lossHistory.count, 3)
    }

    func testFullBatchTrainingWithNoStepsReturnsTheStartingNetwork() {
        let (x, d, net, _) = blobs(seed: 2)
        XCTAssertEqual(lab.backpropShallow(x, d, net, T: 0, gamma: 0.05), ECE285TrainingResult(
            parameters: net, lossHistory: [], errorHistory: []))
    }

    func testFullBatchTrainingLowersTheLossOnSeparableBlobs() throws {
        let (x, d, net, _) = blobs(seed: 3)
        let result = lab.backpropShallow(x, d, net, T: 50, gamma: 0.5)
        let first = try XCTUnwrap(result.lossHistory.first), last = try XCTUnwrap(result.lossHistory.last)
        XCTAssertLessThan(last, 0.5 * first)
        XCTAssertLessThanOrEqual(result.errorHistory.last ?? 100, 10)
    }

    func testMinibatchesFollowOneFreshPermutationPerEpochWithASmallerLastBatch() {
        let (x, d, net, start) = blobs(seed: 4)
        var random = start
        let result = lab.backpropMinibatchShallow(x, d, net, T: 2, B: 7, gamma: 0.05, random: &random)
        var replayRandom = start
        var replay = net
        for _ in 0..<2 {
            let shuffled = replayRandom.permutation(30)
            for batch in [0..<7, 7..<14, 14..<21, 21..<28, 28..<30] {
                let columns = Array(shuffled[batch])
                replay = lab.updateShallow(x[cols: columns], d[cols: columns], replay, gamma: 0.05)
            }
        }
        XCTAssertEqual(result.parameters, replay)
        XCTAssertEqual(random, replayRandom, "each epoch draws exactly one permutation(N)")
    }

    func testMinibatchTrainingRecordsTheFullTrainingSetAfterEveryEpoch() {
        let (x, d, net, start) = blobs(seed: 5)
        var random = start
        let result = lab.backpropMinibatchShallow(x, d, net, T: 3, B: 10, gamma: 0.05, random: &random)
        let y = lab.forwardpropShallow(x, result.parameters)
        XCTAssertEqual(result.lossHistory.count, 3)
        XCTAssertEqual(result.lossHistory.last, lab.evalLoss(y, d))
        XCTAssertEqual(result.errorHistory.last, lab.evalPerfs(y, lab.oneHotToLabel(d)))
    }

    func testOneMinibatchHoldingEverySampleIsAFullBatchStep() {
        let (x, d, net, start) = blobs(seed: 6)
        var random = start
        let minibatch = lab.backpropMinibatchShallow(x, d, net, T: 4, B: 100, gamma: 0.05, random: &random)
        let fullBatch = lab.backpropShallow(x, d, net, T: 4, gamma: 0.05)
        XCTAssertEqual(minibatch.lossHistory, fullBatch.lossHistory, accuracy: 1e-14, "shuffling only reorders sums")
    }

    func testMinibatchTrainingLowersTheLossOnSeparableBlobs() throws {
        let (x, d, net, start) = blobs(seed: 7)
        var random = start
        let result = lab.backpropMinibatchShallow(x, d, net, T: 20, B: 4, gamma: 0.05, random: &random)
        let initial = lab.evalLoss(lab.forwardpropShallow(x, net), d)
        XCTAssertLessThan(try XCTUnwrap(result.lossHistory.last), 0.5 * initial)
    }
}
