// Golden-output tests of the built `labgrade` executable: output and exit status.
import Foundation
import XCTest

@testable import Grader

final class CommandLineTests: XCTestCase {
    /// Runs the built `labgrade` with `arguments`; returns its exit status and output.
    private func labgrade(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let executable = GraderFixtures.toolchain.products.appendingPathComponent("labgrade")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "labgrade is not built")
        let result = try Compiler.run(executable, arguments, in: GraderFixtures.root, timeout: 300)
        return (result.status, result.output)
    }

    func testVersionPrintsTheVersion() throws {
        let run = try labgrade(["--version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.output.trimmingCharacters(in: .whitespacesAndNewlines), LabgradeVersion.current)
    }

    func testAssignmentsListsEveryManifest() throws {
        let run = try labgrade(["assignments"])
        XCTAssertEqual(run.status, 0)
        for id in AssignmentCatalog(toolchain: GraderFixtures.toolchain).ids {
            XCTAssertTrue(run.output.contains(id), run.output)
        }
    }

    func testGradingTheReferenceExitsZeroAndWritesTheRequestedReports() throws {
        let out = try GraderFixtures.scratch(self)
        let run = try labgrade(["grade", "reference/HLCV/Solution", "--assignment", "hlcv-ex2", "--seed", "3", "--out", out.path, "-f", "gradescope", "junit"])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("35 / 35 points"), run.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("results.json").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("junit.xml").path))
    }

    func testGradingAStarterIsStillAGradedRunWithStatusZero() throws {
        let run = try labgrade(["grade", "assignments/hlcv-ex2/starter", "--assignment", "hlcv-ex2", "--seed", "3"])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("0 / 35 points"), run.output)
    }

    func testMissingSubmissionIsAnErrorNamingThePath() throws {
        let run = try labgrade(["grade", "no/such/folder", "--assignment", "hlcv-ex2"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("no/such/folder"), run.output)
    }

    func testUnknownAssignmentIsAnErrorListingTheKnownOnes() throws {
        let run = try labgrade(["grade", "reference/HLCV/Solution", "--assignment", "hlcv-ex9"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("hlcv-ex2"), run.output)
    }

    func testUnknownFormatIsRejectedBeforeGrading() throws {
        let run = try labgrade(["grade", "reference/HLCV/Solution", "--assignment", "hlcv-ex2", "-f", "pdf"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("unknown format \"pdf\""), run.output)
    }

    func testVerifyReproducesEveryPublishedValue() throws {
        let run = try labgrade(["verify"])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertFalse(run.output.contains("✗"), run.output)
        XCTAssertTrue(run.output.contains("published values reproduced"), run.output)
    }

    func testCorpusPrintsTheCatchMatrixAndFailsOnAWrongExpectation() throws {
        let fixtures = try GraderFixtures.scratch(self)
        let reference = GraderFixtures.root.appendingPathComponent("reference/DTU/Solution")
        for (name, expected) in [
            ("correct", #"{"bug": "none: the reference", "failing": []}"#),
            ("claimed-wrong", #"{"bug": "none, but expected to fail", "failing": ["a-one-hidden-layer"]}"#),
        ] {
            let folder = fixtures.appendingPathComponent("dtu-02456-ex1").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: reference, to: folder)
            try Data(expected.utf8).write(to: folder.appendingPathComponent("expected.json"))
        }
        let run = try labgrade(["corpus", "--fixtures", fixtures.path])
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.output.contains("dtu-02456-ex1: 1 mistake cases, 1 correct variants"), run.output)
        XCTAssertTrue(run.output.contains("a-one-hidden-layer was expected to lose points but kept them"), run.output)
        XCTAssertTrue(run.output.contains("0/1 mistake cases caught (0 %), 1/1 correct variants at full marks, 1 cases differ"), run.output)
    }

    func testHelpOfEverySubcommandDescribesItsOptions() throws {
        for (command, option) in [
            ("grade", "--assignment"), ("verify", "--lab"), ("assignments", "--verbose"), ("doctor", "USAGE: labgrade doctor"),
            ("corpus", "--record-diagnoses"), ("check", "--assignment"), ("export", "gradescope"),
        ] {
            let run = try labgrade([command, "--help"])
            XCTAssertEqual(run.status, 0)
            XCTAssertTrue(run.output.contains("OVERVIEW"), run.output)
            XCTAssertTrue(run.output.contains(option), run.output)
        }
    }
}
