// `labgrade-bench fuzz`: the host's readers of untrusted bytes under many mutated inputs.
import Foundation
import Grader

/// Runs the mutation fuzzer on the wire decoder and the archive readers and prints, per target,
/// how many inputs ran, how long they took, how they ended and the process's peak memory.
struct FuzzBenchmark {
    /// Inputs per target.
    var iterations: Int
    /// The generator's seed, so a run can be repeated.
    var seed: UInt64

    init(arguments: [String]) {
        var iterations = 100_000, seed: UInt64 = 1
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch option {
            case "--iterations": iterations = rest.popFirst().flatMap { Int($0) } ?? iterations
            case "--seed": seed = rest.popFirst().flatMap { UInt64($0) } ?? seed
            default: break
            }
        }
        self.iterations = iterations
        self.seed = seed
    }

    func run() {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-fuzz-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        print("fuzz: \(iterations) mutated inputs per target, seed \(seed)")
        var failed = false
        for target in [FuzzTargets.wire()] + FuzzTargets.archives(scratch: scratch) {
            let report = MutationFuzzer.run(target, iterations: iterations, seed: seed)
            print(String(
                format: "%-14@ %7d inputs in %6.1f s (%6.0f/s): %6d accepted, %6d rejected, %d unclear; peak memory %d MB",
                report.target, report.inputs, report.seconds, Double(report.inputs) / report.seconds, report.accepted,
                report.rejected, report.unclear, report.peakMegabytes))
            for (message, count) in report.messages.prefix(4) { print("    \(count)× \(message)…") }
            failed = failed || report.unclear > 0
        }
        if failed { exit(1) }
    }
}
