// Shared set-up for grader tests: the student SDK, scratch folders and fixture paths.
import Foundation
import XCTest

@testable import Grader

/// Test fixtures, built once per test run.
enum GraderFixtures {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The toolchain of this build (products beside the test bundle).
    static let toolchain = Toolchain.current

    /// The student SDK, built on first use.
    static let sdk: Result<StudentSDK, any Error> = Result {
        try StudentSDK.prepare(toolchain: toolchain, cache: StudentSDK.defaultCache(toolchain))
    }

    /// Grading options for tests: a fixed seed, this build's toolchain.
    static func options(seed: UInt32) -> GradeOptions {
        GradeOptions(seed: seed, toolchain: toolchain)
    }

    /// A fresh scratch folder, removed when the test ends.
    static func scratch(_ test: XCTestCase) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// Writes `files` (name → source) into a new folder under `scratch`.
    static func submission(_ files: [String: String], in scratch: URL, named name: String = "submission") throws -> URL {
        let folder = scratch.appendingPathComponent(name)
        for (file, text) in files {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }
}
