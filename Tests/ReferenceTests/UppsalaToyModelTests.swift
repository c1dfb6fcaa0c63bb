// The Task 3.2 reference (UDL toy model) against the notebook's values and against finite differences.
import LabKit
import Reference
import XCTest

final class UppsalaToyModelTests: XCTestCase {
    let lab = UppsalaLab1()
    let (p, x, y) = (UppsalaToyModel.parameters, UppsalaToyModel.x, UppsalaToyModel.y)

    func testForwardPassIsTheLabsIntermediates() throws {
        let forward = lab.toyForwardPass(x: x, y: y, p)
        for (name, value) in forward.named {
            XCTAssertEqual(value, try LabReferenceJSON.number("udl71", "forward", name), accuracy: 1e-15, name)
        }
    }

    func testForwardPassLossEqualsTheGivenLossFunction() {
        XCTAssertEqual(lab.toyForwardPass(x: x, y: y, p).loss, UppsalaToyModel.loss(x: x, y: y, p))
    }

    func testBackwardPassIsTheLabsDerivatives() throws {
        let backward = lab.toyBackwardPass(lab.toyForwardPass(x: x, y: y, p), y: y, p)
        for (name, value) in backward.named {
            XCTAssertEqual(value, try LabReferenceJSON.number("udl71", "backward", name), accuracy: 1e-14, name)
        }
    }

    func testParameterGradientsAreTheLabsDerivatives() throws {
        for (name, value) in gradients(x: x, y: y, p).named {
            XCTAssertEqual(
                value, try LabReferenceJSON.number("udl71", "param_grads", "dld\(name)"), accuracy: 1e-14, name)
        }
    }

    func testBackpropDLDOmega0AgreesWithTheGivenClosedForm() {
        XCTAssertEqual(
            gradients(x: x, y: y, p).omega0, UppsalaToyModel.closedFormDLDOmega0(x: x, y: y, p), accuracy: 1e-14)
    }

    func testParameterGradientsMatchCentralDifferencesAtTheLabsValues() {
        XCTAssertLessThan(relativeErrorAgainstCentralDifferences(x: x, y: y, p), 1e-7)
    }

    func testParameterGradientsMatchCentralDifferencesAtRandomValues() {
        var random = NumPyRandomState(seed: 11)
        for trial in 0..<5 {
            let values = random.normal(loc: 0, scale: 0.7, count: 8)
            let (inputX, targetY) = (random.normal(), random.normal())
            let error = relativeErrorAgainstCentralDifferences(
                x: inputX, y: targetY, UppsalaToyParameters(values: values))
            XCTAssertLessThan(error, 1e-7, "trial \(trial)")
        }
    }

    func testParameterGradientsTakeTheirIntermediatesFromTheArguments() {
        var forward = lab.toyForwardPass(x: x, y: y, p)
        let backward = lab.toyBackwardPass(forward, y: y, p)
        forward.h3 = 10
        XCTAssertEqual(lab.toyParameterGradients(forward, backward, x: x).omega3, 10 * backward.dldf3)
    }

    private func gradients(x: Double, y: Double, _ p: UppsalaToyParameters) -> UppsalaToyParameters {
        let forward = lab.toyForwardPass(x: x, y: y, p)
        return lab.toyParameterGradients(forward, lab.toyBackwardPass(forward, y: y, p), x: x)
    }

    private func relativeErrorAgainstCentralDifferences(x: Double, y: Double, _ p: UppsalaToyParameters) -> Double {
        let numerical = GradientCheck.numericalGradient(at: Matrix(row: p.values)) { values in
            UppsalaToyModel.loss(x: x, y: y, UppsalaToyParameters(values: values.elements))
        }
        return GradientCheck.relativeError(Matrix(row: gradients(x: x, y: y, p).values), numerical)
    }
}
