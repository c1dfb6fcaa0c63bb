// The hostile suite: every corpus case with host post-conditions is graded alone, under bubblewrap
// and in limits-only mode (as in a container without user namespaces), and each post-condition it
// states is checked on the host afterwards — no forged point, planted files unchanged and unread,
// no process left, the disk as it was, the terminal safe, the next honest grading at full marks.
import Foundation
import XCTest

@testable import Grader

final class HostileSuiteTests: XCTestCase {
    func testEveryHostileCaseUnderBubblewrap() throws {
        let runtime = try SandboxRuntime.shared(products: GraderFixtures.toolchain.products)
        try XCTSkipUnless(runtime.bubblewrapWorks, "bubblewrap does not work here: \(runtime.bubblewrapProblem ?? "")")
        try runSuite(.bubblewrap)
    }

    func testEveryHostileCaseInLimitsOnlyMode() throws {
        try runSuite(.limitsOnly)
    }

    func testTheSuiteIsLargeAndCoversEveryCondition() throws {
        let cases = try hostileCases()
        XCTAssertGreaterThanOrEqual(cases.count, 45)
        let conditions = Set(cases.flatMap { $0.expected.host ?? [] })
        XCTAssertEqual(conditions, Set(CorpusCase.HostCondition.allCases))
    }

    private func hostileCases() throws -> [CorpusCase] {
        try CorpusCase.all(in: SubmissionFixtureTests.fixtures).filter { $0.expected.host != nil }
    }

    /// Grades every hostile case one at a time in `isolation` and checks its post-conditions.
    private func runSuite(_ isolation: Sandbox.Isolation) throws {
        _ = try GraderFixtures.sdk.get()
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        let canaries = try Canaries(in: GraderFixtures.scratch(self))
        setenv("LABGRADE_CANARY_SECRET", canaries.secret, 1)
        defer { unsetenv("LABGRADE_CANARY_SECRET") }
        var options = GraderFixtures.options(seed: SubmissionFixtureTests.seed)
        options.isolation = isolation
        // As a batch does: the class's folder (here the planted files) is hidden from submissions.
        options.hiddenFolders = [canaries.folder]
        options.referenceCache = ReferenceCache()
        let scratch = try GraderFixtures.scratch(self)
        for item in try hostileCases() {
            let label = "\(item.id) (\(isolation.rawValue))"
            let before = HostState.now()
            let submission = try item.submission(catalog: catalog, scratch: scratch)
            let result = try Grading.grade(submission, assignment: try catalog.load(item.assignment), options: options)
            let lost = Set(result.checks.filter { $0.points < $0.maxPoints }.map(\.id))
            XCTAssertEqual(lost, Set(item.expected.failing), label)
            // Diagnoses are written for bubblewrap: without it, what a write or a signal reaches differs.
            if isolation == .bubblewrap { XCTAssertEqual(Corpus.problems(result, item.expected), [], label) }
            for condition in item.expected.host ?? [] {
                switch condition {
                case .noForgedPoints:
                    XCTAssertEqual(result.score, 0, "\(label): a point was forged")
                case .canariesUnchanged:
                    XCTAssertEqual(canaries.changed(), [], "\(label): planted or protected files changed")
                case .secretsNotLeaked:
                    let report = try JSONReport.render(result)
                    XCTAssertFalse(report.contains(canaries.secret), "\(label): the planted secret reached the result")
                    XCTAssertFalse(report.contains(canaries.referenceLine), "\(label): the reference solution reached the result")
                case .noProcessLeft:
                    XCTAssertEqual(HostState.leftoverProcesses(), [], "\(label): processes left behind")
                case .diskRestored:
                    XCTAssertEqual(HostState.now().added(since: before), [], "\(label): files left behind")
                case .nextGradingFullMarks:
                    let honest = try Grading.grade(
                        GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution"), assignment: try catalog.load(item.assignment),
                        options: options)
                    XCTAssertEqual(honest.score, honest.maxScore, "\(label): the next honest grading lost points")
                case .terminalSafe:
                    let markdown = try ReportFormat.markdown.render(result)
                    XCTAssertFalse(markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7f }, label)
                }
            }
            if item.expected.base == .starter { FileTree.remove(submission.deletingLastPathComponent()) }
        }
    }
}

/// Files planted where a hostile program might look — another student's submission, a
/// gradebook, a report — each holding a secret, and the files that must never change: the
/// reference solutions and the student SDK.
private struct Canaries {
    let folder: URL
    let secret = "labgrade-canary-\(UUID().uuidString)"
    /// A line of the HLCV reference solution that no starter and no fixture outside the checkout has.
    let referenceLine: String
    private let watched: [URL]
    private let snapshot: [String: Data]

    init(in scratch: URL) throws {
        folder = scratch.appendingPathComponent("labgrade-canary-class")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("bob"), withIntermediateDirectories: true)
        for (name, text) in [
            ("bob/labgrade-canary-Q1aScores.swift", "// \(secret)\n"), ("labgrade-canary-gradebook.sqlite", secret),
            ("labgrade-canary-results.json", #"{"score": 0, "secret": "\#(secret)"}"#),
        ] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let sdk = try GraderFixtures.sdk.get()
        let reference = GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution")
        let solution = try String(contentsOf: reference.appendingPathComponent("HLCVExercise2.swift"), encoding: .utf8)
        referenceLine = try XCTUnwrap(solution.split(separator: "\n").first { $0.contains("let shifted = exp(") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        })
        watched = [folder, reference, sdk.libraries, sdk.modules, sdk.moduleCache]
        snapshot = Canaries.read(watched)
    }

    /// The watched files that differ from the snapshot (or appeared, or vanished).
    func changed() -> [String] {
        let now = Canaries.read(watched)
        return Set(now.keys).union(snapshot.keys).filter { now[$0] != snapshot[$0] }.sorted()
    }

    /// Every file under `roots`, by path: its contents and its mode.
    private static func read(_ roots: [URL]) -> [String: Data] {
        var files = [String: Data]()
        for root in roots {
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let relative = walker?.nextObject() as? String {
                let path = root.appendingPathComponent(relative).path
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                var data = FileManager.default.contents(atPath: path) ?? Data()
                withUnsafeBytes(of: info.st_mode) { data.append(contentsOf: $0) }
                files[path] = data
            }
        }
        return files
    }
}

/// What a grading could leave on the host: entries in the world-writable folders and the
/// temporary folder, and processes of sandbox users or in labgrade's control groups.
private struct HostState {
    let entries: Set<String>

    static func now() -> HostState {
        var entries = Set<String>()
        for folder in DiskWatchdog.worldWritable + [FileManager.default.temporaryDirectory.path] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] { entries.insert(folder + "/" + name) }
        }
        return HostState(entries: entries)
    }

    /// Entries that exist now and did not before (the test's own scratch folders and Foundation's
    /// folders for the test process's atomic writes aside).
    func added(since before: HostState) -> [String] {
        entries.subtracting(before.entries).filter { entry in
            !["labgrade-test-", "labgrade-runtime-", "/TemporaryDirectory."].contains { entry.contains($0) }
        }.sorted()
    }

    /// Processes of a sandbox user, or in a labgrade control group, after a moment to finish dying.
    static func leftoverProcesses() -> [String] {
        var found = [String]()
        for _ in 0..<20 {
            found = []
            for pid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(pid) != nil {
                let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
                let cgroup = (try? String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8)) ?? ""
                let uid = status.split(separator: "\n").first { $0.hasPrefix("Uid:") }?.split(separator: "\t").dropFirst().first.flatMap { UInt32($0) }
                if uid.map(SandboxUser.range.contains) == true || cgroup.contains("/labgrade-") {
                    found.append("\(pid): \(status.split(separator: "\n").first ?? "")")
                }
            }
            if found.isEmpty { return [] }
            usleep(50_000)
        }
        return found
    }
}
