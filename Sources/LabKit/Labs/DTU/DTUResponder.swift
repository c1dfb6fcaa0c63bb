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
public typealias DTUResponder<Lab: DTUPenAndPaperLab> = LabResponder<DTUExerciseTable<Lab>>

/// The exercises of ``DTUPenAndPaperLab`` that ``DTUResponder`` serves.
public enum DTUExerciseTable<Lab: DTUPenAndPaperLab>: ExerciseTable {
    /// Each exercise under its requirement's name, and `lossOfNetwork`.
    public static var exercises: [String: Exercise] { joining(networks, losses, gradients) }

    /// Exercises a–d: the outputs of networks and the collapse of linear layers.
    private static var networks: [String: Exercise] {
        [
            "outputWithOneHiddenLayer": { lab, request in
                try lab.outputWithOneHiddenLayer(
                    request.argument("x"), w1: request.argument("w1"), w2: request.argument("w2"),
                    h1: request.argument("h1"), h2: request.argument("h2"))
            },
            "outputWithTwoHiddenLayers": { lab, request in
                try lab.outputWithTwoHiddenLayers(
                    request.argument("x"), w1: request.argument("w1"), w2: request.argument("w2"),
                    w3: request.argument("w3"), h1: request.argument("h1"), h2: request.argument("h2"),
                    h3: request.argument("h3"))
            },
            "forward": { lab, request in try lab.forward(request.argument("x"), through: request.argument("network")) },
            "collapsedLinearWeights": { lab, request in try lab.collapsedLinearWeights(request.argument("weights")) },
        ]
    }

    /// Exercises e–h, and the student's `E(w)`.
    private static var losses: [String: Exercise] {
        [
            "gaussianNegativeLogLikelihood": { lab, request in
                try lab.gaussianNegativeLogLikelihood(
                    outputs: request.argument("outputs"), targets: request.argument("targets"),
                    variance: request.argument("variance"))
            },
            "maximumLikelihoodVariance": { lab, request in
                try lab.maximumLikelihoodVariance(outputs: request.argument("outputs"), targets: request.argument("targets"))
            },
            "crossEntropy": { lab, request in
                try lab.crossEntropy(outputs: request.argument("outputs"), targets: request.argument("targets"))
            },
            "minibatchGradientScale": { lab, request in
                try lab.minibatchGradientScale(
                    datasetSize: request.argument("datasetSize"), batchSize: request.argument("batchSize"))
            },
            "lossOfNetwork": { lab, request in
                try loss(
                    of: lab, request.argument("X"), targets: request.argument("targets"), network: request.argument("network"),
                    loss: request.argument("loss"))
            },
        ]
    }

    /// Exercises i–l: output deltas and backpropagation.
    private static var gradients: [String: Exercise] {
        [
            "classificationOutputDelta": { lab, request in
                try lab.classificationOutputDelta(logits: request.argument("logits"), targets: request.argument("targets"))
            },
            "backpropagate": { lab, request in
                try lab.backpropagate(
                    request.argument("x"), target: request.argument("target"), through: request.argument("network"),
                    loss: request.argument("loss"))
            },
            "regressionOutputDelta": { lab, request in
                try lab.regressionOutputDelta(
                    preActivations: request.argument("preActivations"), targets: request.argument("targets"),
                    outputActivation: request.argument("outputActivation"))
            },
            "batchBackpropagate": { lab, request in
                try lab.batchBackpropagate(
                    request.argument("X"), targets: request.argument("targets"), through: request.argument("network"),
                    loss: request.argument("loss"))
            },
        ]
    }

    /// The student's `E(w)`: their forward pass, then their loss of its outputs.
    private static func loss(of lab: Lab, _ X: Matrix, targets: Matrix, network: DTUNetwork, loss: DTULoss) throws -> Double {
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
