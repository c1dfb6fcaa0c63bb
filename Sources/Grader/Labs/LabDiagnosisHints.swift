// LabDiagnosisHints: each lab's batch layout and names for sizes, so diagnoses speak its notation.
import LabKit

extension HLCVDriver {
    /// HLCV: `X` is `(N, D)`, `W1` `(D, H)`, `W2` `(H, C)`.
    func diagnosisHints(for request: OracleRequest) -> DiagnosisHints {
        var sizes = [(symbol: String, value: Int)]()
        var samples: Int?
        if let X = request.leaf("X") {
            samples = X.rows
            sizes += [("N", X.rows), ("D", X.cols)]
        }
        if let W1 = request.leaf("parameters", "W1") { sizes.append(("H", W1.cols)) }
        if let W2 = request.leaf("parameters", "W2") { sizes.append(("C", W2.cols)) }
        return DiagnosisHints(samples: samples, sizes: sizes)
    }
}

extension ECE285Driver {
    /// ECE 285: samples are the columns of `x` `(D, N)` and of the one-hot `d` `(C, N)`.
    func diagnosisHints(for request: OracleRequest) -> DiagnosisHints {
        guard let x = request.leaf("x") ?? request.leaf("d") ?? request.leaf("a") else { return DiagnosisHints() }
        return DiagnosisHints(samples: x.cols, sizes: [("N", x.cols), (request.leaf("x") != nil ? "D" : "C", x.rows)])
    }
}

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
}

extension OracleRequest {
    /// The first matrix under argument `name` (and field `field`), if any.
    func leaf(_ name: String, _ field: String? = nil) -> MatrixLeaf? {
        guard let tree = arguments[name] else { return nil }
        let leaves = MatrixLeaf.all(in: tree)
        return field.map { field in leaves.first { $0.path == field } } ?? leaves.first
    }
}

// Each lab's training histories, read where a step-by-step check's run parts from the reference's.

extension VUDriver {
    /// VU records each step's loss before its update, per instance or minibatch, with per-epoch
    /// means and validation figures beside it; the learning rate is fixed.
    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? {
        guard ["trainScalar", "sgdEpoch", "train"].contains(exercise) else { return nil }
        return TrajectoryDiagnosis.Convention(others: ["epochLosses", "validationLosses", "validationAccuracies"], minibatches: true, decays: false)
    }
}

extension ECE285Driver {
    /// ECE 285 records the loss and error on the whole training set after each full-batch step
    /// (Question 18) or each epoch of minibatches (Question 20), at a fixed step size.
    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? {
        guard ["backpropShallow", "backpropMinibatchShallow"].contains(exercise) else { return nil }
        return TrajectoryDiagnosis.Convention(
            others: ["errorHistory"], recordedAfterUpdate: true, minibatches: exercise == "backpropMinibatchShallow", decays: false)
    }
}

extension UppsalaDriver {
    /// The Auto notebook's `train_model` records each iteration's cost before its full-batch
    /// update, at a fixed learning rate.
    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? {
        exercise == "trainLinearRegression"
            ? TrajectoryDiagnosis.Convention(history: "trainCosts", others: [], minibatches: false, decays: false, noun: "cost") : nil
    }
}
