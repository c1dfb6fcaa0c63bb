// GradingBenchmark: wall time of grading each lab's reference solution, split into SDK, compile and run.
import Foundation
import Grader

/// Times `Grading.grade` on every assignment's reference solution.
struct GradingBenchmark {
    /// Gradings per assignment after the first.
    let repeats: Int

    func run() {
        let toolchain = Toolchain.current
        let catalog = AssignmentCatalog(toolchain: toolchain)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-bench-sdk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let sdkStart = Date()
        do {
            _ = try StudentSDK.prepare(toolchain: toolchain, cache: cache)
        } catch {
            print("cannot build the student SDK: \(error)")
            return
        }
        print(String(format: "student SDK, first build (copy + module-cache warm-up): %.2f s", Date().timeIntervalSince(sdkStart)))
        // Compiles are measured, never answered by the oracle cache; the last column is one more
        // grading with the cache warmed, as a regrade runs.
        print("assignment          grade (median)   compile   run     score     regrade (cached oracle)")
        for id in catalog.ids {
            guard let solution = ReferenceSolutions.solution(of: id, root: toolchain.packageRoot), let assignment = try? catalog.load(id)
            else { continue }
            var runs = [(total: Double, compile: Double, score: String)]()
            for index in 0..<repeats {
                do {
                    var options = GradeOptions(seed: UInt32(index), toolchain: toolchain)
                    options.usesOracleCache = false
                    let result = try Grading.grade(solution, assignment: assignment, options: options)
                    runs.append((result.seconds, result.build.seconds, "\(Int(result.score))/\(Int(result.maxScore))"))
                } catch {
                    print("\(id): \(error)")
                    break
                }
            }
            guard !runs.isEmpty else { continue }
            let median = runs.sorted { $0.total < $1.total }[runs.count / 2]
            let cached = cachedGrading(solution, assignment, toolchain)
            print(String(format: "%@ %8.2f s %9.2f s %7.2f s   %@   %@", id.padding(toLength: 18, withPad: " ", startingAt: 0),
                         median.total, median.compile, median.total - median.compile, median.score,
                         cached.map { String(format: "%.2f s", $0) } ?? "failed"))
        }
    }

    /// Grades `solution` twice with the oracle cache and returns the second grading's time.
    private func cachedGrading(_ solution: URL, _ assignment: Assignment, _ toolchain: Toolchain) -> Double? {
        let options = GradeOptions(seed: 0, toolchain: toolchain)
        guard (try? Grading.grade(solution, assignment: assignment, options: options)) != nil else { return nil }
        return (try? Grading.grade(solution, assignment: assignment, options: options))?.seconds
    }
}
