// DTUProperties: the identities of DTU Exercise 1 (forward recursion, collapse, σ²_ML, output deltas)
// judged on the student's own answers at the published problem and at random points.
import Foundation
import LabKit

/// One property instance: the identity named by the check, evaluated with the student's exercises.
///
/// Each method returns ``InstanceOutcome/pass`` or a failure naming the equation that does not hold,
/// and throws the ``InstanceOutcome`` that ends the instance when a call gives no usable value.
struct DTUProperties {
    /// The check being judged; its tolerance bounds every comparison.
    let check: Check
    /// The submission.
    let student: DTUStudent

    /// The manifest's tolerance: for central differences, for exact identities, or the stationarity bound of f.
    /// The manifest's tolerance: for central differences, for exact identities, or the stationarity bound of f.
    var tolerance: Check.ValueTolerance { check.tolerance ?? Check.ValueTolerance(relative: 1e-6, absolute: 1e-8) }

    /// Exercise c: each stored `a⁽ˡ⁾` is `Σ_i w_ji⁽ˡ⁾ z_i⁽ˡ⁻¹⁾` of the stored `z⁽ˡ⁻¹⁾` with `z_0 = 1`
    /// (Eq. 6–7), and each `z⁽ˡ⁾` is `h_l(a⁽ˡ⁾)` (Eq. 5).
    func forwardRecursion(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let problem =
            published
            ? DTUProblem.classification
            : DTUInstances.problem(
                layers: random.randint(low: 1, high: 5), output: DTUInstances.anyOutput(&random),
                samples: random.randint(low: 1, high: 6), random: &random)
        let network = problem.network
        let pass = try student.forward(problem.inputs, network)
        var previous = problem.inputs
        for l in 1...network.layerCount {
            let expectedA = Matrix.product(Self.withBiasInput(previous), network.weights[l - 1], transposeB: true)
            let equation = l == 1 ? "Eq. 7, with x_0 = 1" : "Eq. 6, with z_0⁽\(l - 1)⁾ = 1"
            if let failure = differs(pass.a[l - 1], expectedA, "a⁽\(l)⁾ is not Σ_i w_ji⁽\(l)⁾ × (your layer-\(l - 1) output) (\(equation))") {
                return failure
            }
            let expectedZ = network.activations[l - 1].apply(pass.a[l - 1])
            if let failure = differs(pass.z[l - 1], expectedZ, "z⁽\(l)⁾ is not h_\(l)(a⁽\(l)⁾) of your a⁽\(l)⁾ (Eq. 5)") {
                return failure
            }
            previous = pass.z[l - 1]
        }
        return .pass
    }

    /// Exercise d: your `forward` through the network with every `h_l(a) = a` equals the single
    /// linear model `x̃ w̃ᵀ` with your `w̃`.
    func linearCollapse(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let problem =
            published
            ? DTUProblem.regression
            : DTUInstances.problem(
                layers: random.randint(low: 1, high: 5), output: .identity, samples: random.randint(low: 1, high: 6),
                random: &random)
        let weights = problem.network.weights
        let collapsed = try student.matrix(
            DTURequests.collapsedLinearWeights(weights), rows: problem.network.outputSize,
            cols: problem.network.inputSize + 1, name: "w̃")
        let linear = DTUNetwork(weights: weights, activations: weights.map { _ in .identity })
        let y = try student.forward(problem.inputs, linear).y
        let model = Matrix.product(Self.withBiasInput(problem.inputs), collapsed, transposeB: true)
        return differs(y, model, "your forward through the linear network (every h_l(a) = a) is not x̃ w̃ᵀ with your w̃")
            ?? .pass
    }

    /// Exercise f: `σ²_ML` is a minimum of your NLL in `σ²`: `d NLL / d log σ² = ND/2 − E/(2σ²)`
    /// vanishes there (central difference, relative to `ND/2`, below the tolerance's relative part),
    /// and the NLL is no lower at `0.99 σ²_ML` or `1.01 σ²_ML`.
    func varianceMinimum(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let (outputs, targets): (Matrix, Matrix) =
            published
            ? (DTUInstances.referenceForward(.regression).y, DTUProblem.regression.targets)
            : DTUInstances.regressionData(&random)
        let s = try student.number(DTURequests.maximumLikelihoodVariance(outputs, targets), name: "σ²_ML")
        guard s > 0 else { return Self.failure("your σ²_ML is \(s); a variance must be positive") }
        let nll = { (variance: Double) in
            try student.number(DTURequests.gaussianNegativeLogLikelihood(outputs, targets, variance: variance), name: "the NLL")
        }
        let step = 1e-5
        let slope = (try nll(s * (1 + step)) - nll(s * (1 - step))) / (2 * step)
        let halfND = Double(targets.count) / 2
        if !(Swift.abs(slope) <= tolerance.relative * halfND) {
            return Self.failure(
                "your NLL is not stationary at your σ²_ML = \(Self.format(s)): d NLL / d log σ² ≈ \(Self.format(slope)) "
                    + "(ND/2 = \(Self.format(halfND))). Either σ²_ML or the NLL of e) is off")
        }
        let (here, below, above) = (try nll(s), try nll(0.99 * s), try nll(1.01 * s))
        if here > Swift.min(below, above) {
            return Self.failure("your NLL at σ²_ML = \(Self.format(s)) is \(Self.format(here)), higher than nearby values")
        }
        return .pass
    }

    /// Exercise i: `δ⁽ᴸ⁾` is the gradient in the logits of your cross-entropy of `softmax(a⁽ᴸ⁾)`.
    func classificationDelta(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let (logits, targets): (Matrix, Matrix) =
            published
            ? (DTUInstances.referenceForward(.classification).a, DTUProblem.classification.targets)
            : DTUInstances.classificationData(&random)
        let delta = try student.matrix(
            DTURequests.classificationOutputDelta(logits, targets), rows: logits.rows, cols: logits.cols, name: "δ⁽ᴸ⁾")
        let finding = try differences.compare(delta, at: logits, random: &random) { a in
            try student.number(DTURequests.crossEntropy(DTUActivation.softmax.apply(a), targets), name: "the cross-entropy")
        }
        return finding.message("δ⁽ᴸ⁾", against: "finite differences of your crossEntropy(softmax(a⁽ᴸ⁾))")
            .map { Self.failure($0) } ?? .pass
    }

    /// Exercise k: `δ⁽ᴸ⁾` is the gradient in `a⁽ᴸ⁾` of the text's `E = Σ_n ‖h_L(a_n) − t_n‖²`
    /// (LabKit's `DTULoss.sumOfSquaresError`), for a linear, `tanh` or sigmoid output.
    func regressionDelta(published: Bool, random: inout NumPyRandomState) throws -> InstanceOutcome {
        let (a, targets, output): (Matrix, Matrix, DTUActivation)
        if published {
            (a, targets, output) = (DTUInstances.referenceForward(.regression).a, DTUProblem.regression.targets, .identity)
        } else {
            let data = DTUInstances.regressionData(&random)
            let outputs = DTUInstances.regressionOutputs
            (a, targets, output) = (data.outputs, data.targets, outputs[random.randint(high: outputs.count)])
        }
        let delta = try student.matrix(DTURequests.regressionOutputDelta(a, targets, output), rows: a.rows, cols: a.cols, name: "δ⁽ᴸ⁾")
        let finding = try differences.compare(delta, at: a, random: &random) { a in
            DTULoss.sumOfSquaresError(outputs: output.apply(a), targets: targets)
        }
        return finding.message("δ⁽ᴸ⁾ (h_L = \(output.rawValue))", against: "finite differences of E = Σ_n ‖h_L(a_n) − t_n‖²")
            .map { Self.failure($0) } ?? .pass
    }

    /// Central differences with this check's tolerance.
    var differences: DTUFiniteDifferences { DTUFiniteDifferences(tolerance: tolerance) }

    /// A failure when `value` differs from `expected` beyond the tolerance, saying `what` and where.
    func differs(_ value: Matrix, _ expected: Matrix, _ what: String) -> InstanceOutcome? {
        let difference = MatrixDifference(value, expected, tolerance)
        guard !difference.failing.isEmpty else { return nil }
        return InstanceOutcome(
            status: .fail, message: "\(what): \(difference.summary())", diagnoses: difference.diagnoses(of: "it", hints: DiagnosisHints()))
    }

    /// A failed instance saying `message`.
    static func failure(_ message: String) -> InstanceOutcome { DTUStudent.failure(message) }

    /// `[1, x]`: the constant input of Eq. 3 in front of every row.
    static func withBiasInput(_ x: Matrix) -> Matrix { Matrix.hstack([.ones(rows: x.rows, cols: 1), x]) }

    /// A number as the messages show it.
    static func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
