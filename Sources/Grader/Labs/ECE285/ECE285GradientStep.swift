// ECE285GradientStep: Question 17's update_shallow judged as what it must be — one step of gradient
// descent, −(γ/N)·∇E, on the summed cross-entropy E = −Σ d log y.
import Foundation
import LabKit
import Reference

/// Checks that the step an `updateShallow` takes, scaled by `N/γ`, is `∇E` along random directions.
///
/// `E` is evaluated by the host with the reference forward pass, so the verdict does not depend on
/// the student's other exercises. Each parameter matrix gets its own random unit directions `v`;
/// `⟨step·N/γ, v⟩` must match `(E(θ + hv) − E(θ − hv)) / 2h` within `relative ×` the larger of the
/// two and of the true gradient's norm. Directions whose step would move a hidden potential across
/// the ReLU kink are redrawn, since E has no derivative there.
enum ECE285GradientStep {
    /// Directions per parameter matrix.
    static let directions = 2
    /// The finite-difference step along a unit direction.
    static let h = 1e-5

    private static var parameters: [(name: String, path: WritableKeyPath<TwoLayerParameters, Matrix>)] {
        [("W1", \.W1), ("b1", \.b1), ("W2", \.W2), ("b2", \.b2)]
    }

    static func verify(
        published: Bool, _ tolerance: Check.ValueTolerance, _ random: inout NumPyRandomState, _ call: ECE285Properties.Call
    ) throws -> InstanceOutcome {
        let problem = published ? try ECE285Instances.publishedProblem() : ECE285Instances.randomProblem(&random)
        let gamma = published ? ECE285Network.gamma : [0.05, 0.1, 0.5][random.randint(high: 3)]
        let (x, d, net) = (problem.x, problem.d, problem.net)
        let updated: TwoLayerParameters
        do {
            let request = try OracleRequest("updateShallow", ("x", x), ("d", d), ("net", net), ("gamma", gamma))
            updated = try ECE285Properties.value(call(request), as: TwoLayerParameters.self)
        } catch let failure as ECE285Properties.InstanceFailure {
            return failure.outcome
        }
        let N = Double(x.cols), scale = N / gamma
        let reference = ECE285Assignment1().updateShallow(x, d, net, gamma: gamma)
        for (name, path) in parameters {
            let start = net[keyPath: path], end = updated[keyPath: path]
            guard end.rows == start.rows, end.cols == start.cols else {
                return InstanceOutcome(status: .fail, message: "the updated \(name) has shape \(end.shapeDescription), expected \(start.shapeDescription)")
            }
            guard end.isFinite else { return InstanceOutcome(status: .fail, message: "the updated \(name) has NaN or infinite entries") }
            let step = (start - end) * scale
            let gradientNorm = ((start - reference[keyPath: path]) * scale).sumOfSquares().squareRoot()
            for _ in 0..<directions {
                let v = direction(for: path, in: problem, &random)
                var plus = net, minus = net
                plus[keyPath: path] += h * v
                minus[keyPath: path] -= h * v
                let numerical = (loss(x, d, plus) - loss(x, d, minus)) / (2 * h)
                let yours = (step * v).sum()
                let bound = tolerance.absolute + tolerance.relative * Swift.max(Swift.abs(yours), Swift.abs(numerical), gradientNorm)
                guard Swift.abs(yours - numerical) > bound else { continue }
                return InstanceOutcome(
                    status: .fail,
                    message: "(net − updateShallow(x, d, net, γ)) · N/γ should be the gradient of E = −Σ d log y "
                        + "(N = \(x.cols), γ = \(gamma)); along a random direction in \(name) it gives "
                        + "\(ECE285Properties.format(yours)), finite differences of E give \(ECE285Properties.format(numerical))",
                    diagnosis: diagnosis(ratio: yours / numerical, N: x.cols))
            }
        }
        return .pass
    }

    /// E = −Σ d log y of the reference forward pass: the loss whose gradient update_shallow follows.
    private static func loss(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters) -> Double {
        -(d * log(ECE285Assignment1().forwardpropShallow(x, net))).sum()
    }

    /// A random unit direction for one parameter matrix; for `W1` and `b1`, one whose step `h`
    /// moves no hidden potential across 0 (redrawn a few times, then taken as it is).
    private static func direction(
        for path: WritableKeyPath<TwoLayerParameters, Matrix>, in problem: ECE285Problem, _ random: inout NumPyRandomState
    ) -> Matrix {
        let shape = problem.net[keyPath: path]
        let a1 = (problem.net.W1.dot(problem.x) + problem.net.b1).abs()
        var v = Matrix.zeros(like: shape)
        for _ in 0..<10 {
            v = random.randn(rows: shape.rows, cols: shape.cols)
            v /= v.sumOfSquares().squareRoot()
            let shift: Matrix
            switch path {
            case \TwoLayerParameters.W1: shift = h * v.dot(problem.x)
            case \TwoLayerParameters.b1: shift = h * v + Matrix.zeros(like: a1)
            default: return v
            }
            if (a1 - shift.abs()).min() > 0 { return v }
        }
        return v
    }

    /// What a ratio between the student's step and the gradient step suggests.
    private static func diagnosis(ratio: Double, N: Int) -> Diagnosis? {
        // One directional derivative: only a named factor (N, 1/N, −1, 2, ½) says something.
        guard let found = Diagnosis.factor(ratio, of: "Your step (along this direction)", samples: N), found.kind != .constantFactor else {
            return nil
        }
        return found.kind == .sumNotMean ? Diagnosis(.sumNotMean, found.text + " Divide γ by N = x.cols, the batch size.") : found
    }
}
