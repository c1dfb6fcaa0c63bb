// BatchBenchmark: a generated class of 200 submissions graded by `BatchRunner`, timed end to end.
import BatchGrading
import Foundation
import Synchronization
import Grader

/// Grades a made-up class of one assignment the way `labgrade batch` does and prints the wall
/// time and the median grading time; then regrades the whole class (`--regrade`, as after a
/// grader change) and prints that pass's time too: its compiles come from the oracle cache.
///
/// The class: half the students hand in the reference solution (some as .zip or .tar.gz), one in
/// ten hands in the untouched starter, and the rest hand in the assignment's mistake corpus
/// (`fixtures/submissions/<id>/<case>/`, without the hostile suite, which its own tests grade) in
/// turn. Every submission carries a comment of its own, so no two are the same bytes and the
/// first pass compiles every one.
struct BatchBenchmark {
    /// The assignment.
    var assignment = "hlcv-ex2"
    /// Students in the class.
    var count = 200
    /// Submissions graded at once.
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    /// Reads `--assignment ID`, `--count N` and `--jobs N` from `arguments`.
    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { break }
            switch flag {
            case "--assignment": assignment = value
            case "--count": count = Int(value) ?? count
            case "--jobs": jobs = Int(value) ?? jobs
            default: print("batch: unknown option \(flag)")
            }
        }
    }

    func run() {
        do {
            try measure()
        } catch {
            print("batch benchmark: \(error)")
        }
    }

    private func measure() throws {
        let toolchain = Toolchain.current
        let manifest = try AssignmentCatalog(toolchain: toolchain).load(assignment)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-bench-batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("submissions")
        let sources = try makeClass(in: folder, root: toolchain.packageRoot)
        let mix = Dictionary(grouping: sources.values) { $0.hasPrefix("case ") ? "mistake cases" : $0 }.mapValues(\.count)
        print("\(assignment): \(count) submissions (\(mix.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), \(jobs) jobs")

        let gradebook = try Gradebook(creatingAt: scratch.appendingPathComponent("gradebook.sqlite"))
        let summary = try pass(folder, manifest, gradebook, regrade: false)
        let regrade = try pass(folder, manifest, gradebook, regrade: true)
        print(String(format: "regrade of the whole class: wall %.1f s, %.2f of the first pass", regrade.seconds, regrade.seconds / summary.seconds))
        let times = summary.gradingSeconds.sorted()
        let median = times.isEmpty ? 0 : times[times.count / 2]
        print(String(format: "wall %.1f s (%.2f s per submission); median grading %.2f s, slowest %.2f s; %d graded, %d failed",
                     summary.seconds, summary.seconds / Double(max(1, count)), median, times.last ?? 0, summary.graded, summary.failed))
        let grades = try gradebook.currentGrades(of: assignment).values.map(\.grading)
        let scores = grades.map(\.score)
        print(String(format: "mean score %.1f / %.0f", scores.reduce(0, +) / Double(max(1, scores.count)), manifest.checks.reduce(0) { $0 + $1.points }))
        // Where the time goes: grading time summed by what the students handed in.
        let bySource = Dictionary(grouping: grades) { sources[$0.studentId] ?? "?" }
            .mapValues { gradings in (gradings.count, gradings.reduce(0) { $0 + ($1.seconds ?? 0) }) }
        print("grading time by submission source (count, total s, mean s), largest first:")
        for (source, (number, total)) in bySource.sorted(by: { $0.value.1 > $1.value.1 }).prefix(12) {
            print(String(format: "  %-50@ %4d %8.1f %6.2f", source, number, total, total / Double(number)))
        }
    }

    /// Grades the class once (again, with `regrade`), printing progress; returns the batch's summary.
    private func pass(_ folder: URL, _ manifest: Assignment, _ gradebook: Gradebook, regrade: Bool) throws -> BatchRunner.Summary {
        let progress = Mutex(0)
        let options = BatchOptions(seed: 7, jobs: jobs, regrade: regrade)
        let summary = try BatchRunner.run(folder, assignment: manifest, gradebook: gradebook, options: options) { event in
            guard case .graded = event else { return }
            let done = progress.withLock { done in
                done += 1
                return done
            }
            if done % 20 == 0 { print("  \(done) \(regrade ? "regraded" : "graded")") }
        }
        print(String(format: "%@: wall %.1f s", regrade ? "regrade" : "first pass", summary.seconds))
        return summary
    }

    /// Writes the class into `folder`; returns what each student handed in (`reference`,
    /// `starter`, `case <name>`), by student id.
    private func makeClass(in folder: URL, root: URL) throws -> [String: String] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        guard let reference = ReferenceSolutions.solution(of: assignment, root: root) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "reference of \(assignment)"])
        }
        let starter = root.appendingPathComponent("assignments/\(assignment)/starter")
        let catalog = AssignmentCatalog(toolchain: .current)
        let cases = try CorpusCase.all(in: root.appendingPathComponent("fixtures/submissions"), assignment: assignment)
            .filter { $0.expected.host == nil }
        let work = folder.deletingLastPathComponent().appendingPathComponent("work")
        var sources = [String: String](), mistakes = 0
        for index in 0..<count {
            let id = String(format: "student%03d", index + 1)
            let student = work.appendingPathComponent(id)
            if index % 2 == 0 {
                sources[id] = "reference"
                try manager.copyItem(at: reference, to: student)
            } else if index % 10 == 9 || cases.isEmpty {
                sources[id] = "starter"
                try manager.copyItem(at: starter, to: student)
            } else {
                let item = cases[mistakes % cases.count]
                sources[id] = "case \(item.name)"
                try manager.copyItem(at: try item.submission(catalog: catalog, scratch: work.appendingPathComponent("corpus")), to: student)
                mistakes += 1
            }
            try makeDistinct(student, id: id)
            switch (sources[id], index % 6) {
            case ("reference", 2): try archive(student, as: folder.appendingPathComponent(id + ".zip"), tool: "/usr/bin/zip", ["-q", "-r"])
            case ("reference", 4): try archive(student, as: folder.appendingPathComponent(id + ".tar.gz"), tool: "/bin/tar", ["-czf"])
            default: try manager.moveItem(at: student, to: folder.appendingPathComponent(id))
            }
        }
        return sources
    }

    /// This run's own mark, so no submission repeats one an earlier run left in the oracle cache.
    private let runMark = UUID().uuidString

    /// Appends a comment naming `id` and this run to the first Swift file of the submission, so
    /// its bytes are its own.
    private func makeDistinct(_ submission: URL, id: String) throws {
        let walker = FileManager.default.enumerator(atPath: submission.path)
        var files = [String]()
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".swift") && !path.hasSuffix("Package.swift") { files.append(path) }
        }
        guard let first = files.sorted().first else { return }
        let file = submission.appendingPathComponent(first)
        try (try String(contentsOf: file, encoding: .utf8) + "\n// handed in by \(id) (run \(runMark))\n").write(to: file, atomically: true, encoding: .utf8)
    }

    private func archive(_ folder: URL, as file: URL, tool: String, _ options: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = options + [file.path, "."]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
    }
}
