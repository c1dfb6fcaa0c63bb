// BatchBenchmark: a generated class of 200 submissions graded by `BatchRunner`, timed end to end.
import BatchGrading
import Foundation
import Synchronization
import Grader

/// Grades a made-up class of one assignment the way `labgrade batch` does and prints the wall
/// time and the median grading time.
///
/// The class: half the students hand in the reference solution (some as .zip or .tar.gz), one in
/// ten hands in the untouched starter, and the rest hand in the assignment's mistake corpus
/// (`fixtures/submissions/<id>/<case>/`, hostile programs included) in turn.
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
        let progress = Mutex(0)
        let summary = try BatchRunner.run(folder, assignment: manifest, gradebook: gradebook, options: BatchOptions(seed: 7, jobs: jobs)) { event in
            guard case .graded = event else { return }
            let done = progress.withLock { done in
                done += 1
                return done
            }
            if done % 20 == 0 { print("  \(done) graded") }
        }
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

    /// Writes the class into `folder`; returns what each student handed in (`reference`,
    /// `starter`, `case <name>`), by student id.
    private func makeClass(in folder: URL, root: URL) throws -> [String: String] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let labs = ["hlcv-ex2": "HLCV", "uu-1rt720-lab1": "Uppsala", "dtu-02456-ex1": "DTU", "vu-dl-a1": "VU", "ece285-a1": "ECE285"]
        guard let lab = labs[assignment] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "reference of \(assignment)"]) }
        let reference = root.appendingPathComponent("reference/\(lab)/Solution")
        let starter = root.appendingPathComponent("assignments/\(assignment)/starter")
        let corpus = root.appendingPathComponent("fixtures/submissions/\(assignment)")
        let cases = try manager.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
        var sources = [String: String](), mistakes = 0
        for index in 0..<count {
            let id = String(format: "student%03d", index + 1)
            let student = folder.appendingPathComponent(id)
            if index % 2 == 0 {
                sources[id] = "reference"
                switch index % 6 {
                case 2: try archive(reference, as: student.appendingPathExtension("zip"), tool: "/usr/bin/zip", ["-q", "-r"])
                case 4: try archive(reference, as: student.appendingPathExtension("tar.gz"), tool: "/bin/tar", ["-czf"])
                default: try manager.copyItem(at: reference, to: student)
                }
            } else if index % 10 == 9 || cases.isEmpty {
                sources[id] = "starter"
                try manager.copyItem(at: starter, to: student)
            } else {
                let source = cases[mistakes % cases.count]
                sources[id] = "case \(source.lastPathComponent)"
                try manager.copyItem(at: source, to: student)
                mistakes += 1
            }
        }
        return sources
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
