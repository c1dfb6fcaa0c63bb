// Specifications of what a gradient check grades: agreement with finite differences of the student's
// own loss; a difference from the reference is graded by the value checks the manifest names.
import Foundation
import XCTest

@testable import Grader

final class GradientCheckTests: XCTestCase {
    private func grade(_ submission: String, _ assignment: Assignment) throws -> [String: CheckResult] {
        let folder = GraderFixtures.root.appendingPathComponent("fixtures/submissions/hlcv-ex2/\(submission)")
        let result = try Grading.grade(folder, assignment: assignment, options: GraderFixtures.options(seed: 7))
        return Dictionary(result.checks.map { ($0.id, $0) }) { first, _ in first }
    }

    func testALossAndGradientWrongTheSameWayLoseTheValueChecksPointsOnlyOnce() throws {
        var assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
        assignment.checks = assignment.checks.filter { ["q1b-loss", "q2-gradients", "q2d-gradient-check"].contains($0.id) }
        let index = try XCTUnwrap(assignment.checks.firstIndex { $0.id == "q2d-gradient-check" })
        XCTAssertEqual(assignment.checks[index].gradient?.referenceGradedBy, ["q2-gradients"])

        // ½·reg·‖W‖² in the loss and reg·W in the gradient: wrong, but each the other's derivative.
        let consistent = try grade("half-penalty-in-loss-and-gradients", assignment)
        XCTAssertEqual(consistent["q1b-loss"]?.status, .fail)
        XCTAssertEqual(consistent["q2-gradients"]?.status, .fail)
        let check = try XCTUnwrap(consistent["q2d-gradient-check"])
        XCTAssertEqual(check.status, .pass, check.message)
        XCTAssertEqual(check.points, check.maxPoints)
        XCTAssertTrue(check.message.contains("Not graded here (q2-gradients grades it): your gradient also differs from the reference's."), check.message)
        XCTAssertEqual(check.diagnoses, [], "a note carries no diagnosis of a failure")
        let margin = try XCTUnwrap(check.tightestMargin)
        XCTAssertEqual(margin.name, "finite differences")
        XCTAssertLessThanOrEqual(margin.used, 1)

        // Graded against the reference as well (the manifest without the field): the one mistake
        // costs the gradient check's points too.
        var doubled = assignment
        doubled.checks[index].gradient?.referenceGradedBy = nil
        let twice = try XCTUnwrap(try grade("half-penalty-in-loss-and-gradients", doubled)["q2d-gradient-check"])
        XCTAssertEqual(twice.status, .fail)
        XCTAssertTrue(twice.message.contains("Compared with the reference gradient"), twice.message)

        // A gradient that is not its own loss's derivative still fails, with the probe's margin above 1.
        let inconsistent = try XCTUnwrap(try grade("half-penalty-in-loss", assignment)["q2d-gradient-check"])
        XCTAssertEqual(inconsistent.status, .fail)
        XCTAssertTrue(inconsistent.message.contains("disagrees with the numerical gradient of your loss"), inconsistent.message)
        XCTAssertGreaterThan(try XCTUnwrap(inconsistent.tightestMargin).used, 1)

        // The reference itself passes with nothing to note.
        let reference = GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution")
        let clean = try XCTUnwrap(
            try Grading.grade(reference, assignment: assignment, options: GraderFixtures.options(seed: 7)).checks.first { $0.id == "q2d-gradient-check" })
        XCTAssertEqual(clean.status, .pass)
        XCTAssertEqual(clean.message, "")
    }
}
