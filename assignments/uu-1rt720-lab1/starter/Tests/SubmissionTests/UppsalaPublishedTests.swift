// Uppsala 1RT720 Lab 1's published numbers, checked against your solution: `swift test`.
import LabKit
import XCTest

@testable import Submission

/// Task 3.2's toy model at x = 2.3, y = 2.0 (the notebook's "true values", here at full
/// precision), Task 3.3's udlbook network output and cost, and the notebook's forward-difference
/// check of your backward pass against your own forward pass.
///
/// Every expected number here is one the lab publishes; the grader's hidden and randomized
/// instances run only when you hand in (`labgrade check` runs the visible checks as graded).
final class UppsalaPublishedTests: XCTestCase {
    let lab = UppsalaLab1()

    /// Task 3.2 step 1: every forward value and the loss.
    func testToyForwardPass() throws {
        let forward = try lab.toyForwardPass(x: UppsalaToyModel.x, y: UppsalaToyModel.y, UppsalaToyModel.parameters)
        let published = [
            1.23, 0.9424888019316975, 1.623004479227321, 5.068295051170775, 7.13659010234155, 0.6574213694719748,
            2.3722641084159246, 0.13858056641470326,
        ]
        XCTAssertNil(PublishedValues.difference(forward.named.map(\.value), published, relative: 1e-9, absolute: 1e-12), "Task 3.2 forward (f0, h1, …, f3, l_i)")
    }

    /// Task 3.2 step 2: the derivatives of the loss with respect to every intermediate value.
    func testToyBackwardPass() throws {
        let (x, y, p) = (UppsalaToyModel.x, UppsalaToyModel.y, UppsalaToyModel.parameters)
        let backward = try lab.toyBackwardPass(lab.toyForwardPass(x: x, y: y, p), y: y, p)
        let published = [
            0.7445282168318492, 2.2335846504955477, -1.6830577496003047, -3.3661154992006095, -17.060466526267692,
            6.824186610507077, 2.280900622169349,
        ]
        XCTAssertNil(PublishedValues.difference(backward.named.map(\.value), published, relative: 1e-9, absolute: 1e-12), "Task 3.2 backward (dldf3, dldh3, …, dldf0)")
    }

    /// Task 3.2 step 3: the eight parameter derivatives.
    func testToyParameterGradients() throws {
        let (x, y, p) = (UppsalaToyModel.x, UppsalaToyModel.y, UppsalaToyModel.parameters)
        let forward = try lab.toyForwardPass(x: x, y: y, p)
        let gradients = try lab.toyParameterGradients(forward, lab.toyBackwardPass(forward, y: y, p), x: x)
        let published = [
            2.280900622169349, -17.060466526267692, -1.6830577496003047, 0.7445282168318492, 5.246071430989502,
            -16.079298656737866, -8.530233263133846, 0.48946875992012173,
        ]
        XCTAssertNil(PublishedValues.difference(gradients.values, published, relative: 1e-9, absolute: 1e-12), "Task 3.2 dldbeta0…3, dldomega0…3")
    }

    /// Task 3.3: the udlbook 7.2 network (seed 0, input 1.2) gives output 1.907 and cost 327.37 against target 20.
    func testUdlbookNetworkOutputAndCost() throws {
        let (input, y) = UppsalaNetworkSetup.udlbookData()
        let output = try lab.forwardPass(input, UppsalaNetworkSetup.network()).output
        XCTAssertNil(PublishedValues.difference(output, rows: 1, cols: 1, [1.906604997729403], relative: 1e-9, absolute: 0), "Task 3.3 output")
        guard output.rows == 1, output.cols == 1 else { return }
        XCTAssertNil(PublishedValues.difference(UppsalaNetworkCost.leastSquares(output, y), 327.3709427081906, relative: 1e-9, absolute: 0), "Task 3.3 cost")
    }

    /// Task 3.3: the notebook's forward-difference check (δ 1e-6, `allclose` rtol 1e-5, atol 1e-8)
    /// of your backward pass against your forward pass: all 12 tensors match.
    func testBackwardPassAgreesWithForwardDifferencesOfYourForwardPass() throws {
        let (input, y) = UppsalaNetworkSetup.udlbookData()
        let parameters = UppsalaNetworkSetup.network()
        let forward = try lab.forwardPass(input, parameters)
        let gradients = try lab.backwardPass(
            parameters, forward, outputGradient: UppsalaNetworkCost.leastSquaresDerivative(forward.output, y))
        let check = UppsalaForwardDifferenceCheck(relativeTolerance: 1e-5, absoluteTolerance: 1e-8)
        let differences = try check.gradients(at: parameters) { probe in
            UppsalaNetworkCost.leastSquares(try lab.forwardPass(input, probe).output, y)
        }
        XCTAssertEqual(gradients.named.map(\.value.count), differences.named.map(\.value.count), "Task 3.3 the gradients' sizes")
        guard gradients.named.map(\.value.count) == differences.named.map(\.value.count) else { return }
        XCTAssertEqual(check.matchingTensors(gradients, differences), 12, "Task 3.3 tensors whose backprop matches the forward differences")
    }
}
