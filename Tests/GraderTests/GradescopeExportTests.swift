// Specifications of `labgrade export gradescope`: the zip's layout, and run_autograder in a fake /autograder.
import Foundation
import XCTest

@testable import Grader

final class GradescopeExportTests: XCTestCase {
    private var labgradeBinary: URL { GraderFixtures.toolchain.products.appendingPathComponent("labgrade") }

    /// Runs `tool` with `arguments` and extra `environment` in `folder`.
    private func run(
        _ tool: String, _ arguments: [String], environment: [String: String] = [:], in folder: URL = GraderFixtures.root
    ) throws -> Compiler.Result {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return try Compiler.run(URL(fileURLWithPath: "/usr/bin/env"), assignments + [tool] + arguments, in: folder, timeout: 600)
    }

    /// Exports hlcv-ex2 and lays it out as Gradescope does: the zip unpacked into
    /// `autograder/source`, `run_autograder` copied to `autograder/`, empty `submission/` and `results/`.
    private func autograder(assignment: (URL) throws -> String = { _ in "hlcv-ex2" }) throws -> URL {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: labgradeBinary.path), "labgrade is not built")
        let scratch = try GraderFixtures.scratch(self)
        let zip = scratch.appendingPathComponent("hlcv-ex2.zip")
        let export = try run(labgradeBinary.path, ["export", "gradescope", "--assignment", try assignment(scratch), "-o", zip.path])
        XCTAssertEqual(export.status, 0, export.output)
        XCTAssertTrue(export.output.contains("wrote \(zip.path)"), export.output)
        let root = scratch.appendingPathComponent("autograder")
        for folder in ["source", "submission", "results"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let unzip = try run("unzip", ["-q", zip.path, "-d", root.appendingPathComponent("source").path])
        XCTAssertEqual(unzip.status, 0, unzip.output)
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("source/run_autograder"), to: root.appendingPathComponent("run_autograder"))
        return root
    }

    /// Runs `run_autograder` on `submission` (copied into `submission/`) and returns results.json, validated.
    private func grade(_ files: [String: String] = [:], copying folder: String? = nil, binary: String? = nil) throws -> [String: Any] {
        let root = try autograder()
        let submission = root.appendingPathComponent("submission")
        if let folder {
            try FileManager.default.removeItem(at: submission)
            try FileManager.default.copyItem(at: GraderFixtures.root.appendingPathComponent(folder), to: submission)
        }
        for (name, text) in files { try text.write(to: submission.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let environment = ["AUTOGRADER_ROOT": root.path, "LABGRADE_BIN": binary ?? labgradeBinary.path]
        let result = try run("bash", [root.appendingPathComponent("run_autograder").path], environment: environment, in: root)
        XCTAssertEqual(result.status, 0, result.output)
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        return try GradescopeSchema.validate(data)
    }

    func testACoursesCopyTravelsInTheZipAndGrades() throws {
        let root = try autograder { scratch in
            // A copy with its own id and two of the lab's checks, at other points.
            let lab = try Data(contentsOf: GraderFixtures.root.appendingPathComponent("assignments/hlcv-ex2/assignment.json"))
            var manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: lab) as? [String: Any])
            manifest["id"] = "hlcv-ss27-ex2"
            manifest["lab"] = "hlcv-ex2"
            manifest["checks"] = (manifest["checks"] as? [[String: Any]] ?? []).filter { ["q1a-scores", "q1b-loss"].contains($0["id"] as? String) }
                .map { check in check.merging(["points": 5]) { $1 } }
            let folder = scratch.appendingPathComponent("course")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: manifest).write(to: folder.appendingPathComponent("assignment.json"))
            return folder.path
        }
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("source/assignment-id"), encoding: .utf8), "course\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("source/labgrade/course/assignment.json").path))
        let submission = root.appendingPathComponent("submission")
        try FileManager.default.removeItem(at: submission)
        try FileManager.default.copyItem(at: GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution"), to: submission)
        let result = try run("bash", [root.appendingPathComponent("run_autograder").path],
            environment: ["AUTOGRADER_ROOT": root.path, "LABGRADE_BIN": labgradeBinary.path], in: root)
        XCTAssertEqual(result.status, 0, result.output)
        let results = try GradescopeSchema.validate(Data(contentsOf: root.appendingPathComponent("results/results.json")))
        XCTAssertEqual(results["score"] as? Double, 10, "\(results)")
        XCTAssertEqual(tests(results).count, 2, "\(results)")
    }

    private func tests(_ results: [String: Any]) -> [[String: Any]] {
        results["tests"] as? [[String: Any]] ?? []
    }

    func testExportHoldsTheScriptsTheSourceAndTheData() throws {
        let source = try autograder().appendingPathComponent("source")
        let manager = FileManager.default
        for script in ["setup.sh", "run_autograder"] {
            let path = source.appendingPathComponent(script).path
            XCTAssertTrue(manager.isExecutableFile(atPath: path), "\(script) is executable in the zip")
            XCTAssertEqual(try run("bash", ["-n", path]).status, 0, "\(script) is valid bash")
        }
        XCTAssertEqual(try String(contentsOf: source.appendingPathComponent("assignment-id"), encoding: .utf8), "hlcv-ex2\n")
        for file in ["Package.swift", "Sources/LabKit", "Sources/Grader", "reference/HLCV/Solution", "assignments/hlcv-ex2/assignment.json",
                     "Tests/GraderTests", ".data/mnist_5k.csv.gz", ".data/Auto.csv"] {
            XCTAssertTrue(manager.fileExists(atPath: source.appendingPathComponent("labgrade/\(file)").path), file)
        }
        let everything = manager.subpaths(atPath: source.path) ?? []
        XCTAssertFalse(everything.contains { $0.hasPrefix("labgrade/.build") || $0.contains("/.build/") }, "no build products")
        XCTAssertFalse(everything.contains { $0.hasPrefix("labgrade/fixtures") }, "no test fixtures")
        let setup = try String(contentsOf: source.appendingPathComponent("setup.sh"), encoding: .utf8)
        XCTAssertTrue(setup.contains("SWIFT_VERSION=6.3.1"))
        XCTAssertTrue(setup.contains("https://download.swift.org/swift-$SWIFT_VERSION-release/"))
        for package in ["libopenblas-dev", "zlib1g-dev", "bubblewrap"] { XCTAssertTrue(setup.contains(package), package) }
    }

    func testRunAutograderGradesTheReferenceToFullMarks() throws {
        let results = try grade(copying: "reference/HLCV/Solution")
        XCTAssertEqual(results["score"] as? Double, 35)
        XCTAssertEqual(tests(results).count, try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2").checks.count)
        XCTAssertTrue(tests(results).allSatisfy { $0["status"] as? String == "passed" })
        XCTAssertEqual(tests(results).last?["visibility"] as? String, "after_due_date")
    }

    func testRunAutograderGradesAStarterAsZero() throws {
        let results = try grade(copying: "assignments/hlcv-ex2/starter")
        XCTAssertEqual(results["score"] as? Double, 0)
        XCTAssertEqual(tests(results).count, try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2").checks.count)
        XCTAssertTrue(tests(results).allSatisfy { $0["status"] as? String == "failed" })
    }

    func testRunAutograderGradesCodeThatDoesNotCompile() throws {
        let results = try grade(["HLCVExercise2.swift": "struct HLCVExercise2: HLCVTwoLayerNetLab { func scores( }\n"])
        XCTAssertEqual(results["score"] as? Double, 0)
        XCTAssertTrue((results["output"] as? String)?.contains("did not compile") == true, "\(results["output"] ?? "")")
    }

    func testRunAutograderExplainsASubmissionWithoutSwiftFiles() throws {
        let results = try grade(["notes.txt": "I could not finish \"it\" \\ sorry\t\n"])
        XCTAssertEqual(results["score"] as? Double, 0)
        XCTAssertEqual(tests(results).count, 1)
        XCTAssertTrue((tests(results)[0]["output"] as? String)?.contains("No .swift file was found in your submission") == true)
    }

    func testRunAutograderExplainsAMissingLabgrade() throws {
        let results = try grade(copying: "reference/HLCV/Solution", binary: "/nonexistent/labgrade")
        XCTAssertEqual(results["score"] as? Double, 0)
        XCTAssertTrue((results["output"] as? String)?.contains("labgrade is not built at /nonexistent/labgrade") == true)
    }

    func testExportOfAnUnknownAssignmentListsTheKnownOnes() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: labgradeBinary.path), "labgrade is not built")
        let scratch = try GraderFixtures.scratch(self)
        let export = try run(labgradeBinary.path, ["export", "gradescope", "--assignment", "hlcv-ex9", "-o", scratch.appendingPathComponent("x.zip").path])
        XCTAssertNotEqual(export.status, 0)
        XCTAssertTrue(export.output.contains("hlcv-ex2"), export.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("x.zip").path))
    }
}
