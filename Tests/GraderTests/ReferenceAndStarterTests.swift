// End to end: every lab's reference solution scores full marks; every starter scores zero, untouched.
import Foundation
import XCTest

@testable import Grader

final class ReferenceAndStarterTests: XCTestCase {
    private let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)

    /// The reference solution of assignment `id`, in student shape.
    private func referenceSolution(_ id: String) throws -> URL {
        let folders = ["hlcv-ex2": "HLCV", "uu-1rt720-lab1": "Uppsala", "dtu-02456-ex1": "DTU", "vu-dl-a1": "VU", "ece285-a1": "ECE285"]
        let name = try XCTUnwrap(folders[id], "no reference folder for \(id)")
        return GraderFixtures.root.appendingPathComponent("reference/\(name)/Solution")
    }

    func testEveryReferenceSolutionScoresFullMarks() throws {
        XCTAssertFalse(catalog.ids.isEmpty)
        for id in catalog.ids {
            let result = try Grading.grade(try referenceSolution(id), assignment: try catalog.load(id), options: GraderFixtures.options(seed: 11))
            XCTAssertEqual(result.score, result.maxScore, "\(id):\n" + result.checks.filter { $0.status != .pass }
                .map { "\($0.id) \($0.status.rawValue): \($0.message)" }.joined(separator: "\n"))
            XCTAssertTrue(result.build.compiled, result.build.diagnostics)
        }
    }

    func testEveryStarterScoresZeroWithEveryCheckNotImplemented() throws {
        for id in catalog.ids {
            let starter = catalog.folder.appendingPathComponent(id).appendingPathComponent("starter")
            let result = try Grading.grade(starter, assignment: try catalog.load(id), options: GraderFixtures.options(seed: 11))
            XCTAssertEqual(result.score, 0, id)
            for check in result.checks {
                XCTAssertEqual(check.status, .notImplemented, "\(id) \(check.id): \(check.message)")
            }
        }
    }
}
