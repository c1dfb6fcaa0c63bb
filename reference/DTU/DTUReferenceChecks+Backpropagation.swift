// DTUReferenceChecks+Backpropagation: backpropagation (Exercises i–l) against central differences.
import LabKit

extension DTUReferenceChecks {
    /// The loss `E` of outputs `Y` against targets `T`, through the reference's Exercise e and g answers.
    static func lossValue(_ Y: Matrix, _ T: Matrix, _ loss: DTULoss) -> Double {
        switch loss {
        case .sumOfSquares: return DTULoss.sumOfSquaresError(outputs: Y, targets: T)
        case .gaussianNegativeLogLikelihood(let variance):
            return lab.gaussianNegativeLogLikelihood(outputs: Y, targets: T, variance: variance)
        case .crossEntropy: return lab.crossEntropy(outputs: Y, targets: T)
        }
    }

    /// The problem cut down to its first sample: the single training example of Exercises i–k.
    static func firstSample(_ problem: DTUProblem) -> DTUProblem {
        DTUProblem(network: problem.network, inputs: problem.inputs[rows: 0..<1], targets: problem.targets[rows: 0..<1])
    }

    /// Exercises i and k: `δ⁽ᴸ⁾` vs the central-difference gradient of `E` in the output pre-activations.
    static func outputDeltaError(_ problem: DTUProblem, _ loss: DTULoss) -> Double {
        let network = problem.network
        let outputActivation = network.activations[network.layerCount - 1]
        let a = lab.forward(problem.inputs, through: network).a[network.layerCount - 1]
        let analytic: Matrix
        switch loss {
        case .crossEntropy: analytic = lab.classificationOutputDelta(logits: a, targets: problem.targets)
        case .sumOfSquares:
            analytic = lab.regressionOutputDelta(
                preActivations: a, targets: problem.targets, outputActivation: outputActivation)
        case .gaussianNegativeLogLikelihood:
            analytic =
                lab.batchBackpropagate(problem.inputs, targets: problem.targets, through: network, loss: loss)
                .deltas[network.layerCount - 1]
        }
        let numerical = GradientCheck.numericalGradient(at: a) {
            lossValue(outputActivation.apply($0), problem.targets, loss)
        }
        return GradientCheck.relativeError(analytic, numerical)
    }

    /// Exercises j and l: every `∂E/∂w⁽ˡ⁾` vs central differences of `E` in that layer's weights;
    /// the largest relative error over the layers.
    static func weightGradientError(_ problem: DTUProblem, _ loss: DTULoss) -> Double {
        let analytic =
            problem.inputs.rows == 1
            ? lab.backpropagate(problem.inputs, target: problem.targets, through: problem.network, loss: loss).gradients
            : batchGradients(problem, loss)
        var worst = 0.0
        for l in problem.network.weights.indices {
            let numerical = GradientCheck.numericalGradient(at: problem.network.weights[l]) { w in
                var network = problem.network
                network.weights[l] = w
                return lossValue(lab.forward(problem.inputs, through: network).y, problem.targets, loss)
            }
            worst = Swift.max(worst, GradientCheck.relativeError(analytic[l], numerical))
        }
        return worst
    }

    /// Exercise j: every hidden `δ⁽ˡ⁾` (`l < L`) vs central differences of `E` in `a⁽ˡ⁾`, the rest of
    /// the network run forward from `z⁽ˡ⁾ = h_l(a⁽ˡ⁾)`; the largest relative error over the layers.
    static func hiddenDeltaError(_ problem: DTUProblem, _ loss: DTULoss) -> Double {
        let network = problem.network
        let pass = lab.forward(problem.inputs, through: network)
        let deltas = lab.batchBackpropagate(problem.inputs, targets: problem.targets, through: network, loss: loss)
            .deltas
        var worst = 0.0
        for l in 1..<network.layerCount {
            let rest = DTUNetwork(
                weights: Array(network.weights[l...]), activations: Array(network.activations[l...]))
            let numerical = GradientCheck.numericalGradient(at: pass.a[l - 1]) { a in
                let z = network.activations[l - 1].apply(a)
                return lossValue(lab.forward(z, through: rest).y, problem.targets, loss)
            }
            worst = Swift.max(worst, GradientCheck.relativeError(deltas[l - 1], numerical))
        }
        return worst
    }

    /// Exercise l: the batch gradient vs the sum of the single-example gradients of Exercise j.
    static func batchSumError(_ problem: DTUProblem, _ loss: DTULoss) -> Double {
        var sum = problem.network.weights.map { Matrix.zeros(like: $0) }
        for n in 0..<problem.inputs.rows {
            let single = lab.backpropagate(
                problem.inputs[rows: n..<(n + 1)], target: problem.targets[rows: n..<(n + 1)],
                through: problem.network, loss: loss)
            for l in sum.indices { sum[l] += single.gradients[l] }
        }
        return zip(batchGradients(problem, loss), sum).map { GradientCheck.relativeError($0, $1) }.max() ?? .nan
    }
}
