// RNGVectorFiles: where the NumPy RandomState vector files live, loaded once per test run.
import Foundation

/// The two files of NumPy-generated vectors that `NumPyRandomState` is checked against.
///
/// A missing or unreadable file is an error, never a skip: a test that cannot find its vectors
/// has checked nothing and must say so.
enum RNGVectorFiles {
    /// This file is `<repo>/Tests/LabKitTests/RNGVectorFiles.swift`, three levels below the root.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The vectors shipped with the lab reference values, next to the repository.
    static let sharedURL = repositoryRoot
        .appendingPathComponent("../shared/reference-values/rng_vectors.json").standardizedFileURL

    /// The vectors this repository generates with `fixtures/numpy/make_rng_vectors.py`.
    static let fixtureURL = repositoryRoot.appendingPathComponent("fixtures/numpy/rng_vectors.json")

    private static let sharedFile = Result {
        try load(sharedURL, regenerate: "python3 rng_vectors.py (in shared/reference-values)")
    }
    private static let fixtureFile = Result {
        try load(fixtureURL, regenerate: "python3 fixtures/numpy/make_rng_vectors.py")
    }

    /// The root of `shared/reference-values/rng_vectors.json`.
    static func shared() throws -> JSONNode { try sharedFile.get() }

    /// The root of `fixtures/numpy/rng_vectors.json`.
    static func fixture() throws -> JSONNode { try fixtureFile.get() }

    private static func load(_ url: URL, regenerate: String) throws -> JSONNode {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FixtureError(description: "NumPy vector file not found at \(url.path); regenerate it with \(regenerate)")
        }
        do {
            return try JSONNode.parse(try Data(contentsOf: url), name: url.lastPathComponent)
        } catch {
            throw FixtureError(description: "cannot read NumPy vectors from \(url.path): \(error)")
        }
    }
}
