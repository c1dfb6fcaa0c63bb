// Specifications of root causes: a failing check that builds on an exercise that already fails
// points to that failure; a mistake of its own, or a failure the student cannot see, is not pointed to.
import Foundation
import XCTest

@testable import Grader

final class RootCauseTests: XCTestCase {
    private func grade(_ submission: String, _ assignment: Assignment) throws -> [String: CheckResult] {
        Dictionary(try gradeWhole(submission, assignment).checks.map { ($0.id, $0) }) { first, _ in first }
    }

    private func gradeWhole(_ submission: String, _ assignment: Assignment) throws -> GradingResult {
        let folder = GraderFixtures.root.appendingPathComponent("fixtures/submissions/hlcv-ex2/\(submission)")
        return try Grading.grade(folder, assignment: assignment, options: GraderFixtures.options(seed: 7))
    }

    private func hlcv(_ ids: [String]) throws -> Assignment {
        var assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
        assignment.checks = assignment.checks.filter { ids.contains($0.id) }
        return assignment
    }

    func testTrainingWithAWrongGradientPointsToTheGradientsCheck() throws {
        let assignment = try hlcv(["q1b-loss", "q2-gradients", "q2d-gradient-check", "q3a-train-steps"])
        let whole = try gradeWhole("l2-gradient-missing", assignment)
        let checks = Dictionary(whole.checks.map { ($0.id, $0) }) { first, _ in first }
        let steps = try XCTUnwrap(checks["q3a-train-steps"])
        XCTAssertEqual(steps.status, .fail)
        XCTAssertEqual(steps.rootCause?.check, "q2-gradients")
        XCTAssertTrue(steps.message.contains("This builds on gradients, which already fails q2-gradients"), steps.message)
        // The gradient's own checks are about that exercise itself: nothing to point to.
        XCTAssertEqual(checks["q2-gradients"]?.status, .fail)
        XCTAssertNil(checks["q2-gradients"]?.rootCause)
        XCTAssertNil(checks["q2d-gradient-check"]?.rootCause)
        XCTAssertTrue(MarkdownReport.render(whole).contains("which already fails q2-gradients"))
        let decoded = try JSONDecoder().decode(GradingResult.self, from: JSONEncoder().encode(whole))
        XCTAssertEqual(decoded.checks.first { $0.id == "q3a-train-steps" }?.rootCause?.check, "q2-gradients")
    }

    func testAMistakeInTheTrainingLoopItselfPointsNowhere() throws {
        let assignment = try hlcv(["q1b-loss", "q2-gradients", "q3a-train-steps"])
        let steps = try XCTUnwrap(try grade("training-loop-one-step-short", assignment)["q3a-train-steps"])
        XCTAssertEqual(steps.status, .fail)
        XCTAssertNil(steps.rootCause)
        XCTAssertFalse(steps.message.contains("This builds on"), steps.message)
    }

    func testAVisibleCheckIsNeverPointedToAHiddenOne() throws {
        var assignment = try hlcv(["q2-gradients", "q2d-gradient-check", "q3a-train-steps"])
        assignment.checks[0].visibility = .afterDueDate
        let steps = try XCTUnwrap(try grade("l2-gradient-missing", assignment)["q3a-train-steps"])
        XCTAssertEqual(steps.rootCause?.check, "q2d-gradient-check", "the first failing check the student may see")
    }
}
