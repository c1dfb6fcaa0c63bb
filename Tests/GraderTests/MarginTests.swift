// MarginTests: every verdict records how close it came, and a narrow training miss gets a second seed.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class MarginTests: XCTestCase {
    func testTheWorstErrorIsMeasuredAgainstEachEntrysOwnTolerance() {
        let tolerance = Check.ValueTolerance(relative: 1e-6, absolute: 1e-9)
        let expected = Matrix([[1000, 1e-3]])
        // 1e-4 off at 1000 uses a tenth of 1e-3 + 1e-9; 1e-9 off at 1e-3 uses about half of 2e-9.
        let close = Matrix([[1000 + 1e-4, 1e-3 + 1e-9]])
        XCTAssertEqual(MatrixDifference.worstRatio(close, expected, tolerance), 1e-9 / (1e-9 + 1e-9), accuracy: 1e-6)
        XCTAssertEqual(MatrixDifference.worstRatio(expected, expected, tolerance), 0)
        XCTAssertGreaterThan(MatrixDifference.worstRatio(Matrix([[1000.01, 1e-3]]), expected, tolerance), 1)
        XCTAssertEqual(MatrixDifference.worstRatio(Matrix([[.nan, 1e-3]]), expected, tolerance), .infinity)
        XCTAssertEqual(MatrixDifference.worstRatio(Matrix([[.infinity, .nan]]), Matrix([[.infinity, .nan]]), tolerance), 0)
    }

    func testMarginsSayHowMuchOfTheAllowanceWasUsed() {
        let accuracy = CheckResult.Margin(kind: .atLeast, name: "accuracy", value: 0.83, limit: 0.85)
        XCTAssertEqual(accuracy.text, "accuracy 0.83, needed ≥ 0.85")
        XCTAssertGreaterThan(accuracy.used, 1)
        XCTAssertEqual(CheckResult.Margin(kind: .atLeast, name: "accuracy", value: .nan, limit: 0.85).used, .infinity)
        let loss = CheckResult.Margin(kind: .atMost, name: "loss", value: 0.01, limit: 0.02)
        XCTAssertEqual(loss.used, 0.5)
        XCTAssertEqual(loss.text, "loss 0.01, needed ≤ 0.02")
        XCTAssertEqual(CheckResult.Margin(kind: .time, name: "time", value: 1.5, limit: 10).text, "1.5 s of the 10 s limit")
        XCTAssertEqual(CheckResult.Margin(kind: .error, name: "error", value: 3e-3, limit: 1).text, "worst error 3e-03× of the tolerance")
        XCTAssertEqual(CheckResult.Margin(kind: .error, name: "error", value: 0.25, limit: 1).text, "worst error 0.25× of the tolerance")
    }

    func testEveryCheckOfAGradingRecordsItsMarginAndTheReportsShowThem() throws {
        let assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
        // Correct work computed another way than the reference's: its errors are small, not zero.
        let variant = GraderFixtures.root.appendingPathComponent("fixtures/submissions/hlcv-ex2/correct-log-sum-exp-and-helpers")
        let result = try Grading.grade(variant, assignment: assignment, options: GraderFixtures.options(seed: 4))
        XCTAssertEqual(result.score, result.maxScore)
        for check in result.checks {
            let margin = try XCTUnwrap(check.tightestMargin, "\(check.id) recorded no margin")
            XCTAssertLessThanOrEqual(margin.used, 1, "\(check.id) passed, so it used at most its allowance")
        }
        let training = try XCTUnwrap(result.checks.first { $0.id == "q3b-real-images" })
        XCTAssertEqual(Set(training.margins?.map(\.name) ?? []), ["accuracy", "time"])
        let accuracy = try XCTUnwrap(training.margins?.first { $0.name == "accuracy" })
        XCTAssertEqual(accuracy.value, training.measurements["hidden 1: accuracy"])
        XCTAssertEqual(accuracy.limit, 0.85)
        let markdown = MarkdownReport.render(result)
        XCTAssertTrue(markdown.contains("| passed, worst error"), markdown)
        XCTAssertTrue(HTMLReport.render(result).contains("<td>passed, "))

        // The same check failing: the margin says by how much.
        let wrong = GraderFixtures.root.appendingPathComponent("fixtures/submissions/hlcv-ex2/l2-gradient-without-two")
        let failing = try Grading.grade(wrong, assignment: assignment, options: GraderFixtures.options(seed: 4))
        let gradients = try XCTUnwrap(failing.checks.first { $0.id == "q2-gradients" })
        XCTAssertEqual(gradients.status, .fail)
        XCTAssertGreaterThan(try XCTUnwrap(gradients.tightestMargin).used, 1)
        XCTAssertTrue(MarkdownReport.render(failing).contains("| failed: worst error"))
    }

    func testATrainingThresholdMissedNarrowlyIsRunAgainOnASecondSeedAndTheReportShowsBothRuns() throws {
        var assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
        assignment.checks = assignment.checks.filter { $0.id == "q3b-real-images" }
        let reference = GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution")
        let grade = { (threshold: Double, seed: UInt32) throws -> CheckResult in
            var changed = assignment
            changed.checks[0].training?.threshold = threshold
            return try XCTUnwrap(try Grading.grade(reference, assignment: changed, options: GraderFixtures.options(seed: seed)).checks.first)
        }
        var passedOnTheSecondSeed = false
        for seed: UInt32 in 1...6 where !passedOnTheSecondSeed {
            let plain = try grade(0.85, seed)
            XCTAssertEqual(plain.status, .pass)
            XCTAssertNil(plain.measurements["hidden 1, second seed: accuracy"], "a pass is not run again")
            let first = try XCTUnwrap(plain.measurements["hidden 1: accuracy"])

            // Far above what the reference reaches: a plain failure, no second run.
            let far = try grade(first * 1.5, seed)
            XCTAssertEqual(far.status, .fail)
            XCTAssertNil(far.measurements["hidden 1, second seed: accuracy"])

            // Just above: a narrow miss, run again on a second hidden seed, both runs in the report.
            let narrow = try grade(first * 1.05, seed)
            let second = try XCTUnwrap(narrow.measurements["hidden 1, second seed: accuracy"], "a narrow miss runs again")
            XCTAssertEqual(narrow.measurements["hidden 1: accuracy"], first)
            XCTAssertTrue(narrow.message.contains("a narrow miss, so it ran again on a second hidden seed"), narrow.message)
            XCTAssertEqual(narrow.status, second >= first * 1.05 ? .pass : .fail)
            guard second > first else { continue }
            // A threshold between the two runs: the second run decides, and the check passes with its note.
            let between = try grade((first + second) / 2, seed)
            XCTAssertEqual(between.status, .pass, between.message)
            XCTAssertEqual(between.points, between.maxPoints)
            XCTAssertTrue(between.message.contains("the second run passed"), between.message)
            passedOnTheSecondSeed = true
        }
        XCTAssertTrue(passedOnTheSecondSeed, "no seed of six drew a second run that did better than the first")
    }
}
