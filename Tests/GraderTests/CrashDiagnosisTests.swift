// Specifications of what a trapped program is told: the instance it trapped on, in the lab's
// terms, and the trap in Swift's own words; nothing where the program ended another way.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class CrashDiagnosisTests: XCTestCase {
    private let rangeTrap = "Swift/ClosedRange.swift:347: Fatal error: Range requires lowerBound <= upperBound\n"

    private func networkRequest(hiddenLayers K: Int) throws -> OracleRequest {
        var request = OracleRequest(exercise: "forwardPass")
        let widths = [3] + Array(repeating: 4, count: K) + [2]
        let parameters = UppsalaNetworkParameters(
            weights: (0...K).map { Matrix(rows: widths[$0 + 1], cols: widths[$0], repeating: 0.5) },
            biases: (0...K).map { Matrix(rows: widths[$0 + 1], cols: 1) })
        try request.set("input", Matrix(rows: 3, cols: 5, repeating: 1))
        try request.set("parameters", parameters)
        return request
    }

    func testAnUppsalaNetworkWithNoHiddenLayerIsNamedWithTheTrap() throws {
        let request = try networkRequest(hiddenLayers: 0)
        let found = try XCTUnwrap(
            Diagnosis.crash(on: request, signal: SIGILL, stderr: rangeTrap, summary: UppsalaDriver().instanceSummary(for: request)))
        XCTAssertEqual(found.kind, .crashed)
        XCTAssertTrue(found.text.contains("K = 0 hidden layers"), found.text)
        XCTAssertTrue(found.text.contains("input (3, 5)"), found.text)
        XCTAssertTrue(found.text.contains("parameters.weights[0] (2, 3)"), found.text)
        XCTAssertTrue(found.text.contains("the trap says \"Fatal error: Range requires lowerBound <= upperBound\""), found.text)
        XCTAssertTrue(found.text.contains("assumes at least one hidden layer"), found.text)

        // A deep network is not the lab's special case: the shapes and the trap, with the general advice.
        let deep = try networkRequest(hiddenLayers: 3)
        XCTAssertNil(UppsalaDriver().instanceSummary(for: deep))
        let general = try XCTUnwrap(Diagnosis.crash(on: deep, signal: SIGILL, stderr: "", summary: nil))
        XCTAssertFalse(general.text.contains("K = "), general.text)
        XCTAssertTrue(general.text.contains("compare your loops with these shapes"), general.text)
        // A trap that says what it is (a fatalError of the student's own) is left to speak for itself.
        let own = try XCTUnwrap(Diagnosis.crash(on: deep, signal: SIGILL, stderr: "Fatal error: dW1 is not finished\n", summary: nil))
        XCTAssertTrue(own.text.hasSuffix("the trap says \"Fatal error: dW1 is not finished\"."), own.text)
    }

    func testAnEmptyArgumentIsNamed() throws {
        var request = OracleRequest(exercise: "loss")
        try request.set("X", Matrix(rows: 0, cols: 4))
        try request.set("labels", [Int]())
        try request.set("reg", 0.05)
        let found = try XCTUnwrap(Diagnosis.crash(on: request, signal: SIGTRAP, stderr: "", summary: nil))
        XCTAssertTrue(found.text.contains("X (0, 4), labels empty, reg = 0.05"), found.text)
        XCTAssertTrue(found.text.contains("X, labels are empty"), found.text)
        XCTAssertTrue(found.text.contains("a Swift runtime trap"), found.text)

        // A shape mismatch is about shapes, even beside an empty argument.
        let mismatch = "Fatal error: LabKit: shape mismatch in -: (1, 4) and (1, 7) do not broadcast\n"
        let shapes = try XCTUnwrap(Diagnosis.crash(on: request, signal: SIGILL, stderr: mismatch, summary: nil))
        XCTAssertTrue(shapes.text.contains("a matrix of another shape than the lab's"), shapes.text)
        XCTAssertFalse(shapes.text.contains("are empty"), shapes.text)
    }

    func testAProgramThatEndedAnotherWayGetsNoCrashDiagnosis() throws {
        let request = try networkRequest(hiddenLayers: 0)
        XCTAssertNil(Diagnosis.crash(on: request, signal: nil, stderr: "bye\n", summary: nil), "an exit code says nothing of the instance")
        XCTAssertNil(Diagnosis.crash(on: request, signal: SIGKILL, stderr: "", summary: nil))
    }
}
