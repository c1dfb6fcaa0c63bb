// The report's `range(n_out)` bug passes the fixed network of Question 3 and fails a random one.
import LabKit
import Reference
import XCTest

/// The report's Question 3 code, ported line by line, bug included: the output layer sums
/// `A1[i] * W2[i][j] for i in range(n_out)`, so hidden units `n_out ..< n_hidden` never reach the
/// output, while the backward pass still uses every unit.
struct ReportRangeNOutBug: VUMLPLab {
    func scalarForwardBackward(x: [Double], target: Int, _ p: TwoLayerParameters) -> VUPass {
        let (nInput, nHidden, nOut) = (p.W1.rows, p.W1.cols, p.W2.cols)
        let k = (0..<nHidden).map { j in (0..<nInput).reduce(0.0) { $0 + x[$1] * p.W1[$1, j] } + p.b1[0, j] }
        let h = k.map { 1 / (1 + Foundation.exp(-$0)) }
        let o = (0..<nOut).map { j in (0..<nOut).reduce(0.0) { $0 + h[$1] * p.W2[$1, j] } + p.b2[0, j] }
        let y = o.map { Foundation.exp($0) / o.map { Foundation.exp($0) }.reduce(0, +) }
        let dO = y.indices.map { y[$0] - ($0 == target ? 1 : 0) }
        let dK = (0..<nHidden).map { j in h[j] * (1 - h[j]) * (0..<nOut).reduce(0.0) { $0 + dO[$1] * p.W2[j, $1] } }
        let gradients = TwoLayerParameters(
            W1: Matrix(rows: nInput, cols: nHidden) { i, j in dK[j] * x[i] }, b1: Matrix(row: dK),
            W2: Matrix(rows: nHidden, cols: nOut) { i, j in dO[j] * h[i] }, b2: Matrix(row: dO))
        return VUPass(
            k: Matrix(row: k), h: Matrix(row: h), o: Matrix(row: o), y: Matrix(row: y), loss: -Foundation.log(y[target]),
            gradients: gradients)
    }
}

final class VUReportBugTests: XCTestCase {
    let reference = VUAssignment1()
    let buggy = ReportRangeNOutBug()

    func testReportBugGivesThePublishedLossAndGradientsOnTheFixedNetwork() throws {
        let (x, target, parameters) = (VUFixedNetwork.x, VUFixedNetwork.target, VUFixedNetwork.parameters)
        let expected = reference.scalarForwardBackward(x: x, target: target, parameters)
        let bug = buggy.scalarForwardBackward(x: x, target: target, parameters)
        XCTAssertEqual(bug.loss, expected.loss, accuracy: 1e-15)
        for ((name, value), (_, correct)) in zip(bug.gradients.named, expected.gradients.named) {
            XCTAssertEqual(value, correct, accuracy: 1e-15, "d\(name)")
        }
    }

    /// The fixed network's two V columns are equal, so the missing hidden unit cancels in the
    /// softmax: only `o` shows the bug there, as lab_reference.json records.
    func testReportBugShowsOnlyInTheOutputPreActivationsOfTheFixedNetwork() throws {
        let bug = buggy.scalarForwardBackward(x: VUFixedNetwork.x, target: VUFixedNetwork.target, VUFixedNetwork.parameters)
        XCTAssertEqual(bug.o, try LabReferenceJSON.matrix("vu", "report_bug_range_n_out", "o"), accuracy: 1e-15)
        XCTAssertEqual(bug.y, try LabReferenceJSON.matrix("vu", "report_bug_range_n_out", "y"), accuracy: 1e-15)
    }

    func testReportBugDiffersFromTheReferenceOnARandomNetwork() {
        var random = NumPyRandomState(seed: 21)
        let parameters = VUTestNetworks.random(inputs: 2, hidden: 5, outputs: 3, random: &random)
        let x = random.randn(rows: 1, cols: 2).elements
        let expected = reference.scalarForwardBackward(x: x, target: 1, parameters)
        let bug = buggy.scalarForwardBackward(x: x, target: 1, parameters)
        XCTAssertGreaterThan(Swift.abs(bug.loss - expected.loss), 1e-3)
        XCTAssertGreaterThan((bug.gradients.W2 - expected.gradients.W2).abs().max(), 1e-3)
        XCTAssertGreaterThan((bug.gradients.W1 - expected.gradients.W1).abs().max(), 1e-3)
    }
}
