// DTUResponder: answers the grader's requests by calling a DTUPenAndPaperLab's exercises.

/// Serves a ``DTUPenAndPaperLab`` to the grader: one request, one exercise call.
///
/// Exercises and their arguments (each exercise is named after its requirement):
/// - `outputWithOneHiddenLayer(x, w1, w2, h1, h2)` — Exercise a;
/// - `outputWithTwoHiddenLayers(x, w1, w2, w3, h1, h2, h3)` — Exercise b;
/// - `forward(x, network)` — Exercise c;
/// - `collapsedLinearWeights(weights)` — Exercise d;
/// - `gaussianNegativeLogLikelihood(outputs, targets, variance)` — Exercise e;
/// - `maximumLikelihoodVariance(outputs, targets)` — Exercise f;
/// - `crossEntropy(outputs, targets)` — Exercise g;
/// - `minibatchGradientScale(datasetSize, batchSize)` — Exercise h;
/// - `classificationOutputDelta(logits, targets)` — Exercise i;
/// - `backpropagate(x, target, network, loss)` — Exercise j;
/// - `regressionOutputDelta(preActivations, targets, outputActivation)` — Exercise k;
/// - `batchBackpropagate(X, targets, network, loss)` — Exercise l;
/// - `lossOfNetwork(X, targets, network, loss)` — not a requirement: the student's own `E(w)`, their
///   `forward` then their `crossEntropy` or `gaussianNegativeLogLikelihood` (or the lab's given sum
///   of squares), a number the grader can take finite differences of in one batched request.
public struct DTUResponder<Lab: DTUPenAndPaperLab>: OracleResponder {
    /// The solution being served.
    public let lab: Lab

    /// Serves `lab`.
    public init(_ lab: Lab) {
        self.lab = lab
    }

    /// Runs the requested exercise.
    public func respond(to request: OracleRequest) throws -> OracleReply {
        let id = request.id
        switch request.exercise {
        case "outputWithOneHiddenLayer":
            return try OracleReply(
                id: id,
                value: lab.outputWithOneHiddenLayer(
                    request.argument("x"), w1: request.argument("w1"), w2: request.argument("w2"),
                    h1: request.argument("h1"), h2: request.argument("h2")))
        case "outputWithTwoHiddenLayers":
            return try OracleReply(
                id: id,
                value: lab.outputWithTwoHiddenLayers(
                    request.argument("x"), w1: request.argument("w1"), w2: request.argument("w2"),
                    w3: request.argument("w3"), h1: request.argument("h1"), h2: request.argument("h2"),
                    h3: request.argument("h3")))
        case "forward":
            return try OracleReply(id: id, value: lab.forward(request.argument("x"), through: request.argument("network")))
        case "collapsedLinearWeights":
            return try OracleReply(id: id, value: lab.collapsedLinearWeights(request.argument("weights")))
        case "gaussianNegativeLogLikelihood":
            return try OracleReply(
                id: id,
                value: lab.gaussianNegativeLogLikelihood(
                    outputs: request.argument("outputs"), targets: request.argument("targets"),
                    variance: request.argument("variance")))
        case "maximumLikelihoodVariance":
            return try OracleReply(
                id: id,
                value: lab.maximumLikelihoodVariance(outputs: request.argument("outputs"), targets: request.argument("targets")))
        case "crossEntropy":
            return try OracleReply(
                id: id, value: lab.crossEntropy(outputs: request.argument("outputs"), targets: request.argument("targets")))
        case "minibatchGradientScale":
            return try OracleReply(
                id: id,
                value: lab.minibatchGradientScale(
                    datasetSize: request.argument("datasetSize"), batchSize: request.argument("batchSize")))
        case "classificationOutputDelta":
            return try OracleReply(
                id: id,
                value: lab.classificationOutputDelta(logits: request.argument("logits"), targets: request.argument("targets")))
        case "backpropagate":
            return try OracleReply(
                id: id,
                value: lab.backpropagate(
                    request.argument("x"), target: request.argument("target"), through: request.argument("network"),
                    loss: request.argument("loss")))
        case "regressionOutputDelta":
            return try OracleReply(
                id: id,
                value: lab.regressionOutputDelta(
                    preActivations: request.argument("preActivations"), targets: request.argument("targets"),
                    outputActivation: request.argument("outputActivation")))
        case "batchBackpropagate":
            return try OracleReply(
                id: id,
                value: lab.batchBackpropagate(
                    request.argument("X"), targets: request.argument("targets"), through: request.argument("network"),
                    loss: request.argument("loss")))
        case "lossOfNetwork":
            return try OracleReply(
                id: id,
                value: loss(
                    request.argument("X"), targets: request.argument("targets"), network: request.argument("network"),
                    loss: request.argument("loss")))
        default:
            throw unknownExercise(request)
        }
    }

    /// The student's `E(w)`: their forward pass, then their loss of its outputs.
    private func loss(_ X: Matrix, targets: Matrix, network: DTUNetwork, loss: DTULoss) throws -> Double {
        let y = try lab.forward(X, through: network).y
        guard y.rows == targets.rows, y.cols == targets.cols else {
            throw DTUChainError("forward returned y⁽ᴸ⁾ of shape \(y.shapeDescription) for targets of shape \(targets.shapeDescription)")
        }
        switch loss {
        case .sumOfSquares: return DTULoss.sumOfSquaresError(outputs: y, targets: targets)
        case .crossEntropy: return try lab.crossEntropy(outputs: y, targets: targets)
        case .gaussianNegativeLogLikelihood(let variance):
            return try lab.gaussianNegativeLogLikelihood(outputs: y, targets: targets, variance: variance)
        }
    }
}

/// Why the chained loss could not be formed from the student's functions.
struct DTUChainError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
