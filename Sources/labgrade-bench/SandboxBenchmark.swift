// `labgrade-bench sandbox`: the compile time of each lab's reference, unconfined and sandboxed.
import Foundation
import Grader

/// Prints, per lab, the median compile time with and without the sandbox and the difference.
struct SandboxBenchmark {
    var repeats: Int

    func run() {
        let catalog = AssignmentCatalog()
        print("compile time of each reference, \(repeats) runs each way, interleaved (median seconds)")
        var layers = ""
        for id in catalog.ids {
            guard let submission = ReferenceSolutions.solution(of: id, root: Toolchain.current.packageRoot) else { continue }
            do {
                let assignment = try catalog.load(id)
                let times = try CompileOverhead.measure(submission, assignment: assignment, repeats: repeats)
                let plain = median(times.unconfined), confined = median(times.sandboxed)
                print(String(format: "%-16@ unconfined %.3f s, sandboxed %.3f s, difference %+.3f s", id, plain, confined, confined - plain))
                layers = times.layers
            } catch {
                print("\(id): \(error)")
            }
        }
        print("sandbox: \(layers)")
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
