// DTUProperties+Backpropagation: backpropagation (Exercises j and l) judged against the student's own
// forward pass and loss, and the batch gradient against the sum of the per-sample gradients.
import LabKit

extension DTUProperties {
    /// Exercise j: every `∂E/∂w⁽ˡ⁾` of `backpropagate` agrees with central differences of your
    /// forward pass and loss, for one training example. The published instance runs the first
    /// sample of the classification problem (cross-entropy) and of the regression problem (sum of
    /// squares); a random one draws the network and the loss.
    func singleExampleGradients(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let cases: [(DTUProblem, DTULoss)] =
            published
            ? [(DTUInstances.sample(0, of: .classification), .crossEntropy), (DTUInstances.sample(0, of: .regression), .sumOfSquares)]
            : [DTUInstances.backpropagationProblem(samples: 1, random: &random)]
        for (problem, loss) in cases {
            let pass = try student.backward(DTURequests.backpropagate(problem, loss), problem)
            if let failure = try gradientsDisagree(pass, problem, loss, random: &random) { return failure }
        }
        return .pass
    }

    /// Exercise l: every `∂E/∂w⁽ˡ⁾` of `batchBackpropagate` agrees with central differences of your
    /// forward pass and loss summed over the samples, `E = Σ_n E_n`.
    func batchGradients(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let (problem, loss) =
            published
            ? (DTUProblem.regression, DTULoss.sumOfSquares)
            : DTUInstances.batchProblem(&random)
        let pass = try student.backward(DTURequests.batchBackpropagate(problem, loss), problem)
        return try gradientsDisagree(pass, problem, loss, random: &random) ?? .pass
    }

    /// Exercise l: `batchBackpropagate`'s gradients are the sums over `n` of `backpropagate`'s
    /// gradients for each sample alone, and its `δ⁽ˡ⁾` has their `δ⁽ˡ⁾` as rows.
    func batchIsSumOfSamples(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let (problem, loss) =
            published
            ? (DTUProblem.classification, DTULoss.crossEntropy)
            : DTUInstances.batchProblem(&random)
        let batch = try student.backward(DTURequests.batchBackpropagate(problem, loss), problem)
        var sums = problem.network.weights.map { Matrix.zeros(like: $0) }
        var deltaRows = problem.network.weights.map { _ in [Matrix]() }
        for n in 0..<problem.inputs.rows {
            let sample = DTUInstances.sample(n, of: problem)
            let single = try student.backward(DTURequests.backpropagate(sample, loss), sample)
            for l in sums.indices {
                sums[l] += single.gradients[l]
                deltaRows[l].append(single.deltas[l])
            }
        }
        let N = problem.inputs.rows
        for l in sums.indices {
            let what = "∂E/∂w⁽\(l + 1)⁾ of batchBackpropagate is not the sum over the \(N) samples of backpropagate's ∂E_n/∂w⁽\(l + 1)⁾"
            if let failure = differs(batch.gradients[l], sums[l], what) {
                return isScaled(batch.gradients[l], sums[l], by: 1 / Double(N))
                    ? InstanceOutcome(status: .fail, message: failure.message, diagnosis: Diagnosis(.meanNotSum, "It is consistent with the mean over the samples, not the sum: E = Σ_n E_n."))
                    : failure
            }
            let deltas = Matrix.vstack(deltaRows[l])
            if let failure = differs(batch.deltas[l], deltas, "row n of δ⁽\(l + 1)⁾ from batchBackpropagate is not backpropagate's δ⁽\(l + 1)⁾ of sample n") {
                return failure
            }
        }
        return .pass
    }

    /// The first layer whose gradient disagrees with finite differences of the student's loss.
    private func gradientsDisagree(
        _ pass: DTUBackwardPass, _ problem: DTUProblem, _ loss: DTULoss, random: inout NumPyRandomState
    ) throws -> InstanceOutcome? {
        for l in problem.network.weights.indices {
            let finding = try differences.compare(pass.gradients[l], at: problem.network.weights[l], random: &random) { moves in
                try student.losses(problem, loss, movingLayer: l, by: moves)
            }
            let what = "finite differences of \(Self.describe(loss)) (L = \(problem.network.layerCount), N = \(problem.inputs.rows))"
            if let message = finding.message("∂E/∂w⁽\(l + 1)⁾", against: what) { return Self.failure(message) }
        }
        return nil
    }

    private func isScaled(_ value: Matrix, _ expected: Matrix, by factor: Double) -> Bool {
        MatrixDifference(value, factor * expected, tolerance).failing.isEmpty
    }

    private static func describe(_ loss: DTULoss) -> String {
        switch loss {
        case .crossEntropy: return "your forward and crossEntropy"
        case .sumOfSquares: return "your forward and E = Σ_n ‖y_n − t_n‖²"
        case .gaussianNegativeLogLikelihood(let variance):
            return "your forward and gaussianNegativeLogLikelihood (σ² = \(format(variance)))"
        }
    }
}
