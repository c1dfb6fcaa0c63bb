// Grades every fixture submission under fixtures/submissions/<assignment>/<case>/ and checks that
// exactly the checks its expected.json names lose their points.
import Foundation
import XCTest

@testable import Grader

final class SubmissionFixtureTests: XCTestCase {
    /// A case's expectation: the mistake it contains and the checks that must catch it.
    struct Expected: Decodable {
        let bug: String
        let failing: [String]
    }

    /// The seed every fixture is graded with, so expectations do not depend on chance.
    static let seed: UInt32 = 7

    static var fixtures: URL { GraderFixtures.root.appendingPathComponent("fixtures/submissions") }

    func testEveryFixtureLosesPointsOnExactlyItsExpectedChecks() throws {
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        var graded = 0
        for assignmentID in try folders(in: Self.fixtures) {
            let assignment = try catalog.load(assignmentID)
            for name in try folders(in: Self.fixtures.appendingPathComponent(assignmentID)) {
                let folder = Self.fixtures.appendingPathComponent(assignmentID).appendingPathComponent(name)
                let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
                let result = try Grading.grade(folder, assignment: assignment, options: GraderFixtures.options(seed: Self.seed))
                let failing = result.checks.filter { $0.status != .pass }.map(\.id)
                XCTAssertEqual(
                    Set(failing), Set(expected.failing),
                    "\(assignmentID)/\(name) (\(expected.bug)):\n" + result.checks.filter { $0.status != .pass }
                        .map { "\($0.id) \($0.status.rawValue): \($0.message)" }.joined(separator: "\n"))
                if expected.failing.isEmpty { XCTAssertEqual(result.score, result.maxScore, "\(assignmentID)/\(name)") }
                graded += 1
            }
        }
        XCTAssertGreaterThan(graded, 0)
    }

    func testEveryCheckOfEveryAssignmentIsFailedBySomeFixture() throws {
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        for id in catalog.ids {
            let assignment = try catalog.load(id)
            let folder = Self.fixtures.appendingPathComponent(id)
            var caught = Set<String>()
            for name in (try? folders(in: folder)) ?? [] {
                let expected = try JSONDecoder().decode(
                    Expected.self, from: Data(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("expected.json")))
                caught.formUnion(expected.failing)
            }
            let uncaught = assignment.checks.map(\.id).filter { !caught.contains($0) }
            XCTAssertEqual(uncaught, [], "\(id): no fixture fails these checks")
        }
    }

    private func folders(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }
}
