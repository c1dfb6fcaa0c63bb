// UppsalaDriver: the instances Uppsala Lab 1's checks run on — the notebooks' data and seeds,
// random networks of other depths and sizes, a network with exact ReLU kinks, and the Auto data.
import LabKit
import Reference

/// Instances for Uppsala 1RT720 Lab 1. Several checks call the same exercise on different
/// instances (one sample in Task 3.3, several in Task 3.4, exact kinks), so instances are chosen by
/// the check's id.
struct UppsalaDriver: LabDriver {
    var reference: any OracleResponder { UppsalaResponder(UppsalaLab1()) }

    /// What a check's instances are made of.
    private enum Family {
        /// Section 2.1 and Task 3.1.
        case linear
        /// Question 2.5.
        case layerGradient
        /// Task 3.2.
        case toy
        /// Tasks 3.3–3.5 with this many samples per random instance (`kinkMargin` for gradient checks).
        case network(samples: ClosedRange<Int>, kinkMargin: Double)
        /// Task 3.4's network with pre-activations exactly at the kink.
        case exactKinks
        /// Question 2.6 and Task 3.6's output functions; `extreme` adds columns near ±1000.
        case scores(extreme: Bool)
        /// Task 3.6's network with the cross-entropy cost.
        case crossEntropyNetwork
    }

    private func family(of check: Check) throws -> Family {
        switch check.id {
        case "t31-output", "t31-cost", "t31-cost-gradient", "t31-gradients", "t31-gradient-check", "t31-train-costs":
            return .linear
        case "q25-weight-gradient": return .layerGradient
        case "q26-softmax-ce-derivative": return .scores(extreme: false)
        case "t32-toy-forward", "t32-toy-backward", "t32-toy-parameter-gradients": return .toy
        case "t33-forward", "t33-backward": return .network(samples: 1...1, kinkMargin: 1e-6)
        case "t34-forward-batch", "t34-backward-batch", "t35-forward-rows", "t35-backward-rows":
            return .network(samples: 2...8, kinkMargin: 1e-6)
        case "t34-gradient-check", "t35-gradient-check": return .network(samples: 2...4, kinkMargin: 2e-3)
        case "t34-relu-at-zero": return .exactKinks
        case "t36-softmax", "t36-cross-entropy-cost", "t36-cross-entropy-gradient": return .scores(extreme: true)
        case "t36-gradient-check": return .crossEntropyNetwork
        default: throw DriverError.unsupported(check: check.id, reason: "the Uppsala driver has no instances for it")
        }
    }

    func publishedRequest(for check: Check) throws -> OracleRequest {
        switch try family(of: check) {
        case .linear:
            return try linearRequest(check.exercise, try publishedLinear(for: check))
        case .layerGradient:
            let network = UppsalaProblems.publishedNetwork(samples: 5)
            let forward = UppsalaLab1().forwardPass(network.input, network.parameters)
            let dLdf = UppsalaNetworkCost.leastSquaresDerivative(forward.output, network.y)
            return try Self.request(check.exercise, ("dLdf", dLdf), ("h", forward.activations[network.parameters.hiddenLayers]))
        case .toy:
            return try toyRequest(check.exercise, UppsalaProblems.publishedToy)
        case .network:
            let samples = check.id.hasPrefix("t33") ? 1 : 5
            return try networkRequest(check.exercise, UppsalaProblems.publishedNetwork(samples: samples))
        case .exactKinks:
            throw DriverError.unsupported(check: check.id, reason: "the lab has no published instance with exact kinks")
        case .scores:
            let network = UppsalaProblems.publishedCrossEntropy()
            let output = UppsalaLab1().forwardPass(network.input, network.parameters).output
            return try scoresRequest(check.exercise, f: output, y: network.y)
        case .crossEntropyNetwork:
            return try networkRequest(check.exercise, UppsalaProblems.publishedCrossEntropy())
        }
    }

    func randomRequest(for check: Check, random: inout NumPyRandomState) throws -> OracleRequest {
        switch try family(of: check) {
        case .linear:
            return try linearRequest(check.exercise, UppsalaProblems.randomLinear(&random))
        case .layerGradient:
            let (dLdf, h) = UppsalaProblems.randomLayerGradient(&random)
            return try Self.request(check.exercise, ("dLdf", dLdf), ("h", h))
        case .toy:
            return try toyRequest(check.exercise, UppsalaProblems.randomToy(&random))
        case .network(let samples, let margin):
            let shape = UppsalaProblems.NetworkShape(samples: samples, kinkMargin: margin)
            return try networkRequest(check.exercise, UppsalaProblems.randomNetwork(shape, &random))
        case .exactKinks:
            return try networkRequest(check.exercise, UppsalaProblems.networkWithZeroPreactivations(&random))
        case .scores(let extreme):
            let (f, y) = UppsalaProblems.randomScores(extreme: extreme, &random)
            return try scoresRequest(check.exercise, f: f, y: y)
        case .crossEntropyNetwork:
            let shape = UppsalaProblems.NetworkShape(samples: 2...5, outputs: 2...4, kinkMargin: 2e-3, oneHot: true)
            return try networkRequest(check.exercise, UppsalaProblems.randomNetwork(shape, &random))
        }
    }

    // MARK: Requests from instances

    /// The notebook's instance for a Task 3.1 check: the zero model on all seven features for the
    /// cost and its gradients, the trained model's output, and `horsepower` alone for the trajectory.
    private func publishedLinear(for check: Check) throws -> UppsalaProblems.Linear {
        var problem = try UppsalaProblems.publishedLinear(horsepowerOnly: check.id == "t31-train-costs")
        if check.id == "t31-output" {
            // The zero model's output is all zeros; the trained one's is what the notebook plots.
            problem.parameters = UppsalaLab1().trainLinearRegression(
                problem.X, problem.y, from: problem.parameters, iterations: problem.iterations,
                learningRate: problem.learningRate
            ).parameters
        }
        return problem
    }

    private func linearRequest(_ exercise: String, _ p: UppsalaProblems.Linear) throws -> OracleRequest {
        switch exercise {
        case "linearRegressionOutput": return try Self.request(exercise, ("X", p.X), ("parameters", p.parameters))
        case "leastSquaresCost", "leastSquaresCostGradient": return try Self.request(exercise, ("output", p.output), ("y", p.y))
        case "linearRegressionGradients": return try Self.request(exercise, ("X", p.X), ("output", p.output), ("y", p.y))
        case "linearRegressionGradientsOfParameters":
            return try Self.request(exercise, ("X", p.X), ("parameters", p.parameters), ("y", p.y))
        case "trainLinearRegression":
            return try Self.request(
                exercise, ("X", p.X), ("y", p.y), ("parameters", p.parameters), ("iterations", p.iterations),
                ("learningRate", p.learningRate))
        default: throw DriverError.unsupported(check: exercise, reason: "not a linear regression exercise")
        }
    }

    /// Toy requests carry the reference's forward and backward values, so each step is judged alone.
    private func toyRequest(_ exercise: String, _ p: UppsalaProblems.Toy) throws -> OracleRequest {
        let lab = UppsalaLab1()
        let forward = lab.toyForwardPass(x: p.x, y: p.y, p.parameters)
        switch exercise {
        case "toyForwardPass": return try Self.request(exercise, ("x", p.x), ("y", p.y), ("parameters", p.parameters))
        case "toyBackwardPass": return try Self.request(exercise, ("forward", forward), ("y", p.y), ("parameters", p.parameters))
        case "toyParameterGradients":
            let backward = lab.toyBackwardPass(forward, y: p.y, p.parameters)
            return try Self.request(exercise, ("forward", forward), ("backward", backward), ("x", p.x))
        default: throw DriverError.unsupported(check: exercise, reason: "not a toy-model exercise")
        }
    }

    /// Network requests: the backward passes get the reference's forward pass and the given
    /// least-squares `∂L/∂f_K`, so a forward-pass mistake does not cost the backward checks.
    private func networkRequest(_ exercise: String, _ p: UppsalaProblems.Network) throws -> OracleRequest {
        let lab = UppsalaLab1()
        switch exercise {
        case "forwardPass": return try Self.request(exercise, ("input", p.input), ("parameters", p.parameters))
        case "forwardPassRows": return try Self.request(exercise, ("input", p.input.T), ("parameters", p.parameters))
        case "backwardPass":
            let forward = lab.forwardPass(p.input, p.parameters)
            let dLdf = UppsalaNetworkCost.leastSquaresDerivative(forward.output, p.y)
            return try Self.request(exercise, ("parameters", p.parameters), ("forward", forward), ("outputGradient", dLdf))
        case "backwardPassRows":
            let forward = lab.forwardPassRows(p.input.T, p.parameters)
            let dLdf = UppsalaNetworkCost.leastSquaresDerivative(forward.output.T, p.y).T
            return try Self.request(exercise, ("parameters", p.parameters), ("forward", forward), ("outputGradient", dLdf))
        case "networkGradients", "networkCrossEntropyGradients":
            return try Self.request(exercise, ("input", p.input), ("parameters", p.parameters), ("y", p.y))
        case "networkGradientsRows":
            return try Self.request(exercise, ("input", p.input.T), ("parameters", p.parameters), ("y", p.y.T))
        default: throw DriverError.unsupported(check: exercise, reason: "not a network exercise")
        }
    }

    private func scoresRequest(_ exercise: String, f: Matrix, y: Matrix) throws -> OracleRequest {
        switch exercise {
        case "softmax": return try Self.request(exercise, ("f", f))
        case "softmaxCrossEntropyLossGradient": return try Self.request(exercise, ("f", f), ("yOneHot", y))
        case "crossEntropyCost", "crossEntropyCostGradient": return try Self.request(exercise, ("output", f), ("y", y))
        default: throw DriverError.unsupported(check: exercise, reason: "not a softmax exercise")
        }
    }

    /// A request for `exercise` with the named arguments.
    static func request(_ exercise: String, _ arguments: (String, any Encodable)...) throws -> OracleRequest {
        var request = OracleRequest(exercise: exercise)
        for (name, value) in arguments { try request.set(name, value) }
        return request
    }

    // MARK: Training and the toy model's finite differences

    func trainingTask(for check: Check, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask {
        published ? try UppsalaAutoTraining.notebookTask() : try UppsalaAutoTraining.heldOutTask(&random)
    }

    func verifyProperty(
        _ check: Check, published: Bool, random: inout NumPyRandomState, call: (OracleRequest) -> OracleCallOutcome
    ) throws -> InstanceOutcome {
        guard let tolerance = check.tolerance else { throw DriverError.unsupported(check: check.id, reason: "no tolerance") }
        let problem = published ? UppsalaProblems.publishedToy : UppsalaProblems.randomToy(&random)
        return UppsalaToyGradientProperty(problem: problem, tolerance: tolerance).verify(call: call)
    }
}
