// DTUExercise1: the model solution of DTU 02456 Exercise 1, Exercises a–l, written as formulas.
import Foundation
import LabKit

/// The reference derivations: forward recursion, losses by maximum likelihood, backpropagation.
///
/// Rows are samples throughout, so the lab's `a_j = Σ_i w_ji x_i` becomes `a = x̃ wᵀ` with
/// `x̃ = [1, x]` the input with its constant bias entry prepended.
public struct DTUExercise1: DTUPenAndPaperLab {
    public init() {}

    /// `[1, x]`: each row with the constant input `x_0 = 1` (or `z_0⁽ˡ⁾ = 1`) of Eq. 3 prepended.
    private func withBiasInput(_ x: Matrix) -> Matrix {
        Matrix.hstack([.ones(rows: x.rows, cols: 1), x])
    }

    /// `a = Σ_i w_ji x_i` for every sample (row) of `x`, the sum running from the bias term 0.
    private func linear(_ x: Matrix, _ w: Matrix) -> Matrix {
        Matrix.product(withBiasInput(x), w, transposeB: true)
    }

    public func outputWithOneHiddenLayer(_ x: Matrix, w1: Matrix, w2: Matrix, h1: DTUActivation, h2: DTUActivation)
        -> Matrix
    {
        h2.apply(linear(h1.apply(linear(x, w1)), w2))
    }

    public func outputWithTwoHiddenLayers(
        _ x: Matrix, w1: Matrix, w2: Matrix, w3: Matrix, h1: DTUActivation, h2: DTUActivation, h3: DTUActivation
    ) -> Matrix {
        h3.apply(linear(h2.apply(linear(h1.apply(linear(x, w1)), w2)), w3))
    }

    public func forward(_ x: Matrix, through network: DTUNetwork) -> DTUForwardPass {
        var pass = DTUForwardPass(a: [], z: [])
        var input = x
        for (w, h) in zip(network.weights, network.activations) {
            let a = linear(input, w)
            input = h.apply(a)
            pass.a.append(a)
            pass.z.append(input)
        }
        return pass
    }

    public func collapsedLinearWeights(_ weights: [Matrix]) -> Matrix {
        guard var collapsed = weights.first else { return Matrix([]) }
        for w in weights.dropFirst() {
            // [1; a⁽ˡ⁻¹⁾] = [e_0; w̃] x̃: the constant 1 passes through as the first row.
            var biasRow = Matrix.zeros(rows: 1, cols: collapsed.cols)
            biasRow[0, 0] = 1
            collapsed = w.dot(Matrix.vstack([biasRow, collapsed]))
        }
        return collapsed
    }

    public func gaussianNegativeLogLikelihood(outputs: Matrix, targets: Matrix, variance: Double) -> Double {
        let ND = Double(targets.count)
        let E = DTULoss.sumOfSquaresError(outputs: outputs, targets: targets)
        return ND / 2 * log(2 * Double.pi * variance) + E / (2 * variance)
    }

    public func maximumLikelihoodVariance(outputs: Matrix, targets: Matrix) -> Double {
        DTULoss.sumOfSquaresError(outputs: outputs, targets: targets) / Double(targets.count)
    }

    public func crossEntropy(outputs: Matrix, targets: Matrix) -> Double {
        var E = 0.0
        for (y, t) in zip(outputs.elements, targets.elements) where t != 0 {
            // 0 · log 0 is 0 in the limit; skipping t = 0 also keeps log 0 out of the sum.
            E -= t * log(y)
        }
        return E
    }

    public func minibatchGradientScale(datasetSize: Int, batchSize: Int) -> Double {
        Double(batchSize) / Double(datasetSize)
    }

    public func classificationOutputDelta(logits: Matrix, targets: Matrix) -> Matrix {
        DTUActivation.softmax.apply(logits) - targets
    }

    public func backpropagate(_ x: Matrix, target: Matrix, through network: DTUNetwork, loss: DTULoss)
        -> DTUBackwardPass
    {
        batchBackpropagate(x, targets: target, through: network, loss: loss)
    }

    public func regressionOutputDelta(preActivations: Matrix, targets: Matrix, outputActivation: DTUActivation)
        -> Matrix
    {
        2 * (outputActivation.apply(preActivations) - targets) * outputActivation.derivative(preActivations)
    }

    public func batchBackpropagate(_ X: Matrix, targets: Matrix, through network: DTUNetwork, loss: DTULoss)
        -> DTUBackwardPass
    {
        let pass = forward(X, through: network)
        let L = network.layerCount
        guard L > 0 else { return DTUBackwardPass(deltas: [], gradients: []) }
        var deltas = [Matrix](repeating: Matrix([]), count: L)
        var gradients = [Matrix](repeating: Matrix([]), count: L)
        deltas[L - 1] = outputDelta(pass, targets: targets, outputActivation: network.activations[L - 1], loss: loss)
        for l in stride(from: L, through: 1, by: -1) {
            let previous = l == 1 ? X : pass.z[l - 2]
            // Eq. 8 summed over n: ∂E/∂w_ji = Σ_n δ_nj z_ni, with z_n0 = 1 for the bias.
            gradients[l - 1] = Matrix.product(deltas[l - 1], withBiasInput(previous), transposeA: true)
            if l > 1 {
                // Eq. 9: the bias column of w⁽ˡ⁾ feeds no unit of layer l − 1, so it drops out.
                let w = network.weights[l - 1][cols: 1..<network.weights[l - 1].cols]
                deltas[l - 2] = deltas[l - 1].dot(w) * network.activations[l - 2].derivative(pass.a[l - 2])
            }
        }
        return DTUBackwardPass(deltas: deltas, gradients: gradients)
    }

    /// `δ⁽ᴸ⁾ = ∂E/∂a⁽ᴸ⁾` for each loss (Exercises i and k).
    private func outputDelta(
        _ pass: DTUForwardPass, targets: Matrix, outputActivation: DTUActivation, loss: DTULoss
    ) -> Matrix {
        let a = pass.a[pass.a.count - 1]
        switch loss {
        case .crossEntropy:
            return classificationOutputDelta(logits: a, targets: targets)
        case .sumOfSquares:
            return regressionOutputDelta(preActivations: a, targets: targets, outputActivation: outputActivation)
        case .gaussianNegativeLogLikelihood(let variance):
            // The NLL is E/(2σ²) plus a constant in w, so its δ is the sum-of-squares δ over 2σ².
            let delta = regressionOutputDelta(
                preActivations: a, targets: targets, outputActivation: outputActivation)
            return delta / (2 * variance)
        }
    }
}
