// GradientDiagnosisTests: each fit of a wrong gradient is named when the probes fit it, never for a near miss.
import Foundation
import XCTest

@testable import Grader

final class GradientDiagnosisTests: XCTestCase {
    private let numerical = [0.3, -1.2, 0.7, 2.1, -0.4, 0.9]
    private let theta = [1.5, 0.2, -0.8, 0.3, 1.1, -2.0]
    private let reg = 0.05

    private func hint(_ analytic: [Double]) -> Diagnosis? {
        GradientDiagnosis.hint(parameter: "W1", analytic: analytic, numerical: numerical, theta: theta, reg: reg, batchSize: 5)
    }

    private func combine(_ alpha: Double, _ beta: Double) -> [Double] {
        zip(numerical, theta).map { alpha * $0 + beta * $1 }
    }

    func testTheLossGradientPlusAnotherMultipleOfTheParameterIsNamedWithItsFactor() throws {
        let found = try XCTUnwrap(hint(combine(1, 1)))
        XCTAssertEqual(found.kind, .regularisationFactor)
        XCTAssertTrue(found.text.contains("plus 1·W1"), found.text)
        // The multiples the penalty explains keep their own names.
        XCTAssertEqual(hint(combine(1, -2 * reg))?.kind, .regularisationMissing)
        XCTAssertEqual(hint(combine(1, -reg))?.kind, .regularisationHalved)
        XCTAssertEqual(hint(combine(1, 2 * reg))?.kind, .regularisationExtra)
        XCTAssertNil(hint(combine(1, 0)), "the right gradient has nothing to diagnose")
    }

    func testOnlyThePenaltysPartLeftIsNotCalledZero() throws {
        // What a report once printed as "zero where the numerical gradient is not" beside a nonzero value.
        let penaltyOnly = combine(0, 2 * reg)
        let found = try XCTUnwrap(hint(penaltyOnly))
        XCTAssertEqual(found.kind, .dataTermMissing)
        XCTAssertTrue(found.text.contains("the penalty's 2·reg·W1 alone"), found.text)
        XCTAssertEqual(hint(combine(0, 0.3))?.kind, .dataTermMissing)
        XCTAssertEqual(hint(Array(repeating: 0, count: numerical.count))?.kind, .zero, "all zero is zero")
    }

    func testANearMissFitsNothing() {
        var noisy = combine(1, 1)
        noisy[2] += 0.05
        XCTAssertNil(hint(noisy), "one probe off the plane: no fit, no diagnosis")
        var almostPenalty = combine(0, 2 * reg)
        almostPenalty[0] += 0.02
        XCTAssertNil(hint(almostPenalty))
    }
}
