// UppsalaDriver+Diagnosis: the Uppsala lab's batch layouts, names for sizes, networks without a hidden
// layer and training histories, so diagnoses speak its notation and read its runs as it records them.
import LabKit

extension UppsalaDriver {
    /// Uppsala: the regression's `X` has one sample per row, the networks' `x` one per column.
    func diagnosisHints(for request: OracleRequest) -> DiagnosisHints {
        if let X = request.leaf("X") { return DiagnosisHints(samples: X.rows, sizes: [("I", X.rows)]) }
        if let x = request.leaf("x") { return DiagnosisHints(samples: x.cols, sizes: [("I", x.cols)]) }
        // Costs get the targets only: a (1, I) row for regression, a (K, I) one-hot for classification.
        if let y = request.leaf("y") { return DiagnosisHints(samples: y.cols, sizes: [("I", y.cols)]) }
        return DiagnosisHints()
    }

    /// Uppsala's networks with no hidden layer (K = 0: one linear layer, no ReLU), which any K ≥ 0 must handle.
    func instanceSummary(for request: OracleRequest) -> (text: String, assumes: String)? {
        guard case .object(let fields)? = request.arguments["parameters"], case .array(let weights)? = fields["weights"] else { return nil }
        guard weights.count == 1 else { return nil }
        return ("K = 0 hidden layers (one linear layer f₀ = Ω₀x + β₀, no ReLU)",
                "assumes at least one hidden layer: a range 1...K, an index K − 1, or h₁ taken without checking K")
    }

    /// The Auto notebook's `train_model` records each iteration's cost before its full-batch
    /// update, at a fixed learning rate.
    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? {
        exercise == "trainLinearRegression"
            ? TrajectoryDiagnosis.Convention(history: "trainCosts", others: [], minibatches: false, decays: false, noun: "cost") : nil
    }
}
