// Specifications of `labgrade export starter`: what the package holds, and `swift test` in it, outside the checkout.
import Foundation
import XCTest

@testable import Grader

final class StarterExportTests: XCTestCase {
    /// Each lab: its reference's folder, a corpus mistake its published tests must catch, and the
    /// test that catches it.
    private let labs: [(id: String, reference: String, mistake: String, caughtBy: String)] = [
        ("hlcv-ex2", "HLCV", "half-penalty-in-loss-and-gradients", "testToyLoss"),
        ("vu-dl-a1", "VU", "dl-do-sign-flipped", "testScalarPassOnTheFixedNetwork"),
        ("ece285-a1", "ECE285", "softmaxp-diagonal-only", "testSoftmaxpOfTheSeedZeroArrays"),
        ("dtu-02456-ex1", "DTU", "output-delta-sign-flipped", "testOutputDeltaAgreesWithFiniteDifferencesOfYourLoss"),
        ("uu-1rt720-lab1", "Uppsala", "toy-backward-cos-derivative-sign", "testToyBackwardPass"),
    ]

    private func export(_ id: String, to destination: URL) throws -> [String] {
        try StarterExport(assignment: AssignmentCatalog(toolchain: GraderFixtures.toolchain).resolve(id), toolchain: GraderFixtures.toolchain)
            .write(to: destination)
    }

    func testExportHoldsTheStarterTheTestsAndLabKitAndNothingOfTheGrader() throws {
        let scratch = try GraderFixtures.scratch(self)
        let labKit = ExportFiles.files(under: GraderFixtures.root.appendingPathComponent("Sources/LabKit")).map { "LabKit/Sources/LabKit/" + $0 }
        for lab in labs {
            let folder = scratch.appendingPathComponent(lab.id)
            let written = try export(lab.id, to: folder)
            let onDisk = ExportFiles.files(under: folder)
            XCTAssertEqual(written, onDisk, lab.id)
            for file in onDisk {
                let allowed = ["Package.swift", "README.md", ".gitignore", "LabKit/Package.swift"].contains(file)
                    || ["Sources/Submission/", "Tests/SubmissionTests/", "LabKit/Sources/LabKit/", "LabKit/Sources/COpenBLAS/", "LabKit/Sources/CZlib/"]
                    .contains { file.hasPrefix($0) }
                XCTAssertTrue(allowed, "\(lab.id): \(file) should not be in a starter")
                for forbidden in ["reference", "Reference", "Grader", "fixtures", "Instances", "expected.json", "Solution"] {
                    XCTAssertFalse(file.contains(forbidden), "\(lab.id): \(file) names \(forbidden)")
                }
                let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
                for forbidden in ["import Grader", "import Reference", "../../.."] {
                    XCTAssertFalse(text.contains(forbidden), "\(lab.id): \(file) holds \(forbidden)")
                }
            }
            // LabKit travels whole, as students read it; the stubs are the checkout's starter's.
            XCTAssertEqual(onDisk.filter { $0.hasPrefix("LabKit/Sources/LabKit/") }, labKit, lab.id)
            let stubs = ExportFiles.files(under: GraderFixtures.root.appendingPathComponent("assignments/\(lab.id)/starter/Sources/Submission"))
            XCTAssertEqual(onDisk.filter { $0.hasPrefix("Sources/Submission/") }, stubs.map { "Sources/Submission/" + $0 }, lab.id)
            XCTAssertTrue(onDisk.contains { $0.hasPrefix("Tests/SubmissionTests/") && $0.hasSuffix(".swift") }, lab.id)
        }
    }

    func testExportRefusesAFolderThatHoldsFilesAndWritesAZipWithOneTopFolder() throws {
        let scratch = try GraderFixtures.scratch(self)
        let occupied = scratch.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: occupied.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try export("hlcv-ex2", to: occupied)) { error in
            XCTAssertTrue("\(error)".contains("not empty"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: occupied.appendingPathComponent("notes.txt"), encoding: .utf8), "notes")

        let zip = scratch.appendingPathComponent("hlcv.zip")
        _ = try export("hlcv-ex2", to: zip)
        let listing = try Compiler.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-Z1", zip.path], in: scratch, timeout: 60)
        XCTAssertEqual(listing.status, 0, listing.output)
        let entries = listing.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(entries.contains("HLCVExercise2/Package.swift"), listing.output)
        XCTAssertTrue(entries.allSatisfy { $0.hasPrefix("HLCVExercise2/") }, listing.output)
    }

    /// `swift build`, then `swift test` as a student runs it, in `package`.
    private func swiftTest(_ package: URL) throws -> Compiler.Result {
        let swift = GraderFixtures.toolchain.swiftc.deletingLastPathComponent().appendingPathComponent("swift")
        // A clean environment: nothing of the outer `swift test` may leak into the student's.
        var environment = ["PATH=\(swift.deletingLastPathComponent().path):/usr/bin:/bin", "HOME=\(package.path)"]
        if let core = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] { environment.append("OPENBLAS_CORETYPE=\(core)") }
        return try Compiler.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["-i"] + environment + [swift.path, "test", "--disable-swift-testing"], in: package,
            timeout: 900)
    }

    /// Replaces the package's exercise files with those of `folder`.
    private func dropIn(_ folder: URL, into package: URL) throws {
        let manager = FileManager.default
        let sources = package.appendingPathComponent("Sources/Submission")
        try manager.removeItem(at: sources)
        try manager.createDirectory(at: sources, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            try manager.copyItem(at: folder.appendingPathComponent(name), to: sources.appendingPathComponent(name))
        }
    }

    func testSwiftTestInAnExportedStarterChecksThePublishedNumbers() throws {
        let scratch = try GraderFixtures.scratch(self)
        for lab in labs {
            let package = scratch.appendingPathComponent(lab.id)
            _ = try export(lab.id, to: package)

            let stubs = try swiftTest(package)
            XCTAssertNotEqual(stubs.status, 0, "\(lab.id): the stubs pass\n\(stubs.output.suffix(3000))")
            XCTAssertTrue(stubs.output.contains("is not implemented yet"), "\(lab.id)\n\(stubs.output.suffix(3000))")
            XCTAssertFalse(stubs.output.contains(" passed ("), "\(lab.id): a test passes on the stubs\n\(stubs.output.suffix(3000))")

            try dropIn(GraderFixtures.root.appendingPathComponent("reference/\(lab.reference)/Solution"), into: package)
            let reference = try swiftTest(package)
            XCTAssertEqual(reference.status, 0, "\(lab.id): the reference fails\n\(reference.output.suffix(3000))")
            XCTAssertTrue(reference.output.contains("with 0 failures"), "\(lab.id)\n\(reference.output.suffix(3000))")

            try dropIn(GraderFixtures.root.appendingPathComponent("fixtures/submissions/\(lab.id)/\(lab.mistake)"), into: package)
            let mistake = try swiftTest(package)
            XCTAssertNotEqual(mistake.status, 0, "\(lab.id): \(lab.mistake) passes\n\(mistake.output.suffix(3000))")
            XCTAssertTrue(mistake.output.contains("\(lab.caughtBy)' failed"), "\(lab.id): \(lab.mistake)\n\(mistake.output.suffix(3000))")
        }
    }

    func testLabgradeCheckReadsAnExportedStarter() throws {
        let scratch = try GraderFixtures.scratch(self)
        let package = scratch.appendingPathComponent("hlcv")
        _ = try export("hlcv-ex2", to: package)
        try dropIn(GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution"), into: package)
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        XCTAssertEqual(try catalog.inferAssignment(of: package), "hlcv-ex2")
        let result = try Grading.grade(
            package, assignment: catalog.load("hlcv-ex2"),
            options: GradeOptions(studentPreview: true, toolchain: GraderFixtures.toolchain))
        XCTAssertTrue(result.build.compiled, result.build.diagnostics)
        XCTAssertTrue(result.build.ignored.contains { $0.hasPrefix("LabKit/") }, "\(result.build.ignored)")
        XCTAssertEqual(result.score, result.maxScore, result.checks.filter { $0.status != .pass }.map(\.message).joined(separator: "\n"))
    }
}
