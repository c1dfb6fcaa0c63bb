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
        let mix = try makeClass(in: folder, root: toolchain.packageRoot)
        print("\(assignment): \(count) submissions (\(mix)), \(jobs) jobs")

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
        let scores = try gradebook.currentGrades(of: assignment).values.map(\.grading.score)
        print(String(format: "mean score %.1f / %.0f", scores.reduce(0, +) / Double(max(1, scores.count)), manifest.checks.reduce(0) { $0 + $1.points }))
    }

    /// Writes the class into `folder`; returns how it is made up.
    private func makeClass(in folder: URL, root: URL) throws -> String {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let labs = ["hlcv-ex2": "HLCV", "uu-1rt720-lab1": "Uppsala", "dtu-02456-ex1": "DTU", "vu-dl-a1": "VU", "ece285-a1": "ECE285"]
        guard let lab = labs[assignment] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "reference of \(assignment)"]) }
        let reference = root.appendingPathComponent("reference/\(lab)/Solution")
        let starter = root.appendingPathComponent("assignments/\(assignment)/starter")
        let corpus = root.appendingPathComponent("fixtures/submissions/\(assignment)")
        let cases = try manager.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
        var (references, starters, mistakes) = (0, 0, 0)
        for index in 0..<count {
            let student = folder.appendingPathComponent(String(format: "student%03d", index + 1))
            if index % 2 == 0 {
                references += 1
                switch index % 6 {
                case 2: try archive(reference, as: student.appendingPathExtension("zip"), tool: "/usr/bin/zip", ["-q", "-r"])
                case 4: try archive(reference, as: student.appendingPathExtension("tar.gz"), tool: "/bin/tar", ["-czf"])
                default: try manager.copyItem(at: reference, to: student)
                }
            } else if index % 10 == 9 || cases.isEmpty {
                starters += 1
                try manager.copyItem(at: starter, to: student)
            } else {
                try manager.copyItem(at: cases[mistakes % cases.count], to: student)
                mistakes += 1
            }
        }
        return "\(references) reference, \(mistakes) from the \(cases.count) mistake cases, \(starters) starters"
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
