// The ECE 285 shallow network (Questions 13–17): init_shallow, forward pass, loss, error rate, one update.
import LabKit
import Reference
import XCTest

final class ECE285NetworkTests: XCTestCase {
    let lab = ECE285Assignment1()

    func testInitShallowSeedZeroIsTheLabsArrays() throws {
        var random = NumPyRandomState(seed: 0)
        let net = ECE285Network.initShallow(Ni: 4, Nh: 3, No: 2, random: &random)
        for (name, value) in net.named {
            let expected = try LabReferenceJSON.matrix("ucsd", "init_shallow_seed0_Ni4_Nh3_No2", name)
            XCTAssertEqual(value, expected, accuracy: 1e-15, name)
        }
    }

    func testInitShallowDrawsTheBiasOfEachLayerBeforeItsWeights() {
        var random = NumPyRandomState(seed: 0)
        let net = ECE285Network.initShallow(Ni: 4, Nh: 3, No: 2, random: &random)
        var replay = NumPyRandomState(seed: 0)
        XCTAssertEqual(net.b1, replay.randn(rows: 3, cols: 1) / (2.5).squareRoot())
        XCTAssertEqual(net.W1, replay.randn(rows: 3, cols: 4) / (2.5).squareRoot())
        XCTAssertEqual(net.b2, replay.randn(rows: 2, cols: 1) / 2)
        XCTAssertEqual(net.W2, replay.randn(rows: 2, cols: 3) / 2)
        XCTAssertEqual(random, replay, "init_shallow draws nothing else")
    }

    func testForwardPropagationGivesOneProbabilityColumnPerSample() {
        var random = NumPyRandomState(seed: 1)
        let net = ECE285Network.initShallow(Ni: 6, Nh: 5, No: 4, random: &random)
        let y = lab.forwardpropShallow(random.randn(rows: 6, cols: 9), net)
        XCTAssertEqual(y.shapeDescription, "(4, 9)")
        XCTAssertEqual(y.sum(axis: 0), .ones(rows: 1, cols: 9), accuracy: 1e-15)
    }

    func testForwardPropagationOfOneSampleIsItsColumnInABatch() {
        var random = NumPyRandomState(seed: 2)
        let net = ECE285Network.initShallow(Ni: 3, Nh: 4, No: 3, random: &random)
        let x = random.randn(rows: 3, cols: 5)
        XCTAssertEqual(lab.forwardpropShallow(x.column(3), net), lab.forwardpropShallow(x, net).column(3), accuracy: 1e-15)
    }

    func testLossAveragesOverSamplesAndOutputs() {
        let y = Matrix([[0.5, 0.25], [0.5, 0.75]])
        let d = Matrix([[1, 0], [0, 1]])
        XCTAssertEqual(lab.evalLoss(y, d), -(log(0.5) + log(0.75)) / 4, accuracy: 1e-16)
    }

    func testLossOfUniformPredictionsIsLogOfTheClassCountOverIt() {
        let d = lab.labelToOneHot([0, 3, 9, 9], classes: 10)
        let uniform = Matrix(rows: 10, cols: 4, repeating: 0.1)
        XCTAssertEqual(lab.evalLoss(uniform, d), log(10) / 10, accuracy: 1e-15, "0.23, near the lab's initial .26")
    }

    func testErrorRateIsThePercentageOfWrongArgmaxes() {
        let y = Matrix([[0.9, 0.2, 0.6, 0.3], [0.1, 0.8, 0.4, 0.7]])
        XCTAssertEqual(lab.evalPerfs(y, [0, 1, 1, 1]), 25)
    }

    func testUpdateStepsEveryParameterAgainstTheGradientOfTheSummedCrossEntropy() {
        var random = NumPyRandomState(seed: 0)
        let net = ECE285Network.initShallow(Ni: 4, Nh: 3, No: 2, random: &random)
        let x = random.randn(rows: 4, cols: 6)
        let d = lab.labelToOneHot(random.randint(high: 2, count: 6), classes: 2)
        assertUpdateIsGradientStep(x, d, net)
    }

    func testUpdateIsAGradientStepOnRandomNetworksAwayFromKinks() {
        var random = NumPyRandomState(seed: 22)
        for (ni, nh, no, n) in [(2, 3, 2, 1), (5, 7, 4, 8), (9, 4, 10, 15)] {
            let net = ECE285Network.initShallow(Ni: ni, Nh: nh, No: no, random: &random)
            let x = random.randn(rows: ni, cols: n)
            let d = lab.labelToOneHot(random.randint(high: no, count: n), classes: no)
            let hidden = net.W1.dot(x) + net.b1
            XCTAssertGreaterThan(hidden.abs().min(), 1e-3, "the seeded potentials keep clear of ReLU's kink")
            assertUpdateIsGradientStep(x, d, net)
        }
    }

    func testUpdateStepIsNormalisedByTheBatchSize() {
        var random = NumPyRandomState(seed: 4)
        let net = ECE285Network.initShallow(Ni: 3, Nh: 4, No: 2, random: &random)
        let x = random.randn(rows: 3, cols: 5)
        let d = lab.labelToOneHot([0, 1, 1, 0, 1], classes: 2)
        let once = lab.updateShallow(x, d, net, gamma: 0.05)
        let doubled = lab.updateShallow(Matrix.hstack([x, x]), Matrix.hstack([d, d]), net, gamma: 0.05)
        for ((name, a), (_, b)) in zip(once.named, doubled.named) {
            XCTAssertEqual(a, b, accuracy: 1e-14, "repeating the batch leaves \(name)'s step unchanged")
        }
    }

    func testUpdateLowersTheLossForASmallStep() {
        var random = NumPyRandomState(seed: 6)
        let net = ECE285Network.initShallow(Ni: 8, Nh: 6, No: 3, random: &random)
        let x = random.randn(rows: 8, cols: 20)
        let d = lab.labelToOneHot(random.randint(high: 3, count: 20), classes: 3)
        let after = lab.updateShallow(x, d, net, gamma: 0.05)
        XCTAssertLessThan(lab.evalLoss(lab.forwardpropShallow(x, after), d), lab.evalLoss(lab.forwardpropShallow(x, net), d))
    }

    /// `update = net − (γ/N) ∇E` with `E = −Σ d log y`, so `(net − update)·N/γ` is `∇E`; `γ = 1`
    /// keeps the subtraction from eating the gradient's digits.
    private func assertUpdateIsGradientStep(
        _ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, file: StaticString = #filePath, line: UInt = #line
    ) {
        let updated = lab.updateShallow(x, d, net, gamma: 1)
        let paths: [(String, WritableKeyPath<TwoLayerParameters, Matrix>)] =
            [("W1", \.W1), ("b1", \.b1), ("W2", \.W2), ("b2", \.b2)]
        for (name, path) in paths {
            let analytic = (net[keyPath: path] - updated[keyPath: path]) * Double(x.cols)
            let numerical = GradientCheck.numericalGradient(at: net[keyPath: path]) { value in
                var probe = net
                probe[keyPath: path] = value
                return lab.evalLoss(lab.forwardpropShallow(x, probe), d) * Double(d.count)
            }
            XCTAssertLessThan(
                GradientCheck.relativeError(analytic, numerical), 1e-6, "\(name), x \(x.shapeDescription)",
                file: file, line: line)
        }
    }
}
