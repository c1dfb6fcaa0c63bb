// The VU reference, Questions 1–3: local derivatives, dl/do = y − t, and the fixed network's pass.
import Foundation
import LabKit
import Reference
import XCTest

final class VUScalarQuestionsTests: XCTestCase {
    let lab = VUAssignment1()

    /// JSONSerialization parses lab_reference.json's numbers to within an ulp, hence 1e-15 rather than equality.
    func testFixedNetworkForwardValuesAreTheLabArrays() throws {
        let pass = lab.scalarForwardBackward(x: VUFixedNetwork.x, target: VUFixedNetwork.target, VUFixedNetwork.parameters)
        for (name, value) in [("k", pass.k), ("h", pass.h), ("o", pass.o), ("y", pass.y)] {
            let expected = try LabReferenceJSON.matrix("vu", "correct_sum_over_3_hidden", name)
            XCTAssertEqual(value, expected, accuracy: 1e-15, name)
        }
        XCTAssertEqual(pass.loss, try LabReferenceJSON.number("vu", "correct_sum_over_3_hidden", "loss"), accuracy: 1e-15)
    }

    func testFixedNetworkGradientsAreTheLabArrays() throws {
        let pass = lab.scalarForwardBackward(x: VUFixedNetwork.x, target: VUFixedNetwork.target, VUFixedNetwork.parameters)
        let labNames = ["W1": "dW", "b1": "db", "W2": "dV", "b2": "dc"]
        for (name, value) in pass.gradients.named {
            let labName = labNames[name] ?? name
            let expected = try LabReferenceJSON.numbers("vu", "correct_sum_over_3_hidden", labName)
            XCTAssertEqual(value.elements, expected, accuracy: 1e-15, labName)
        }
        XCTAssertEqual(pass.gradients.W1.shapeDescription, "(2, 3)")
        XCTAssertEqual(pass.gradients.b1.shapeDescription, "(1, 3)")
        XCTAssertEqual(pass.gradients.W2.shapeDescription, "(3, 2)")
        XCTAssertEqual(pass.gradients.b2.shapeDescription, "(1, 2)")
    }

    func testSoftmaxJacobianMatchesCentralDifferences() {
        var random = NumPyRandomState(seed: 11)
        for n in [2, 3, 7] {
            let o = random.randn(rows: 1, cols: n)
            let jacobian = lab.softmaxJacobian(o.elements)
            for i in 0..<n {
                let numerical = GradientCheck.numericalGradient(at: o) { probe in
                    softmax(probe.elements)[i]
                }
                XCTAssertLessThan(GradientCheck.relativeError(jacobian.row(i), numerical), 1e-8, "row \(i), n = \(n)")
            }
        }
    }

    func testCrossEntropyDerivativeIsMinusOneOverTheTargetProbabilityAndZeroElsewhere() {
        let y: [Double] = [0.2, 0.5, 0.3]
        XCTAssertEqual(lab.crossEntropyDerivative(y, target: 1), [0, -2, 0])
        let numerical = GradientCheck.numericalGradient(at: Matrix(row: y), step: 1e-7) { probe in -Foundation.log(probe[0, 2]) }
        XCTAssertEqual(lab.crossEntropyDerivative(y, target: 2), numerical.elements, accuracy: 1e-8)
    }

    func testOutputGradientIsProbabilitiesMinusTheOneHotTarget() {
        var random = NumPyRandomState(seed: 12)
        let o = random.randn(rows: 1, cols: 5)
        let numerical = GradientCheck.numericalGradient(at: o) { probe in
            -Foundation.log(softmax(probe.elements)[3])
        }
        XCTAssertEqual(lab.outputGradient(o.elements, target: 3), numerical.elements, accuracy: 1e-9)
    }

    /// Question 2's "why not necessary": backpropagating through both local derivatives gives y − t.
    func testOutputGradientIsTheChainOfBothLocalDerivatives() {
        var random = NumPyRandomState(seed: 13)
        let o = random.randn(rows: 1, cols: 4).elements
        let y = softmax(o)
        let chained = Matrix(row: lab.crossEntropyDerivative(y, target: 0)).dot(lab.softmaxJacobian(o))
        XCTAssertEqual(chained.elements, lab.outputGradient(o, target: 0), accuracy: 1e-15)
    }

    func testScalarPassMatchesCentralDifferencesOnRandomNetworksOfAnySize() {
        var random = NumPyRandomState(seed: 14)
        for (inputs, hidden, outputs) in [(2, 3, 2), (4, 2, 5), (3, 6, 3), (1, 1, 2)] {
            let parameters = VUTestNetworks.random(inputs: inputs, hidden: hidden, outputs: outputs, random: &random)
            let x = random.randn(rows: 1, cols: inputs).elements
            let target = random.randint(high: outputs)
            let pass = lab.scalarForwardBackward(x: x, target: target, parameters)
            VUTestNetworks.assertGradientsMatchCentralDifferences(
                pass.gradients, of: { lab.scalarForwardBackward(x: x, target: target, $0).loss }, at: parameters,
                "\(inputs)-\(hidden)-\(outputs)")
        }
    }

    func testScalarLossStaysFiniteWhenTheTargetProbabilityUnderflows() {
        let steep = TwoLayerParameters(
            W1: Matrix([[1]]), b1: .zeros(rows: 1, cols: 1), W2: Matrix([[1000, -1000]]), b2: .zeros(rows: 1, cols: 2))
        let pass = lab.scalarForwardBackward(x: [50], target: 1, steep)
        XCTAssertEqual(pass.y[0, 1], 0, "exp(−2000) underflows")
        XCTAssertEqual(pass.loss, 2000, accuracy: 1e-9)
    }
}

/// An independent softmax for the tests: `exp(o_i) / Σ_j exp(o_j)`.
private func softmax(_ o: [Double]) -> [Double] {
    let e = o.map { Foundation.exp($0) }
    let total = e.reduce(0, +)
    return e.map { $0 / total }
}
