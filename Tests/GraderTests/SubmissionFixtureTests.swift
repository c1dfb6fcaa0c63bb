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

    /// One fixture: its assignment, folder and expectation.
    struct Case {
        let assignment: Assignment
        let name: String
        let folder: URL
        let expected: Expected
    }

    private func cases() throws -> [Case] {
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        return try folders(in: Self.fixtures).flatMap { assignmentID in
            let assignment = try catalog.load(assignmentID)
            return try folders(in: Self.fixtures.appendingPathComponent(assignmentID)).map { name in
                let folder = Self.fixtures.appendingPathComponent(assignmentID).appendingPathComponent(name)
                let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
                return Case(assignment: assignment, name: "\(assignmentID)/\(name)", folder: folder, expected: expected)
            }
        }
    }

    /// Grades the fixtures two at a time: grading waits on compilers and sandboxed processes, and
    /// the hostile fixtures spend their time limits asleep.
    func testEveryFixtureLosesPointsOnExactlyItsExpectedChecks() throws {
        let all = try cases()
        XCTAssertFalse(all.isEmpty)
        _ = try GraderFixtures.sdk.get()
        let findings = FindingList()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for item in all.enumerated() where item.offset % 2 == worker {
                findings.add(Self.problem(with: item.element))
            }
        }
        for problem in findings.all { XCTFail(problem) }
    }

    /// What is wrong with grading `fixture`, or `nil` when it loses exactly the expected checks.
    private static func problem(with fixture: Case) -> String? {
        do {
            let result = try Grading.grade(fixture.folder, assignment: fixture.assignment, options: GraderFixtures.options(seed: seed))
            let lost = result.checks.filter { $0.status != .pass }
            if Set(lost.map(\.id)) == Set(fixture.expected.failing) && (lost.isEmpty ? result.score == result.maxScore : true) {
                return nil
            }
            return "\(fixture.name) (\(fixture.expected.bug)): expected to fail \(fixture.expected.failing.sorted()), failed:\n"
                + lost.map { "\($0.id) \($0.status.rawValue): \($0.message)" }.joined(separator: "\n")
        } catch {
            return "\(fixture.name): grading failed: \(error)"
        }
    }

    /// Problems found by concurrent workers.
    private final class FindingList: @unchecked Sendable {
        private let lock = NSLock()
        private var problems = [String]()

        func add(_ problem: String?) {
            guard let problem else { return }
            lock.lock()
            problems.append(problem)
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return problems
        }
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
