// DTUTestSupport: random networks of random shapes, the loss of a network, and comparisons that say where.
import LabKit
import Reference
import XCTest

/// Seeded random points for the DTU property tests: many networks of many shapes.
enum DTURandomPoints {
    /// The elementwise activations hidden layers draw from.
    static let hiddenActivations: [DTUActivation] = [.tanh, .logisticSigmoid, .identity]

    /// One random problem per seed in `seeds`: `L` layers drawn from `layers`, sizes in 1…5 (2…5
    /// outputs for softmax), 1…4 samples, hidden activations from ``hiddenActivations``, `h_L = output`.
    static func problems(
        seeds: Range<UInt32> = 0..<40, layers: ClosedRange<Int> = 1...4, output: DTUActivation
    ) -> [(seed: UInt32, problem: DTUProblem)] {
        seeds.map { seed in
            var random = NumPyRandomState(seed: 7_000 + seed)
            let L = random.randint(low: layers.lowerBound, high: layers.upperBound + 1)
            var sizes = random.randint(low: 1, high: 6, count: L + 1)
            if output == .softmax { sizes[L] = random.randint(low: 2, high: 6) }
            let hidden = random.randint(low: 0, high: hiddenActivations.count, count: L - 1).map {
                hiddenActivations[$0]
            }
            let samples = random.randint(low: 1, high: 5)
            let problem = DTUProblem.random(
                layerSizes: sizes, activations: hidden + [output], samples: samples, random: &random)
            return (seed, problem)
        }
    }

    /// The problem cut down to sample `n`, as the single training example of Exercise j.
    static func sample(_ n: Int, of problem: DTUProblem) -> DTUProblem {
        DTUProblem(
            network: problem.network, inputs: problem.inputs[rows: n..<(n + 1)],
            targets: problem.targets[rows: n..<(n + 1)])
    }
}

/// The loss `E` of a network, written out independently of the reference's loss requirements.
enum DTUTestLoss {
    /// `E` for outputs `Y` and targets `T`, one sample per row, summed over samples.
    static func value(_ Y: Matrix, _ T: Matrix, _ loss: DTULoss) -> Double {
        switch loss {
        case .sumOfSquares:
            return (Y - T).sumOfSquares()
        case .gaussianNegativeLogLikelihood(let variance):
            return Double(T.count) / 2 * log(2 * Double.pi * variance) + (Y - T).sumOfSquares() / (2 * variance)
        case .crossEntropy:
            return zip(Y.elements, T.elements).reduce(0) { $0 - ($1.1 == 0 ? 0 : $1.1 * log($1.0)) }
        }
    }

    /// `E` of `network` on inputs `X` with targets `T`.
    static func value(_ network: DTUNetwork, _ X: Matrix, _ T: Matrix, _ loss: DTULoss) -> Double {
        value(DTUExercise1().forward(X, through: network).y, T, loss)
    }
}

/// Asserts `actual ≈ expected` entrywise (`|a − e| ≤ absolute + relative·|e|`), showing the first
/// few differing entries with their index and the `context` (exercise, parameter, seed).
func assertDTUClose(
    _ actual: Matrix, _ expected: Matrix, relative: Double, absolute: Double, _ context: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    guard actual.rows == expected.rows, actual.cols == expected.cols else {
        XCTFail(
            "\(context): shape \(actual.shapeDescription), expected \(expected.shapeDescription)", file: file,
            line: line)
        return
    }
    var differing = [String]()
    for i in 0..<actual.rows {
        for j in 0..<actual.cols
        where !(abs(actual[i, j] - expected[i, j]) <= absolute + relative * abs(expected[i, j])) {
            differing.append("[\(i), \(j)] \(actual[i, j]) vs \(expected[i, j])")
        }
    }
    if !differing.isEmpty {
        let shown = differing.prefix(3).joined(separator: "; ")
        XCTFail("\(context): \(differing.count) entries differ, e.g. \(shown)", file: file, line: line)
    }
}

/// Asserts an analytic gradient matches central differences: within `1e-7 · max(1, max |numerical|)`
/// plus `1e-6` relative, the slack central differences with `h = 1e-5` need.
func assertDTUGradient(
    _ analytic: Matrix, _ numerical: Matrix, _ context: String, file: StaticString = #filePath, line: UInt = #line
) {
    let scale = Swift.max(1, numerical.elements.map { abs($0) }.max() ?? 0)
    assertDTUClose(analytic, numerical, relative: 1e-6, absolute: 1e-7 * scale, context, file: file, line: line)
}
