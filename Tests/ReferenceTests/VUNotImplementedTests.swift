// A VUMLPLab conformance that implements nothing compiles, and every exercise throws NotImplemented.
import LabKit
import XCTest

final class VUNotImplementedTests: XCTestCase {
    struct Empty: VUMLPLab {}

    let lab = Empty()
    let parameters = VUFixedNetwork.parameters
    let X = Matrix([[1, -1], [0, 2]])

    func testScalarExercisesThrowNotImplementedNamingTheRequirement() {
        XCTAssertThrowsError(try lab.softmaxJacobian([0, 1])) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.softmaxJacobian"))
        }
        XCTAssertThrowsError(try lab.crossEntropyDerivative([0.5, 0.5], target: 0)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.crossEntropyDerivative"))
        }
        XCTAssertThrowsError(try lab.outputGradient([0, 1], target: 0)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.outputGradient"))
        }
        XCTAssertThrowsError(try lab.scalarForwardBackward(x: [1, -1], target: 0, parameters)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.scalarForwardBackward"))
        }
        XCTAssertThrowsError(try lab.trainScalar(X, labels: [0, 1], from: parameters, learningRate: 0.1, epochs: 1)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.trainScalar"))
        }
    }

    func testVectorisedExercisesThrowNotImplementedNamingTheRequirement() {
        var random = NumPyRandomState(seed: 0)
        XCTAssertThrowsError(try lab.forwardBackward(X.row(0), target: 0, parameters)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.forwardBackward"))
        }
        XCTAssertThrowsError(try lab.sgdEpoch(X, labels: [0, 1], from: parameters, learningRate: 0.1, random: &random)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.sgdEpoch"))
        }
        XCTAssertThrowsError(try lab.batchForwardBackward(X, labels: [0, 1], parameters)) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.batchForwardBackward"))
        }
        XCTAssertThrowsError(
            try lab.train(
                X, labels: [0, 1], validation: X, validationLabels: [0, 1], from: parameters, options: .init(),
                random: &random)
        ) { error in
            XCTAssertEqual(error as? NotImplemented, NotImplemented("VUMLPLab.train"))
        }
    }
}
