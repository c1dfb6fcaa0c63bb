// Shared set-up for batch tests: a class folder of DTU submissions, scratch folders, synthetic results.
import BatchGrading
import Foundation
import Grader
import XCTest

/// Test fixtures for batches and gradebooks.
enum BatchFixtures {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The assignment the batch tests grade: DTU's grades in about 1.5 s.
    static let assignmentID = "dtu-02456-ex1"

    /// DTU's assignment.
    static func assignment() throws -> Assignment { try AssignmentCatalog(toolchain: .current).load(assignmentID) }

    /// A fresh scratch folder, removed when the test ends.
    static func scratch(_ test: XCTestCase) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-batch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// A class folder: `alice/` (the reference), `bob/` (the starter), `carol.zip` and
    /// `dave.tar.gz` (the reference, packed), and two entries that are not submissions
    /// (`notes/` without Swift files, `readme.txt`).
    static func classFolder(in scratch: URL) throws -> URL {
        let folder = scratch.appendingPathComponent("submissions")
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let solution = root.appendingPathComponent("reference/DTU/Solution")
        try manager.copyItem(at: solution, to: folder.appendingPathComponent("alice"))
        try manager.copyItem(at: root.appendingPathComponent("assignments/\(assignmentID)/starter"), to: folder.appendingPathComponent("bob"))
        try run("/usr/bin/zip", ["-q", "-r", folder.appendingPathComponent("carol.zip").path, "."], in: solution)
        try run("/bin/tar", ["-czf", folder.appendingPathComponent("dave.tar.gz").path, "."], in: solution)
        try manager.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try "marking notes".write(to: folder.appendingPathComponent("notes/README.txt"), atomically: true, encoding: .utf8)
        try "not a submission".write(to: folder.appendingPathComponent("readme.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The roster of the class folder: alice, bob, carol and frank (who hands nothing in); dave is not on it.
    static let roster = Roster(students: [
        .init(id: "carol", name: "Carol, C.", email: "carol@example.edu"),
        .init(id: "alice", name: "Alice \"Al\" A.", email: "alice@example.edu"),
        .init(id: "frank", name: "Frank F."),
        .init(id: "bob", email: "bob@example.edu"),
    ])

    /// A grading result of `assignment` with `checks` (id, status, points, max points, diagnosis kinds).
    static func result(
        assignment: String = "demo", _ checks: [(id: String, status: CheckResult.Status, points: Double, max: Double, kinds: [Diagnosis.Kind])]
    ) throws -> GradingResult {
        let checkObjects: [[String: Any]] = checks.map { check in
            [
                "id": check.id, "title": check.id, "exercise": "exercise", "kind": "value", "visibility": "visible",
                "status": check.status.rawValue, "points": check.points, "maxPoints": check.max, "message": "",
                "diagnoses": check.kinds.map { ["kind": $0.rawValue, "text": "consistent with \($0.rawValue)"] },
                "instances": [] as [Any], "seconds": 0.1, "curves": [:] as [String: Any], "measurements": [:] as [String: Any],
            ]
        }
        let object: [String: Any] = [
            "assignment": ["id": assignment, "title": assignment], "submission": ["name": "s", "path": "/s"], "seed": 1,
            "startedAt": "2026-01-01T00:00:00Z", "seconds": 1.5,
            "environment": ["labgrade": "test", "swift": "test", "blas": "test", "isolation": "none"],
            "build": ["compiled": true, "compiledAlone": [] as [Any], "diagnostics": "", "ignored": [] as [Any], "seconds": 0.5],
            "checks": checkObjects, "output": ["stdout": "", "stderr": "", "truncated": false],
        ]
        return try JSONDecoder().decode(GradingResult.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// Runs `tool` with `arguments` in `folder`; fails unless it exits 0.
    static func run(_ tool: String, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: tool]) }
    }
}
