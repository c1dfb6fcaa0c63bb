// labgrade-bench: benchmarks LabKit against raw BLAS and runs the labs' full-size training jobs.
import Foundation
import LabKit

let usage = """
    usage: labgrade-bench <benchmark> [--repeat N]
      gemm    Matrix.dot vs raw cblas_dgemm for 60000×784 · 784×64 and 784×300 (GFLOP/s)
      uppsala Uppsala Lab 1: Auto linear regression, both models, learning-rate sweep, unnormalised runs
      vu      VU Assignment 1: scalar SGD on load_synth, the 784-300-10 MLP on MNIST-5k and Fashion-MNIST
      ece285  ECE 285 Assignment 1: T = 100 full-batch steps and 5 minibatch epochs on MNIST-5k and Fashion-MNIST
      grading wall time of grading each lab's reference solution: SDK build, compile, run
      batch   a class of 200 generated submissions through `labgrade batch` [--assignment ID] [--count N] [--jobs N]
      fuzz    the wire decoder and the archive readers under mutated inputs [--iterations N] [--seed N]
      sandbox each reference's compile time unconfined and in the sandbox, interleaved
      numpy   LabKit and NumPy side by side: GEMM, VU Q5 and Q7, ECE 285 full batch, HLCV training
      flakes  each lab's reference and correct variants (every case with --all) at seeds 1…20: unexpected verdicts per check [--seeds N] [--assignment ID] [--all]
      all     every benchmark above but batch
    """

// The library's kernels must match this CPU before it initialises: re-executes once if not.
BLASKernel.restartWithBetterKernelsIfNeeded()

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 3
if let flag = arguments.firstIndex(of: "--repeat"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]), n > 0 {
    repeats = n
    arguments.removeSubrange(flag...(flag + 1))
}
switch arguments.first ?? "all" {
case "gemm":
    GemmBenchmark(repeats: repeats).run()
case "uppsala":
    UppsalaBenchmark().run()
case "vu":
    VUBenchmark().run()
case "ece285":
    ECE285Benchmark().run()
case "grading":
    GradingBenchmark(repeats: repeats).run()
case "batch":
    BatchBenchmark(arguments: Array(arguments.dropFirst())).run()
case "sandbox":
    SandboxBenchmark(repeats: repeats).run()
case "fuzz":
    FuzzBenchmark(arguments: Array(arguments.dropFirst())).run()
case "flakes":
    FlakeBenchmark(arguments: Array(arguments.dropFirst())).run()
case "numpy":
    NumPyBenchmark().run()
case "all":
    GemmBenchmark(repeats: repeats).run()
    GradingBenchmark(repeats: repeats).run()
    UppsalaBenchmark().run()
    VUBenchmark().run()
    ECE285Benchmark().run()
default:
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
