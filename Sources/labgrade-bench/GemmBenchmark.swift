// GemmBenchmark: times Matrix.dot against a raw cblas_dgemm into a preallocated result.
import COpenBLAS
import Foundation
import LabKit

/// Compares LabKit's matrix product with the bare BLAS call on the lab-sized shapes.
struct GemmBenchmark {
    /// How often each product runs; the best time counts.
    let repeats: Int

    func run() {
        print("OpenBLAS \(String(cString: openblas_get_config())), core \(String(cString: openblas_get_corename())), "
            + "\(openblas_get_num_threads()) thread(s); best of \(repeats)")
        var random = NumPyLikeFill(seed: 1)
        let a = random.matrix(rows: 60000, cols: 784)
        for n in [64, 300] {
            let b = random.matrix(rows: 784, cols: n)
            let flops = 2.0 * 60000 * 784 * Double(n)
            var c = [Double](repeating: 0, count: 60000 * n)
            var result = Matrix.zeros(rows: 60000, cols: n)
            let raw = best { rawGemm(a, b, into: &c) }
            let reused = best { Matrix.multiply(a, b, into: &result) }
            let fresh = best { _ = a.dot(b) }
            let rawFresh = best {
                var fresh = [Double](unsafeUninitializedCapacity: 60000 * n) { _, count in count = 60000 * n }
                rawGemm(a, b, into: &fresh)
            }
            print("60000×784 · 784×\(n)  (\(String(format: "%.2f", flops / 1e9)) GFLOP)")
            report("raw cblas_dgemm, preallocated C", raw, flops, against: raw)
            report("Matrix.multiply(into:), reused", reused, flops, against: raw)
            report("raw cblas_dgemm, fresh C", rawFresh, flops, against: rawFresh)
            report("Matrix.dot, fresh result", fresh, flops, against: rawFresh)
        }
    }

    private func report(_ label: String, _ seconds: Double, _ flops: Double, against baseline: Double) {
        let figures = String(format: "%7.3f s %6.1f GFLOP/s  %+6.1f %%", seconds, flops / seconds / 1e9,
                             (seconds / baseline - 1) * 100)
        print("  " + label.padding(toLength: 34, withPad: " ", startingAt: 0) + figures)
    }

    private func best(_ body: () -> Void) -> Double {
        var times = [Double]()
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.min() ?? .nan
    }

    private func rawGemm(_ a: Matrix, _ b: Matrix, into c: inout [Double]) {
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(a.rows), Int32(b.cols), Int32(a.cols),
                        1, pa.baseAddress, Int32(a.cols), pb.baseAddress, Int32(b.cols), 0, pc.baseAddress, Int32(b.cols))
                }
            }
        }
    }
}

/// A cheap deterministic filler (SplitMix64), so the benchmark needs no data files.
struct NumPyLikeFill {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53) - 0.5
    }

    mutating func matrix(rows: Int, cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, elements: (0..<rows * cols).map { _ in next() })
    }
}
