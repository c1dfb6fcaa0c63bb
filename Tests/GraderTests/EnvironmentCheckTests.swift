// Specifications of `labgrade doctor`'s checks: all pass on a set-up machine, missing data is named.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class EnvironmentCheckTests: XCTestCase {
    func testEveryCheckPassesOnASetUpMachine() {
        for check in EnvironmentCheck.runAll() {
            XCTAssertTrue(check.passed, "\(check.name): \(check.detail)")
        }
    }

    func testMissingDataSaysToRunSetup() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-empty-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let locator = DataLocator(
            environment: ["LABGRADE_DATA": empty.path, "LABGRADE_FASHION_MNIST": empty.path],
            currentDirectory: empty, checkout: nil)
        let failures = EnvironmentCheck.datasets(locator).filter { !$0.passed }
        XCTAssertEqual(failures.map(\.name), ["Fashion-MNIST", "MNIST-5k digits", "ISLR Auto"])
        for failure in failures {
            XCTAssertTrue(failure.detail.contains("scripts/setup"), failure.detail)
        }
    }
}
