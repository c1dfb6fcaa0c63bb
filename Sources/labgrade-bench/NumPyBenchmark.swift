// `labgrade-bench numpy`: LabKit and NumPy side by side on the same algorithms and the same data.
import Foundation
import LabKit
import Reference

/// Runs GEMM, VU Q5 (per-sample SGD, one epoch), VU Q7 (B = 8, 10 epochs), ECE 285's full-batch
/// T = 100 and HLCV's real-image training with LabKit and the reference solutions, then the same
/// with NumPy (python3, when it is there) on the very same inputs, and prints each pair and the
/// ratio. GEMM uses every core on both sides; the training runs one BLAS thread on both, as
/// grading does. The final losses are printed beside the times, to show the two computed the same.
struct NumPyBenchmark {
    func run() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-numpy-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var inputs = Inputs(folder: folder)
            let ours = try labkit(&inputs)
            try inputs.writeManifest()
            print("LabKit: OpenBLAS \(BLASConfiguration.kernelDescription)")
            guard let theirs = numpy(folder) else {
                for figure in ours { print(String(format: "%-34@ LabKit %8.3f (%.6g)", figure.name, figure.seconds, figure.value)) }
                return
            }
            print("NumPy \(theirs["numpy"] as? String ?? "?"), BLAS \(theirs["blas"] as? String ?? "?")")
            print("workload                            LabKit     NumPy   LabKit/NumPy   final value (LabKit, NumPy)")
            for figure in ours {
                guard let entry = theirs[figure.key] as? [String: Any], let seconds = entry["seconds"] as? Double,
                    let value = entry["value"] as? Double
                else { continue }
                if figure.key == "gemm" {
                    print(String(format: "%-34@ %6.1f GFLOP/s %6.1f GFLOP/s   %.2f× NumPy's rate", figure.name, figure.value, value, figure.value / value))
                } else {
                    print(String(format: "%-34@ %7.3f s %7.3f s   %5.2f          %.10g, %.10g", figure.name, figure.seconds, seconds,
                                 figure.seconds / seconds, figure.value, value))
                }
            }
        } catch {
            print("numpy benchmark: \(error)")
        }
    }

    /// Times each workload with LabKit, writing its inputs for NumPy on the way.
    private func labkit(_ inputs: inout Inputs) throws -> [(name: String, key: String, seconds: Double, value: Double)] {
        var figures = [(name: String, key: String, seconds: Double, value: Double)]()
        // GEMM with every core.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        BLASConfiguration.setThreads(cores)
        var fill = NumPyRandomState(seed: 1)
        let a = fill.randn(rows: 60000, cols: 784), b = fill.randn(rows: 784, cols: 300)
        try inputs.write("gemm_a", a)
        try inputs.write("gemm_b", b)
        var product = Matrix.zeros(rows: 60000, cols: 300)
        let best = (0..<5).map { _ in timed { Matrix.multiply(a, b, into: &product) }.seconds }.min()!
        figures.append(("GEMM 60000×784 · 784×300, \(cores) threads", "gemm", best, 2.0 * 60000 * 784 * 300 / best / 1e9))
        BLASConfiguration.setThreads(1)

        // VU: Questions 5 and 7 on MNIST-5k.
        let vu = VUAssignment1()
        let data = try VUData.loadMNIST5k()
        var random = NumPyRandomState(seed: 0)
        let initial = VUInitialisation.standardNormal(inputs: 784, hidden: 300, outputs: 10, random: &random)
        try inputs.write("vu_x", data.xtrain)
        try inputs.write("vu_y", data.ytrain)
        try inputs.write("vu_xval", data.xval)
        try inputs.write("vu_yval", data.yval)
        try inputs.write(initial, prefix: "vu")
        var copy = random
        try inputs.write("vu_q5_order", copy.permutation(data.xtrain.rows))
        let q5 = timed { vu.sgdEpoch(data.xtrain, labels: data.ytrain, from: initial, learningRate: 0.003, random: &random) }
        figures.append(("VU Q5 SGD, one epoch, \(data.xtrain.rows) rows", "vu_q5", q5.seconds, q5.value.epochLosses[0]))
        var q7Random = random
        copy = random
        try inputs.write("vu_q7_orders", (0..<10).flatMap { _ in copy.permutation(data.xtrain.rows) }, rows: 10)
        let q7 = timed {
            vu.train(
                data.xtrain, labels: data.ytrain, validation: data.xval, validationLabels: data.yval, from: initial,
                options: VUTrainingOptions(), random: &q7Random)
        }
        figures.append(("VU Q7 B = 8, 10 epochs, \(data.xtrain.rows) rows", "vu_q7", q7.seconds, q7.value.epochLosses.last ?? .nan))

        // ECE 285: Question 18, T = 100 full-batch steps on MNIST-5k's 4000 training images.
        let ece = ECE285Assignment1()
        let (images, labels) = try ECE285Data.load(.mnist5k, split: .train)
        let x = ece.normalizeMNISTImages(images), d = ece.labelToOneHot(labels, classes: 10)
        var eceRandom = NumPyRandomState(seed: 0)
        let net = ECE285Network.initShallow(Ni: x.rows, Nh: ECE285Network.hiddenSize, No: 10, random: &eceRandom)
        try inputs.write("ece_x", x)
        try inputs.write("ece_d", d)
        try inputs.write(net, prefix: "ece")
        let full = timed { ece.backpropShallow(x, d, net, T: 100, gamma: 0.05) }
        figures.append(("ECE 285 full batch, T = 100, \(x.cols) images", "ece_full", full.seconds, full.value.lossHistory.last ?? .nan))

        // HLCV: Question 3 b)'s training as the grader asks for it.
        let train = try Datasets.mnist5k(split: .train)
        let hlcvX = (train.images - train.images.mean(axis: 0)) / 255
        var hlcvRandom = NumPyRandomState(seed: 7)
        let hlcvInitial = HLCVToyProblem.initialParameters(inputSize: 784, hiddenSize: 50, outputSize: 10, std: 1e-2, random: &hlcvRandom)
        let options = HLCVTrainingOptions(learningRate: 0.5, learningRateDecay: 0.95, reg: 1e-4, iterations: 300, batchSize: 200)
        try inputs.write("hlcv_x", hlcvX)
        try inputs.write("hlcv_y", train.labels)
        try inputs.write(hlcvInitial, prefix: "hlcv")
        var batchRandom = hlcvRandom
        try inputs.write("hlcv_batches", (0..<300).flatMap { _ in batchRandom.choice(hlcvX.rows, count: 200) }, rows: 300)
        let hlcv = timed {
            HLCVExercise2().train(
                hlcvX, labels: train.labels, validation: hlcvX[rows: Array(0..<200)], validationLabels: Array(train.labels.prefix(200)),
                from: hlcvInitial, options: options, random: &hlcvRandom)
        }
        figures.append(("HLCV SGD, 300 × B = 200, \(hlcvX.rows) rows", "hlcv", hlcv.seconds, hlcv.value.lossHistory.last ?? .nan))
        return figures
    }

    /// The NumPy side's figures, or `nil` (saying why) when python3 with NumPy is not there.
    private func numpy(_ folder: URL) -> [String: Any]? {
        guard let gemm = numpy(folder, part: "gemm", threads: nil), let training = numpy(folder, part: "training", threads: 1)
        else { return nil }
        return gemm.merging(training) { first, _ in first }
    }

    /// One part of the NumPy program, with `threads` BLAS threads or the library's default.
    private func numpy(_ folder: URL, part: String, threads: Int?) -> [String: Any]? {
        let script = folder.appendingPathComponent("workloads.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, part]
        var environment = ProcessInfo.processInfo.environment
        if let threads {
            for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = String(threads) }
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        do {
            try NumPyWorkloads.script.write(to: script, atomically: true, encoding: .utf8)
            try process.run()
        } catch {
            print("NumPy: python3 could not be started (\(error)); only LabKit's figures are shown")
            return nil
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let line = String(decoding: output, as: UTF8.self).split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            print("NumPy: python3 with NumPy is not available here (exit \(process.terminationStatus)); only LabKit's figures are shown")
            return nil
        }
        return object
    }

    private func timed<T>(_ body: () -> T) -> (value: T, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The inputs written for NumPy: raw little-endian arrays and their shapes in `manifest.json`.
    private struct Inputs {
        let folder: URL
        var manifest = [String: [String: Any]]()

        mutating func write(_ name: String, _ matrix: Matrix) throws {
            try matrix.elements.withUnsafeBytes { try Data($0).write(to: folder.appendingPathComponent(name)) }
            manifest[name] = ["type": "f8", "shape": [matrix.rows, matrix.cols]]
        }

        mutating func write(_ name: String, _ integers: [Int], rows: Int? = nil) throws {
            let values = integers.map { Int64($0) }
            try values.withUnsafeBytes { try Data($0).write(to: folder.appendingPathComponent(name)) }
            manifest[name] = ["type": "i8", "shape": rows.map { [$0, integers.count / $0] } ?? [integers.count]]
        }

        mutating func write(_ parameters: TwoLayerParameters, prefix: String) throws {
            try write("\(prefix)_w1", parameters.W1)
            try write("\(prefix)_b1", parameters.b1)
            try write("\(prefix)_w2", parameters.W2)
            try write("\(prefix)_b2", parameters.b2)
        }

        func writeManifest() throws {
            try JSONSerialization.data(withJSONObject: manifest).write(to: folder.appendingPathComponent("manifest.json"))
        }
    }
}
