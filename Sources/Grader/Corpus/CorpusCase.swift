// CorpusCase: one fixture submission of the mistake corpus and what grading it must show.
import Foundation

/// A submission under `fixtures/submissions/<assignment>/<case>/` with its `expected.json`.
public struct CorpusCase: Sendable {
    /// What `expected.json` says.
    public struct Expectation: Codable, Sendable {
        /// The mistake, in the lab's terms; `none: …` for a correct variant.
        public var bug: String
        /// Exactly the checks that lose points (at the corpus seed).
        public var failing: [String]
        /// The diagnosis kinds each failing check reports; a failing check not listed reports none.
        public var diagnoses: [String: [Diagnosis.Kind]]?
    }

    /// The assignment id.
    public var assignment: String
    /// The case's folder name.
    public var name: String
    /// The submission folder.
    public var folder: URL
    /// The expectation.
    public var expected: Expectation

    /// Whether the case is correct work that must keep every point.
    public var isCorrectVariant: Bool { expected.failing.isEmpty }

    /// `assignment/name`.
    public var id: String { "\(assignment)/\(name)" }

    /// Every case under `root` (one folder per assignment), or only `assignment`'s; throws naming
    /// the file when an `expected.json` is missing or unreadable.
    public static func all(in root: URL, assignment: String? = nil) throws -> [CorpusCase] {
        let assignments = try assignment.map { [$0] } ?? folders(in: root)
        return try assignments.flatMap { id in
            try folders(in: root.appendingPathComponent(id)).map { name in
                let folder = root.appendingPathComponent(id).appendingPathComponent(name)
                let file = folder.appendingPathComponent("expected.json")
                let expected: Expectation
                do {
                    expected = try JSONDecoder().decode(Expectation.self, from: Data(contentsOf: file))
                } catch {
                    throw CorpusError.unreadableExpectation(file: file.path, reason: "\(error)")
                }
                return CorpusCase(assignment: id, name: name, folder: folder, expected: expected)
            }
        }
    }

    private static func folders(in folder: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { throw CorpusError.missingFolder(folder.path) }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }
}

/// Why the corpus cannot be read.
public enum CorpusError: Error, CustomStringConvertible {
    /// A fixtures folder does not exist.
    case missingFolder(String)
    /// An `expected.json` is missing or not of the expected form.
    case unreadableExpectation(file: String, reason: String)

    public var description: String {
        switch self {
        case .missingFolder(let path): return "no fixtures folder at \(path)"
        case .unreadableExpectation(let file, let reason): return "\(file): \(reason)"
        }
    }
}
