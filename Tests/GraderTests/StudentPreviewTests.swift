// Specifications of `labgrade check`: a student's preview shows what to fix but never the expected values.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class StudentPreviewTests: XCTestCase {
    // MARK: - Messages without expected values

    func testPreviewSummaryNamesTheEntryAndYourValueButNotTheExpectedOne() {
        let reference = Matrix([[0.125, 0.25], [0.5, 0.75]]), student = Matrix([[0.125, 0.26], [0.5, 0.75]])
        let difference = MatrixDifference(student, reference, Check.ValueTolerance(relative: 1e-9, absolute: 1e-12))
        XCTAssertEqual(difference.summary(), "1 of 4 entries differ; worst at [0, 1]: 0.26 (expected 0.25)")
        XCTAssertEqual(difference.summary(withholdingExpected: true), "1 of 4 entries differ; worst at [0, 1]: yours 0.26")
    }

    func testPreviewDiagnosesKeepTheirKindButNotNumbersThatGiveTheExpectedValueAway() {
        let tolerance = Check.ValueTolerance(relative: 1e-9, absolute: 1e-12)
        let reference = Matrix([[0.125, 0.25, 0.5], [1, 2, 4]])
        // (yours, the number the full diagnosis states, the kind)
        let cases: [(Matrix, String, Diagnosis.Kind)] = [
            (3.7 * reference, "3.7", .constantFactor),
            (reference + 0.375, "0.375", .constantOffset),
        ]
        for (student, number, kind) in cases {
            let difference = MatrixDifference(student, reference, tolerance)
            let full = difference.diagnoses(of: "dW1", hints: DiagnosisHints())
            let preview = difference.diagnoses(of: "dW1", hints: DiagnosisHints(), withholdingExpected: true)
            XCTAssertEqual(full.map(\.kind), [kind])
            XCTAssertEqual(preview.map(\.kind), [kind], "the kind of mistake is still named")
            XCTAssertTrue(full[0].text.contains(number), full[0].text)
            XCTAssertFalse(preview[0].text.contains(number), preview[0].text)
        }
        let doubled = MatrixDifference(2 * reference, reference, tolerance).diagnoses(of: "dW1", hints: DiagnosisHints(), withholdingExpected: true)
        XCTAssertEqual(doubled.map(\.kind), [.extraFactorTwo], "a named factor is the diagnosis itself")
    }

    // MARK: - The command

    /// Runs the built `labgrade` in `folder`.
    private func labgrade(_ arguments: [String], in folder: URL = GraderFixtures.root) throws -> (status: Int32, output: String) {
        let executable = GraderFixtures.toolchain.products.appendingPathComponent("labgrade")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "labgrade is not built")
        let result = try Compiler.run(executable, arguments, in: folder, timeout: 300)
        return (result.status, result.output)
    }

    /// A copy of the hlcv-ex2 starter package; with `mistake`, its exercise files are replaced by
    /// that corpus case's solution.
    private func starter(withMistake mistake: String? = nil) throws -> URL {
        let copy = try GraderFixtures.scratch(self).appendingPathComponent("HLCVExercise2")
        try FileManager.default.copyItem(at: GraderFixtures.root.appendingPathComponent("assignments/hlcv-ex2/starter"), to: copy)
        if let mistake {
            let sources = copy.appendingPathComponent("Sources/Submission")
            try FileManager.default.removeItem(at: sources)
            try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
            let fixture = GraderFixtures.root.appendingPathComponent("fixtures/submissions/hlcv-ex2/\(mistake)/HLCVExercise2.swift")
            try FileManager.default.copyItem(at: fixture, to: sources.appendingPathComponent("HLCVExercise2.swift"))
        }
        return copy
    }

    /// Checks hlcv-ex2 shows students; the after-due-date one is not among them.
    private let visibleTitles = ["Q1 a)", "Q1 c)", "Q1 b)", "Q2 a-c)", "Q2 d)", "Q3 a) SGD", "Q3 a) Algorithm 1", "Q3 predicted classes"]

    func testCheckInAFreshStarterListsTheVisibleChecksAsNotImplemented() throws {
        let run = try labgrade(["check"], in: try starter())
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("(hlcv-ex2): visible checks, published instances"), "the assignment is read off the package")
        for title in visibleTitles { XCTAssertTrue(run.output.contains("· \(title)"), "\(title) in:\n\(run.output)") }
        XCTAssertTrue(run.output.contains("0 of 8 visible checks pass (0 / 29 points)"), run.output)
        XCTAssertTrue(run.output.contains("not implemented yet: the exercise still throws NotImplemented"))
        XCTAssertFalse(run.output.contains("Q3 b)"), "checks hidden until the due date are not listed")
    }

    func testCheckShowsAMistakeWithoutTheExpectedNumbersOrHiddenChecks() throws {
        let package = try starter(withMistake: "gradients-summed-over-batch")
        let run = try labgrade(["check", package.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("✗ Q2 a-c) gradients of the regularised loss (Eq. 16-20) [q2-gradients, exercise gradients]"), run.output)
        XCTAssertTrue(run.output.contains("worst at ["), "which entry differs is said")
        XCTAssertTrue(run.output.contains("diagnosis (sum-not-mean):"), run.output)
        XCTAssertNil(run.output.range(of: "expected -?[0-9]", options: .regularExpression), run.output)
        XCTAssertFalse(run.output.contains("(expected"), run.output)
        for hidden in ["Q3 b)", "q3b-real-images", "hidden 1"] { XCTAssertFalse(run.output.contains(hidden), hidden) }

        // The numbers a full grading run states as expected must not appear in the preview. Lines
        // with "numerical" are left out: they give finite differences of the student's own loss,
        // which the student can compute (LabKit ships the same gradient check), not the reference's.
        var manifest = try SampleResults.hlcv()
        manifest.checks = manifest.checks.filter { $0.id == "q2-gradients" }
        manifest.checks[0].instances.randomized = 0
        let full = try Grading.grade(package, assignment: manifest, options: GraderFixtures.options(seed: 7))
        let expected = full.checks[0].message.matches(of: /\(expected ([-0-9.e+]+)\)/).map { String($0.output.1) }
        XCTAssertFalse(expected.isEmpty, full.checks[0].message)
        let shown = run.output.split(separator: "\n").filter { !$0.contains("numerical") }.joined(separator: "\n")
        for number in expected { XCTAssertFalse(shown.contains(number), "\(number) leaked into:\n\(shown)") }
    }

    func testCheckOutsideAStarterSaysWhatToPass() throws {
        let empty = try GraderFixtures.scratch(self)
        let run = try labgrade(["check", empty.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("could not tell the assignment of \(empty.path)"), run.output)
        XCTAssertTrue(run.output.contains("hlcv-ex2 (type HLCVExercise2)"), run.output)
        XCTAssertTrue(run.output.contains("--assignment ID"), run.output)
    }

    func testEveryStarterNamesItsOwnAssignment() throws {
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        for id in catalog.ids {
            XCTAssertEqual(try catalog.inferAssignment(of: catalog.folder.appendingPathComponent("\(id)/starter")), id)
        }
    }
}
