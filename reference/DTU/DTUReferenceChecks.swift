// DTUReferenceChecks: the lab's identities evaluated at seeded random points, one number per identity.
import Foundation
import LabKit

/// Computations behind the DTU rows: each returns an error measure that is ~0 when the identity holds.
///
/// Relative errors are `GradientCheck.relativeError` (entrywise `|a − b| / max(1e-8, |a| + |b|)`);
/// numerical derivatives are its central differences with `h = 1e-5`.
enum DTUReferenceChecks {
    static let lab = DTUExercise1()

    // MARK: Forward recursion (Exercises a–d)

    /// Exercises a–c: the lab's formula as explicit sums over indices vs the reference's
    /// closed-form requirement (`closedForm`, when given) and its recursion of Eq. 4–7.
    static func forwardError(_ problem: DTUProblem, closedForm: ((DTUProblem) -> Matrix)? = nil) -> Double {
        let sums = explicitSums(problem.inputs, problem.network)
        var error = GradientCheck.relativeError(lab.forward(problem.inputs, through: problem.network).y, sums)
        if let closedForm {
            error = Swift.max(error, GradientCheck.relativeError(closedForm(problem), sums))
        }
        return error
    }

    /// Exercise d: a network with every `h_l(a) = a` against the single linear model `x̃ w̃ᵀ`.
    static func collapsedLinearError(_ problem: DTUProblem) -> Double {
        let weights = problem.network.weights
        let linear = DTUNetwork(weights: weights, activations: weights.map { _ in .identity })
        let collapsed = DTUNetwork(weights: [lab.collapsedLinearWeights(weights)], activations: [.identity])
        return GradientCheck.relativeError(
            lab.forward(problem.inputs, through: linear).y, explicitSums(problem.inputs, collapsed))
    }

    /// `y_j = h(Σ_{i=0} w_ji z_i)` layer by layer with loops over the indices, `z_0 = 1`.
    static func explicitSums(_ X: Matrix, _ network: DTUNetwork) -> Matrix {
        var rows = [Matrix]()
        for n in 0..<X.rows {
            var z = X.row(n).elements
            for (w, h) in zip(network.weights, network.activations) {
                var a = [Double](repeating: 0, count: w.rows)
                for j in 0..<w.rows {
                    a[j] = w[j, 0]
                    for i in 1..<w.cols { a[j] += w[j, i] * z[i - 1] }
                }
                z = h.apply(Matrix(row: a)).elements
            }
            rows.append(Matrix(row: z))
        }
        return Matrix.vstack(rows)
    }

    // MARK: Losses (Exercises e–h)

    /// Exercise e: the NLL formula vs `−log Π_n 𝒩(t_n | y(x_n), σ²I)` from the Gaussian density.
    static func gaussianLikelihoodError(_ problem: DTUProblem, variance: Double) -> Double {
        let Y = lab.forward(problem.inputs, through: problem.network).y
        let T = problem.targets
        var density = 1.0
        for n in 0..<T.rows {
            let squaredDistance = (Y.row(n) - T.row(n)).sumOfSquares()
            density *= pow(2 * Double.pi * variance, -Double(T.cols) / 2) * exp(-squaredDistance / (2 * variance))
        }
        return scalarError(lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: variance), -log(density))
    }

    /// Exercise f: `d NLL / d log σ²` at `σ²_ML`, by central differences, divided by `ND/2`.
    ///
    /// The step `1e-5 σ²` keeps the truncation error (`(2/3)(h/σ²)²` here) and the round-off of the
    /// difference near 1e-11.
    static func varianceStationarity(_ problem: DTUProblem) -> Double {
        let (Y, T) = (lab.forward(problem.inputs, through: problem.network).y, problem.targets)
        let s = lab.maximumLikelihoodVariance(outputs: Y, targets: T)
        let h = 1e-5 * s
        let plus = lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: s + h)
        let minus = lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: s - h)
        return Swift.abs((plus - minus) / (2 * h)) * s / (Double(T.count) / 2)
    }

    /// Exercise f: `NLL(σ²_ML) − min(NLL(0.99 σ²_ML), NLL(1.01 σ²_ML))`, negative at a minimum.
    static func varianceMinimumGap(_ problem: DTUProblem) -> Double {
        let (Y, T) = (lab.forward(problem.inputs, through: problem.network).y, problem.targets)
        let s = lab.maximumLikelihoodVariance(outputs: Y, targets: T)
        let nll = { (variance: Double) in lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: variance)
        }
        return nll(s) - Swift.min(nll(0.99 * s), nll(1.01 * s))
    }

    /// Exercise f: `2σ² ∇_w NLL` vs `∇_w E`, so both vanish at the same `w` whatever `σ²` is.
    static func likelihoodGradientProportionality(_ problem: DTUProblem, variance: Double) -> Double {
        let nll = batchGradients(problem, .gaussianNegativeLogLikelihood(variance: variance))
        let sumOfSquares = batchGradients(problem, .sumOfSquares)
        return zip(nll, sumOfSquares).map { GradientCheck.relativeError(2 * variance * $0, $1) }.max() ?? .nan
    }

    /// Exercise g: the cross-entropy vs `−log Π_n Π_k y_k(x_n)^{t_nk}`.
    static func crossEntropyLikelihoodError(_ problem: DTUProblem) -> Double {
        let Y = lab.forward(problem.inputs, through: problem.network).y
        let likelihood = zip(Y.elements, problem.targets.elements).reduce(1.0) { $0 * pow($1.0, $1.1) }
        return scalarError(lab.crossEntropy(outputs: Y, targets: problem.targets), -log(likelihood))
    }

    /// Exercise i (hint): the cross-entropy vs `−Σ_k t_k a_k + log Σ_k exp a_k` summed over samples.
    static func crossEntropyLogitFormError(_ problem: DTUProblem) -> Double {
        let pass = lab.forward(problem.inputs, through: problem.network)
        let a = pass.a[pass.a.count - 1]
        let logSumExp = log(exp(a - a.max(axis: 1)).sum(axis: 1)) + a.max(axis: 1)
        let logitForm = -(problem.targets * a).sum() + logSumExp.sum()
        return scalarError(lab.crossEntropy(outputs: pass.y, targets: problem.targets), logitForm)
    }

    /// Exercise h: the mean of `∇E_S` over every subset `S` of `batchSize` samples vs `c · ∇E`.
    static func minibatchAverageError(_ problem: DTUProblem, batchSize: Int, loss: DTULoss) -> Double {
        let N = problem.inputs.rows
        let subsets = combinations(of: Array(0..<N), size: batchSize)
        var mean = problem.network.weights.map { Matrix.zeros(like: $0) }
        for subset in subsets {
            let gradients = lab.batchBackpropagate(
                problem.inputs[rows: subset], targets: problem.targets[rows: subset], through: problem.network,
                loss: loss
            ).gradients
            for l in mean.indices { mean[l] += gradients[l] / Double(subsets.count) }
        }
        let scale = lab.minibatchGradientScale(datasetSize: N, batchSize: batchSize)
        return zip(mean, batchGradients(problem, loss)).map { GradientCheck.relativeError($0, scale * $1) }.max()
            ?? .nan
    }

    static func combinations(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard let first = items.first else { return [] }
        let rest = Array(items.dropFirst())
        return combinations(of: rest, size: size - 1).map { [first] + $0 } + combinations(of: rest, size: size)
    }

    static func scalarError(_ a: Double, _ b: Double) -> Double {
        GradientCheck.relativeError(Matrix([[a]]), Matrix([[b]]))
    }

    static func batchGradients(_ problem: DTUProblem, _ loss: DTULoss) -> [Matrix] {
        lab.batchBackpropagate(problem.inputs, targets: problem.targets, through: problem.network, loss: loss)
            .gradients
    }
}
