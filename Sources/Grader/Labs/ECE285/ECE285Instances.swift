// ECE285Instances: the data ECE 285 Assignment 1's checks run on — the lab's seeded instances,
// MNIST-5k digits, and random shallow-network problems of other sizes.
import LabKit
import Reference

/// A shallow-network problem in the lab's layout: samples are the columns of `x` and `d`.
struct ECE285Problem {
    /// Inputs, `(Ni, N)`.
    var x: Matrix
    /// Class of every column of `x`.
    var labels: [Int]
    /// One-hot codes, `(No, N)`.
    var d: Matrix
    /// The starting network.
    var net: TwoLayerParameters
}

/// Makes the instances of ECE 285's checks. Everything random is drawn from the generator passed in.
enum ECE285Instances {
    /// Digits normalised to `[−1, 1]` (the reference's Question 4), samples as columns.
    typealias Digits = (x: Matrix, labels: [Int])

    /// MNIST-5k's training and test splits, normalised once per process.
    private static let digits: Result<(train: Digits, test: Digits), any Error> = Result {
        let lab = ECE285Assignment1()
        let train = try ECE285Data.load(.mnist5k, split: .train), test = try ECE285Data.load(.mnist5k, split: .test)
        return ((lab.normalizeMNISTImages(train.x), train.labels), (lab.normalizeMNISTImages(test.x), test.labels))
    }

    /// The MNIST-5k training digits (4,000, sorted by class).
    static func trainingDigits() throws -> Digits { try digits.get().train }

    /// The MNIST-5k test digits (1,000), only ever used by the host to judge trained networks.
    static func testDigits() throws -> Digits { try digits.get().test }

    /// The columns `indices` of `digits`.
    static func subset(_ digits: Digits, _ indices: [Int]) -> Digits {
        (digits.x[cols: indices], indices.map { digits.labels[$0] })
    }

    /// The published digits: every 20th training image, 20 of each class (200 columns).
    static func publishedDigits() throws -> Digits {
        let train = try trainingDigits()
        return subset(train, Array(stride(from: 0, to: train.labels.count, by: 20)))
    }

    /// The lab's starting network, `np.random.seed(0); init_shallow(784, 64, 10)`, and the stream after it.
    static func labNetwork(inputs: Int = 784, seed: UInt32 = 0) -> (net: TwoLayerParameters, random: NumPyRandomState) {
        var random = NumPyRandomState(seed: seed)
        let net = ECE285Network.initShallow(Ni: inputs, Nh: ECE285Network.hiddenSize, No: 10, random: &random)
        return (net, random)
    }

    /// The published shallow-network problem: the seed-0 network on the published digits.
    static func publishedProblem() throws -> ECE285Problem {
        let (x, labels) = try publishedDigits()
        return ECE285Problem(x: x, labels: labels, d: oneHot(labels, classes: 10), net: labNetwork().net)
    }

    /// One-hot codes as columns, `(classes, N)`.
    static func oneHot(_ labels: [Int], classes: Int) -> Matrix {
        Matrix.oneHot(labels, classes: classes).T
    }

    /// A small random problem (2–8 inputs, 2–9 hidden units, 2–6 classes, 3–15 samples) drawn with
    /// `init_shallow`, whose hidden potentials all stay at least `margin` from the ReLU kink.
    /// The sizes are drawn from `sizes` when given (so that several problems can share them).
    static func randomProblem(
        _ random: inout NumPyRandomState, margin: Double = 1e-3, sizes: NumPyRandomState? = nil
    ) -> ECE285Problem {
        let fixed = sizes.map { generator in
            var generator = generator
            return drawSizes(&generator)
        }
        while true {
            let (Ni, Nh, No, N) = fixed ?? drawSizes(&random)
            let net = ECE285Network.initShallow(Ni: Ni, Nh: Nh, No: No, random: &random)
            let x = 2 * random.randomSample(rows: Ni, cols: N) - 1
            let labels = random.randint(high: No, count: N)
            if (net.W1.dot(x) + net.b1).abs().min() >= margin {
                return ECE285Problem(x: x, labels: labels, d: oneHot(labels, classes: No), net: net)
            }
        }
    }

    /// Inputs, hidden units, classes and samples.
    private static func drawSizes(_ random: inout NumPyRandomState) -> (Int, Int, Int, Int) {
        (random.randint(low: 2, high: 9), random.randint(low: 2, high: 10), random.randint(low: 2, high: 7),
         random.randint(low: 3, high: 16))
    }

    /// `problem` with one hidden unit switched off: its weights and bias are 0, so its potential is
    /// exactly 0 on every sample and ReLU's derivative there decides whether it ever learns.
    static func withDeadUnit(_ problem: ECE285Problem, _ random: inout NumPyRandomState) -> ECE285Problem {
        var dead = problem
        let unit = random.randint(high: problem.net.W1.rows)
        for j in 0..<problem.net.W1.cols { dead.net.W1[unit, j] = 0 }
        dead.net.b1[unit, 0] = 0
        return dead
    }

    /// Potentials whose columns sit far up or down, `3·randn + offset_j` with `|offset_j| ≥ 750`:
    /// a softmax without the column-maximum shift overflows (or underflows to 0/0) on every column.
    static func largeLogits(rows: Int, cols: Int, _ random: inout NumPyRandomState) -> Matrix {
        let offsets = Matrix(row: (0..<cols).map { _ in
            (random.randomSample() < 0.5 ? -1.0 : 1.0) * (750 + 100 * Swift.abs(random.standardNormal()))
        })
        return 3 * random.randn(rows: rows, cols: cols) + offsets
    }

    /// A standard-normal matrix with about a fifth of its entries exactly 0 (ReLU's kink).
    static func withZeros(rows: Int, cols: Int, _ random: inout NumPyRandomState) -> Matrix {
        let a = random.randn(rows: rows, cols: cols)
        let keep = random.randomSample(rows: rows, cols: cols)
        return Matrix(rows: rows, cols: cols) { i, j in keep[i, j] < 0.2 ? 0 : a[i, j] }
    }

    /// Predictions for a check of `eval_loss` or `eval_perfs`: the softmax of `2·randn(No, N)`.
    static func randomPredictions(classes: Int, samples: Int, _ random: inout NumPyRandomState) -> Matrix {
        ECE285Assignment1().softmax(2 * random.randn(rows: classes, cols: samples))
    }
}
