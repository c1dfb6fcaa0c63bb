// Specifications of a course's own copy of an assignment: what it may change, what is refused, and every command taking it.
import Foundation
import XCTest

@testable import Grader

final class CourseCopyTests: XCTestCase {
    private var catalog: AssignmentCatalog { AssignmentCatalog(toolchain: GraderFixtures.toolchain) }
    private var labgrade: URL { GraderFixtures.toolchain.products.appendingPathComponent("labgrade") }

    /// HLCV's manifest as JSON, for a copy to change.
    private func labManifest() throws -> [String: Any] {
        let data = try Data(contentsOf: GraderFixtures.root.appendingPathComponent("assignments/hlcv-ex2/assignment.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A course's copy of HLCV Exercise 2: its own id and title, four of the checks with other
    /// points, visibility, time limits and more randomized instances.
    private func courseCopy() throws -> [String: Any] {
        var manifest = try labManifest()
        manifest["id"] = "hlcv-ss27-ex2"
        manifest["lab"] = "hlcv-ex2"
        manifest["title"] = "HLCV SS27, Exercise 2"
        var checks = [[String: Any]]()
        for var check in manifest["checks"] as? [[String: Any]] ?? [] {
            switch check["id"] as? String {
            case "q1a-scores":
                check["points"] = 8
                check["instances"] = ["published": true, "randomized": 6, "hostile": 2]
            case "q1b-loss":
                check["visibility"] = "hidden"
                check["timeLimitSeconds"] = 20
            case "q2-gradients", "q3-predict":
                check["title"] = "\(check["title"] ?? "") (SS27)"
            default: continue
            }
            checks.append(check)
        }
        manifest["checks"] = checks
        return manifest
    }

    /// Writes `manifest` as `<folder>/assignment.json` under `scratch`.
    private func write(_ manifest: [String: Any], in scratch: URL, folder: String = "course-hlcv") throws -> URL {
        let directory = scratch.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: directory.appendingPathComponent("assignment.json"))
        return directory
    }

    func testACopyResolvesFromAnyFolderAndGradesWithItsOwnPointsAndTitle() throws {
        let scratch = try GraderFixtures.scratch(self)
        _ = try write(courseCopy(), in: scratch)
        // Relative to a working folder outside the checkout.
        let resolved = try catalog.resolve("course-hlcv", from: scratch)
        XCTAssertTrue(resolved.isCopy)
        XCTAssertEqual(resolved.assignment.labID, "hlcv-ex2")
        XCTAssertEqual(resolved.starter.standardized, GraderFixtures.root.appendingPathComponent("assignments/hlcv-ex2/starter").standardized)
        XCTAssertEqual(resolved.assignment.totalPoints, 8 + 4 + 10 + 1)

        let result = try Grading.grade(
            GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution"), assignment: resolved.assignment,
            options: GradeOptions(seed: 7, toolchain: GraderFixtures.toolchain))
        XCTAssertEqual(result.assignment.id, "hlcv-ss27-ex2")
        XCTAssertEqual(result.assignment.title, "HLCV SS27, Exercise 2")
        XCTAssertEqual(result.checks.map(\.id), ["q1a-scores", "q1b-loss", "q2-gradients", "q3-predict"])
        XCTAssertEqual(result.score, 23, result.checks.map(\.message).joined(separator: "\n"))
        let scores = try XCTUnwrap(result.checks.first { $0.id == "q1a-scores" })
        XCTAssertEqual(scores.instances.filter { $0.label.hasPrefix("hidden") }.count, 6)
        XCTAssertEqual(result.checks.first { $0.id == "q1b-loss" }?.visibility, .hidden)
    }

    /// Each way a copy can stray from its lab, with the JSON path it is refused at.
    func testACopyThatStraysFromItsLabIsRefusedWithTheFieldsPath() throws {
        let scratch = try GraderFixtures.scratch(self)
        let cases: [(String, String, ([String: Any]) -> [String: Any])] = [
            ("an unknown check", "checks[0].id", { m in self.editCheck(m, 0) { $0["id"] = "q1a-scorez" } }),
            ("an exercise the driver lacks", "exercises[5].id", { m in
                var m = m
                m["exercises"] = (m["exercises"] as? [[String: Any]] ?? []) + [["id": "dropout", "file": "Q4Dropout.swift", "title": "Question 4"]]
                return m
            }),
            ("memory out of range", "limits.memoryMegabytes", { m in
                var m = m
                m["limits"] = ["submissionSeconds": 300, "memoryMegabytes": 1_000_000]
                return m
            }),
            ("a time limit out of range", "checks[2].timeLimitSeconds", { m in self.editCheck(m, 2) { $0["timeLimitSeconds"] = 86_400 } }),
            ("another kind", "checks[0].kind", { m in self.editCheck(m, 0) { $0["kind"] = "property" } }),
            ("another exercise", "checks[0].exercise", { m in self.editCheck(m, 0) { $0["exercise"] = "loss" } }),
            ("hostile instances the lab does not make", "checks[1].instances.hostile", { m in
                self.editCheck(m, 1) { $0["instances"] = ["published": false, "randomized": 1, "hostile": 1] }
            }),
            ("another entry type", "entryType", { m in
                var m = m
                m["entryType"] = "HLCVExercise3"
                return m
            }),
            ("an unknown lab", "lab", { m in
                var m = m
                m["lab"] = "hlcv-ex3"
                return m
            }),
            ("no lab named", "lab", { m in
                var m = m
                m.removeValue(forKey: "lab")
                return m
            }),
        ]
        // The lab's whole manifest under a course's id: checks[1] is q1c-scores-large, without hostile instances.
        var copy = try labManifest()
        copy["id"] = "hlcv-ss27-ex2"
        copy["lab"] = "hlcv-ex2"
        for (index, (what, path, edit)) in cases.enumerated() {
            let manifest = edit(copy)
            let folder = try write(manifest, in: scratch, folder: "copy-\(index)")
            XCTAssertThrowsError(try catalog.resolve(folder.path), what) { error in
                guard case let problem as ManifestError = error else { return XCTFail("\(what): \(error)") }
                let text = "\(problem)"
                XCTAssertTrue(text.contains(folder.appendingPathComponent("assignment.json").path), "\(what): \(text)")
                XCTAssertTrue(text.contains(": \(path)") || text.contains("field \(path)"), "\(what): expected the path \(path) in: \(text)")
            }
        }
        XCTAssertThrowsError(try catalog.resolve("no-such-course-folder", from: scratch)) { error in
            XCTAssertTrue("\(error)".contains("neither an assignment of this checkout"), "\(error)")
            XCTAssertTrue("\(error)".contains("hlcv-ex2"), "\(error)")
        }
    }

    private func editCheck(_ manifest: [String: Any], _ index: Int, _ edit: (inout [String: Any]) -> Void) -> [String: Any] {
        var manifest = manifest
        var checks = manifest["checks"] as? [[String: Any]] ?? []
        edit(&checks[index])
        manifest["checks"] = checks
        return manifest
    }

    func testTheCorpusGradedByACopyExpectsLossesOnlyOnTheCopysScoredChecks() throws {
        var copy = try catalog.load("hlcv-ex2")
        copy.id = "course"
        copy.lab = "hlcv-ex2"
        copy.checks = copy.checks.map { check in
            var check = check
            if check.id == "q1b-loss" { check.points = 0 }
            return check
        }.filter { $0.id != "q2d-gradient-check" }
        let cases = try CorpusCase.all(in: GraderFixtures.root.appendingPathComponent("fixtures/submissions"), assignment: "hlcv-ex2")
        let item = try XCTUnwrap(cases.first { $0.name == "half-penalty-in-loss" })
        XCTAssertTrue(item.expected.failing.contains("q1b-loss"), "\(item.expected.failing)")
        let graded = item.graded(by: copy)
        XCTAssertFalse(graded.expected.failing.contains("q1b-loss"))
        XCTAssertNil(graded.expected.diagnoses?["q1b-loss"])
        XCTAssertEqual(Set(graded.expected.failing), Set(item.expected.failing).subtracting(["q1b-loss", "q2d-gradient-check"]))

        let corpus = Corpus.run([item], catalog: catalog, seed: 7, workers: 1, options: GradeOptions(toolchain: GraderFixtures.toolchain), copy: copy)
        let outcome = try XCTUnwrap(corpus.outcomes.first)
        XCTAssertEqual(outcome.problems, [], "\(outcome.problems)")
        XCTAssertTrue(corpus.matrix(catalog: catalog, copy: copy).contains("q3b-real-images"))
        XCTAssertFalse(corpus.matrix(catalog: catalog, copy: copy).contains("q2d-gradient-check"))
    }

    /// `labgrade grade`, `check`, `export starter` and `batch` given the copy's path, run from a folder outside the checkout.
    func testCommandsTakeACopysFolderFromAnyWorkingFolder() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: labgrade.path), "labgrade is not built")
        let scratch = try GraderFixtures.scratch(self)
        let folder = try write(courseCopy(), in: scratch)
        // The copy brings its own starter, with its own handout.
        let starter = folder.appendingPathComponent("starter")
        try FileManager.default.copyItem(at: GraderFixtures.root.appendingPathComponent("assignments/hlcv-ex2/starter"), to: starter)
        try Data("# HLCV SS27: Exercise 2\n\nOur own handout.\n".utf8).write(to: starter.appendingPathComponent("README.md"))
        let reference = GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution").path
        let run = { (arguments: [String]) in
            try Compiler.run(self.labgrade, arguments, in: scratch, timeout: 600)
        }

        let graded = try run(["grade", reference, "--assignment", "course-hlcv", "--seed", "7"])
        XCTAssertEqual(graded.status, 0, graded.output)
        XCTAssertTrue(graded.output.contains("HLCV SS27, Exercise 2"), graded.output)
        XCTAssertTrue(graded.output.contains("23 / 23") || graded.output.contains("23/23"), graded.output)

        let checked = try run(["check", reference, "--assignment", "./course-hlcv"])
        XCTAssertEqual(checked.status, 0, checked.output)
        XCTAssertTrue(checked.output.contains("(hlcv-ss27-ex2)"), checked.output)
        XCTAssertFalse(checked.output.contains("Q1 b)"), "a hidden check in a student's check:\n\(checked.output)")

        let exported = try run(["export", "starter", "--assignment", "course-hlcv", "-o", "handout"])
        XCTAssertEqual(exported.status, 0, exported.output)
        let handout = try String(contentsOf: scratch.appendingPathComponent("handout/README.md"), encoding: .utf8)
        XCTAssertTrue(handout.hasPrefix("# HLCV SS27: Exercise 2"), handout)

        let submissions = scratch.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: reference), to: submissions.appendingPathComponent("ada"))
        let batch = try run(["batch", "class", "--assignment", "course-hlcv", "--seed", "7", "--jobs", "1"])
        XCTAssertEqual(batch.status, 0, batch.output)
        let csv = try run(["gradebook", "export", "--csv", "--gradebook", "class/labgrade-gradebook.sqlite", "--assignment", "hlcv-ss27-ex2"])
        XCTAssertEqual(csv.status, 0, csv.output)
        XCTAssertTrue(csv.output.contains("ada,,,graded,8,4,10,1,23,23"), csv.output)

        let refused = try run(["grade", reference, "--assignment", "no-such-folder"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("neither an assignment of this checkout"), refused.output)
    }
}
