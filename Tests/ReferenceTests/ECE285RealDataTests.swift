// ECE 285 on a few hundred real images: the lab's initial loss of about .26, and training that lowers it.
import LabKit
import Reference
import XCTest

/// Small real-data runs; the full-size ones (T = 100 on 4,000 or 10,000 images, 5 epochs on
/// 60,000) are in `labgrade-bench ece285`.
final class ECE285RealDataTests: XCTestCase {
    let lab = ECE285Assignment1()

    /// The MNIST-5k training split, parsed once: reading the CSV dominates these tests' time.
    nonisolated(unsafe) private static var trainingDigits: (x: Matrix, labels: [Int])?

    private func loadTrainingDigits() throws -> (x: Matrix, labels: [Int]) {
        if let loaded = Self.trainingDigits { return loaded }
        let loaded = try ECE285Data.load(.mnist5k, split: .train)
        Self.trainingDigits = loaded
        return loaded
    }

    /// 400 MNIST-5k training digits, every 10th image so each class has 40 (the file is sorted by
    /// class), normalised to `[−1, 1]`, with 10-row one-hot codes.
    private func digits() throws -> (x: Matrix, d: Matrix, labels: [Int]) {
        let (x, labels) = try loadTrainingDigits()
        let picked = Array(stride(from: 0, to: labels.count, by: 10))
        let pickedLabels = picked.map { labels[$0] }
        return (lab.normalizeMNISTImages(x[cols: picked]), lab.labelToOneHot(pickedLabels, classes: 10), pickedLabels)
    }

    /// `np.random.seed(0); init_shallow(784, 64, 10)` and the stream after it.
    private func seededNetwork() -> (net: TwoLayerParameters, random: NumPyRandomState) {
        var random = NumPyRandomState(seed: 0)
        let net = ECE285Network.initShallow(Ni: 784, Nh: ECE285Network.hiddenSize, No: 10, random: &random)
        return (net, random)
    }

    func testDigitsLoadAsColumnsOfRawPixels() throws {
        let (x, labels) = try loadTrainingDigits()
        XCTAssertEqual(x.shapeDescription, "(784, 4000)")
        XCTAssertEqual(labels.count, 4000)
        XCTAssertEqual(x.min(), 0)
        XCTAssertEqual(x.max(), 255)
    }

    func testInitialLossOnRealDigitsIsAroundTheLabsPoint26() throws {
        let (x, d, labels) = try digits()
        let y = lab.forwardpropShallow(x, seededNetwork().net)
        let loss = lab.evalLoss(y, d)
        XCTAssertGreaterThan(loss, 0.22)
        XCTAssertLessThan(loss, 0.30)
        XCTAssertGreaterThan(lab.evalPerfs(y, labels), 70, "an untrained net is about as good as chance (90 %)")
    }

    func testFullBatchTrainingLowersTheLossOnRealDigits() throws {
        let (x, d, _) = try digits()
        let net = seededNetwork().net
        let initial = lab.evalLoss(lab.forwardpropShallow(x, net), d)
        let result = lab.backpropShallow(x, d, net, T: 10, gamma: ECE285Network.gamma)
        XCTAssertEqual(result.lossHistory.count, 10)
        XCTAssertLessThan(try XCTUnwrap(result.lossHistory.last), 0.8 * initial)
        XCTAssertLessThan(try XCTUnwrap(result.errorHistory.last), 60)
    }

    func testMinibatchTrainingLowersTheLossOnRealDigits() throws {
        let (x, d, _) = try digits()
        var (net, random) = seededNetwork()
        let initial = lab.evalLoss(lab.forwardpropShallow(x, net), d)
        let result = lab.backpropMinibatchShallow(
            x, d, net, T: 2, B: ECE285Network.minibatchSize, gamma: ECE285Network.gamma, random: &random)
        net = result.parameters
        XCTAssertLessThan(try XCTUnwrap(result.lossHistory.last), 0.8 * initial)
        XCTAssertEqual(result.lossHistory.last, lab.evalLoss(lab.forwardpropShallow(x, net), d))
    }

    func testFullBatchTrainingLowersTheLossOnRealClothing() throws {
        let (images, labels) = try ECE285Data.load(.fashionMNIST, split: .test)
        let x = lab.normalizeMNISTImages(images[cols: 0..<300])
        let d = lab.labelToOneHot(Array(labels[0..<300]), classes: 10)
        let net = seededNetwork().net
        let initial = lab.evalLoss(lab.forwardpropShallow(x, net), d)
        let result = lab.backpropShallow(x, d, net, T: 10, gamma: ECE285Network.gamma)
        XCTAssertLessThan(try XCTUnwrap(result.lossHistory.last), 0.8 * initial)
    }
}
