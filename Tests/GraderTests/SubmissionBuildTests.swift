// Specifications of taking in and building submissions: archives, compile errors, what students can import.
import Foundation
import XCTest

@testable import Grader

final class SubmissionBuildTests: XCTestCase {
    private let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)

    private func build(_ folder: URL, scratch: URL) throws -> (SubmissionSource, OracleBuild) {
        let assignment = try catalog.load("hlcv-ex2")
        let source = try SubmissionSource.collect(folder, into: scratch.appendingPathComponent("work"))
        let builder = OracleBuilder(
            sdk: try GraderFixtures.sdk.get(), toolchain: GraderFixtures.toolchain, entryType: assignment.entryType,
            responder: assignment.responder, exerciseFiles: Dictionary(uniqueKeysWithValues: assignment.exercises.map { ($0.id, $0.file) }),
            starter: catalog.starterSources("hlcv-ex2"))
        return (source, try builder.build(source, scratch: scratch.appendingPathComponent("work")))
    }

    func testCompileErrorsNameTheFileAsTheSubmissionDoesAndOtherExercisesStillBuild() throws {
        let scratch = try GraderFixtures.scratch(self)
        let (_, build) = try build(GraderFixtures.root.appendingPathComponent("fixtures/submissions/hlcv-ex2/loss-does-not-compile"), scratch: scratch)
        XCTAssertNil(build.whole)
        XCTAssertTrue(build.diagnostics.contains("Sources/Submission/Q1bLoss.swift:7:"), build.diagnostics)
        XCTAssertFalse(build.diagnostics.contains(scratch.path), "absolute scratch paths leak into the report")
        XCTAssertFalse(build.compiled("loss"))
        for exercise in ["scores", "gradients", "train", "predict"] { XCTAssertTrue(build.compiled(exercise), exercise) }
    }

    func testReferenceAndGraderModulesAreNotVisibleToStudents() throws {
        let scratch = try GraderFixtures.scratch(self)
        for module in ["Reference", "Grader"] {
            let folder = try GraderFixtures.submission(
                ["HLCVExercise2.swift": "import LabKit\nimport \(module)\nstruct HLCVExercise2: HLCVTwoLayerNetLab {}\n"],
                in: scratch, named: "imports-\(module)")
            let (_, build) = try build(folder, scratch: scratch.appendingPathComponent(module))
            XCTAssertNil(build.whole)
            XCTAssertTrue(build.diagnostics.contains("no such module '\(module)'"), build.diagnostics)
        }
    }

    func testZipAndTarballSubmissionsAreUnpacked() throws {
        let scratch = try GraderFixtures.scratch(self)
        let reference = GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution")
        let zip = scratch.appendingPathComponent("submission.zip")
        let tarball = scratch.appendingPathComponent("submission.tar.gz")
        XCTAssertEqual(try Compiler.run(URL(fileURLWithPath: "/usr/bin/zip"), ["-qr", zip.path, "."], in: reference, timeout: 30).status, 0)
        XCTAssertEqual(try Compiler.run(URL(fileURLWithPath: "/bin/tar"), ["-czf", tarball.path, "."], in: reference, timeout: 30).status, 0)
        for archive in [zip, tarball] {
            let source = try SubmissionSource.collect(archive, into: scratch.appendingPathComponent(archive.lastPathComponent + "-work"))
            XCTAssertEqual(source.files, ["HLCVExercise2.swift"], archive.lastPathComponent)
        }
    }

    func testPackageManifestTestsAndMainFileAreLeftOut() throws {
        let scratch = try GraderFixtures.scratch(self)
        let folder = try GraderFixtures.submission(
            [
                "Package.swift": "// manifest", "Sources/Submission/A.swift": "struct A {}", "Tests/T/T.swift": "// tests",
                ".build/x.swift": "// build products", "main.swift": "print(1)",
            ], in: scratch)
        let source = try SubmissionSource.collect(folder, into: scratch.appendingPathComponent("work"))
        XCTAssertEqual(source.files, ["Sources/Submission/A.swift"])
        XCTAssertEqual(source.ignored.count, 1)
    }

    func testAnythingElseIsAClearError() throws {
        let scratch = try GraderFixtures.scratch(self)
        let file = scratch.appendingPathComponent("notes.txt")
        try "hello".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SubmissionSource.collect(file, into: scratch.appendingPathComponent("w"))) { error in
            XCTAssertTrue("\(error)".contains("expected a folder, a .zip, a .tar, a .tar.gz or a .tgz"), "\(error)")
        }
        let empty = try GraderFixtures.submission(["README.md": "no code"], in: scratch, named: "empty")
        XCTAssertThrowsError(try SubmissionSource.collect(empty, into: scratch.appendingPathComponent("w2"))) { error in
            XCTAssertEqual(error as? SubmissionProblem, SubmissionProblem(description: "no .swift files in the submission empty"))
        }
    }
}
