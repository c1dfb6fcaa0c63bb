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
        public var diagnoses: [String: [ExpectedDiagnosis]]?
        /// For a hostile program: what must hold on the host after it is graded (checked by the
        /// hostile suite's test, in every sandbox mode).
        public var host: [HostCondition]?
        /// `"starter"` when the case's files are laid over the assignment's starter (a hostile
        /// program in one exercise, every other exercise still a stub, so any point would be
        /// forged); `nil` when the folder is the whole submission.
        public var base: Base?
    }

    /// A host-side post-condition of grading a hostile case.
    public enum HostCondition: String, Codable, Sendable, CaseIterable {
        /// The case scores 0: every point would be forged (its exercises are stubs or refused).
        case noForgedPoints = "no-forged-points"
        /// Files planted around the machine (another submission, a gradebook, a report), the
        /// reference solutions and the student SDK are byte for byte as before.
        case canariesUnchanged = "canaries-unchanged"
        /// The planted files' secret and the host's secret environment variable appear nowhere in the result.
        case secretsNotLeaked = "secrets-not-leaked"
        /// No process of the grading is left: none of its user, none in its control groups.
        case noProcessLeft = "no-process-left"
        /// The world-writable folders and the scratch root hold what they held before.
        case diskRestored = "disk-restored"
        /// The next honest submission graded gets full marks.
        case nextGradingFullMarks = "next-grading-full-marks"
        /// The Markdown report (what the terminal shows) holds no control character but newline and tab.
        case terminalSafe = "terminal-safe"
    }

    /// What a case's files are laid over.
    public enum Base: String, Codable, Sendable {
        /// The assignment's starter sources.
        case starter
    }

    /// One diagnosis an expectation names: a kind, or one of several resource stops.
    ///
    /// A program that runs away meets its time limit first on a slow machine and its memory limit
    /// first on a fast one, so an expectation that must hold on every machine names the stop as
    /// `{"anyOf": ["too-slow", "memory-limit"]}`. Only resource stops may be alternatives: every
    /// other kind is read off numbers that do not depend on the machine.
    public enum ExpectedDiagnosis: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Exactly this kind.
        case kind(Diagnosis.Kind)
        /// Exactly one of these resource stops.
        case anyOf(Set<Diagnosis.Kind>)

        private enum Keys: String, CodingKey { case anyOf }

        public init(from decoder: any Decoder) throws {
            if let kind = try? decoder.singleValueContainer().decode(Diagnosis.Kind.self) {
                self = .kind(kind)
                return
            }
            let container = try decoder.container(keyedBy: Keys.self)
            let kinds = try container.decode([Diagnosis.Kind].self, forKey: .anyOf)
            guard kinds.count >= 2, kinds.allSatisfy(\.isResourceStop) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .anyOf, in: container,
                    debugDescription: "anyOf names two or more resource stops (too-slow, memory-limit, disk-quota), found \(kinds.map(\.rawValue))")
            }
            self = .anyOf(Set(kinds))
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .kind(let kind):
                var container = encoder.singleValueContainer()
                try container.encode(kind)
            case .anyOf(let kinds):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(kinds.map(\.rawValue).sorted(), forKey: .anyOf)
            }
        }

        /// The kinds it allows.
        public var kinds: Set<Diagnosis.Kind> {
            switch self {
            case .kind(let kind): return [kind]
            case .anyOf(let kinds): return kinds
            }
        }

        public var description: String {
            kinds.map(\.rawValue).sorted().joined(separator: " | ")
        }

        /// Whether the kinds `found` are exactly what `expected` names: every plain kind, exactly one
        /// kind of each alternative, and nothing else.
        public static func match(_ found: Set<Diagnosis.Kind>, _ expected: [ExpectedDiagnosis]) -> Bool {
            var allowed = Set<Diagnosis.Kind>()
            for item in expected {
                allowed.formUnion(item.kinds)
                switch item {
                case .kind(let kind): guard found.contains(kind) else { return false }
                case .anyOf(let kinds): guard kinds.intersection(found).count == 1 else { return false }
                }
            }
            return found.isSubset(of: allowed)
        }

        /// What `found` records as, keeping an alternative of `previous` that a found kind belongs to.
        public static func recording(_ found: [Diagnosis.Kind], keeping previous: [ExpectedDiagnosis]) -> [ExpectedDiagnosis] {
            found.map { kind in previous.first { $0.kinds.count > 1 && $0.kinds.contains(kind) } ?? .kind(kind) }
        }
    }

    /// The assignment id.
    public var assignment: String
    /// The case's folder name.
    public var name: String
    /// The submission folder.
    public var folder: URL
    /// The expectation.
    public var expected: Expectation

    /// A case from its parts; `expected` as `expected.json` would say it.
    public init(assignment: String, name: String, folder: URL, expected: Expectation) {
        self.assignment = assignment
        self.name = name
        self.folder = folder
        self.expected = expected
    }

    /// This case as a course's copy grades it: expected to lose points only on the copy's checks
    /// that carry points.
    public func graded(by copy: Assignment) -> CorpusCase {
        let scored = Set(copy.checks.filter { $0.points > 0 }.map(\.id))
        var item = self
        item.expected.failing = expected.failing.filter(scored.contains)
        item.expected.diagnoses = expected.diagnoses?.filter { scored.contains($0.key) }
        return item
    }

    /// The reference solution of `assignment` in `folder`, as a case that must keep every point.
    public static func reference(of assignment: String, folder: URL) throws -> CorpusCase {
        let expected = try JSONDecoder().decode(Expectation.self, from: Data(#"{"bug": "none: the reference solution", "failing": []}"#.utf8))
        return CorpusCase(assignment: assignment, name: "reference", folder: folder, expected: expected)
    }

    /// The submission to grade: the archive `submission.zip` (or `.tar.gz`, …) when the case holds
    /// one, else the case's folder, or (with a `starter` base) the starter's sources with the
    /// case's Swift files laid over them, written to a new folder under `scratch`.
    public func submission(catalog: AssignmentCatalog, scratch: URL) throws -> URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if let archive = names.first(where: { $0.hasPrefix("submission.") && ArchiveUnpacker.isArchive(URL(fileURLWithPath: $0)) }) {
            return folder.appendingPathComponent(archive)
        }
        guard expected.base == .starter else { return folder }
        let manager = FileManager.default
        let target = scratch.appendingPathComponent("corpus-\(UUID().uuidString.prefix(8))").appendingPathComponent(name)
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: catalog.starterSources(assignment), to: target)
        for file in try manager.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let destination = target.appendingPathComponent(file)
            if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
            try manager.copyItem(at: folder.appendingPathComponent(file), to: destination)
        }
        return target
    }

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
