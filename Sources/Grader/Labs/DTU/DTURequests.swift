// DTURequests: the oracle requests of DTU Exercise 1's exercises, built from typed arguments.
import LabKit

/// One builder per exercise of ``DTUPenAndPaperLab``, with the argument names ``DTUResponder`` reads.
enum DTURequests {
    static func outputWithOneHiddenLayer(_ problem: DTUProblem) throws -> OracleRequest {
        let (w, h) = (problem.network.weights, problem.network.activations)
        var request = OracleRequest(exercise: "outputWithOneHiddenLayer")
        try request.set("x", problem.inputs)
        for (name, value) in [("w1", w[0]), ("w2", w[1])] { try request.set(name, value) }
        for (name, value) in [("h1", h[0]), ("h2", h[1])] { try request.set(name, value) }
        return request
    }

    static func outputWithTwoHiddenLayers(_ problem: DTUProblem) throws -> OracleRequest {
        let (w, h) = (problem.network.weights, problem.network.activations)
        var request = OracleRequest(exercise: "outputWithTwoHiddenLayers")
        try request.set("x", problem.inputs)
        for (name, value) in [("w1", w[0]), ("w2", w[1]), ("w3", w[2])] { try request.set(name, value) }
        for (name, value) in [("h1", h[0]), ("h2", h[1]), ("h3", h[2])] { try request.set(name, value) }
        return request
    }

    static func forward(_ x: Matrix, _ network: DTUNetwork) throws -> OracleRequest {
        try OracleRequest(exercise: "forward").with("x", x).with("network", network)
    }

    static func lossOfNetwork(_ problem: DTUProblem, _ loss: DTULoss) throws -> OracleRequest {
        try OracleRequest(exercise: "lossOfNetwork").with("X", problem.inputs).with("targets", problem.targets)
            .with("network", problem.network).with("loss", loss)
    }

    static func collapsedLinearWeights(_ weights: [Matrix]) throws -> OracleRequest {
        try OracleRequest(exercise: "collapsedLinearWeights").with("weights", weights)
    }

    static func gaussianNegativeLogLikelihood(_ outputs: Matrix, _ targets: Matrix, variance: Double) throws -> OracleRequest {
        try OracleRequest(exercise: "gaussianNegativeLogLikelihood").with("outputs", outputs).with("targets", targets)
            .with("variance", variance)
    }

    static func maximumLikelihoodVariance(_ outputs: Matrix, _ targets: Matrix) throws -> OracleRequest {
        try OracleRequest(exercise: "maximumLikelihoodVariance").with("outputs", outputs).with("targets", targets)
    }

    static func crossEntropy(_ outputs: Matrix, _ targets: Matrix) throws -> OracleRequest {
        try OracleRequest(exercise: "crossEntropy").with("outputs", outputs).with("targets", targets)
    }

    static func minibatchGradientScale(datasetSize: Int, batchSize: Int) throws -> OracleRequest {
        try OracleRequest(exercise: "minibatchGradientScale").with("datasetSize", datasetSize).with("batchSize", batchSize)
    }

    static func classificationOutputDelta(_ logits: Matrix, _ targets: Matrix) throws -> OracleRequest {
        try OracleRequest(exercise: "classificationOutputDelta").with("logits", logits).with("targets", targets)
    }

    static func backpropagate(_ problem: DTUProblem, _ loss: DTULoss) throws -> OracleRequest {
        try OracleRequest(exercise: "backpropagate").with("x", problem.inputs).with("target", problem.targets)
            .with("network", problem.network).with("loss", loss)
    }

    static func regressionOutputDelta(_ a: Matrix, _ targets: Matrix, _ output: DTUActivation) throws -> OracleRequest {
        try OracleRequest(exercise: "regressionOutputDelta").with("preActivations", a).with("targets", targets)
            .with("outputActivation", output)
    }

    static func batchBackpropagate(_ problem: DTUProblem, _ loss: DTULoss) throws -> OracleRequest {
        try OracleRequest(exercise: "batchBackpropagate").with("X", problem.inputs).with("targets", problem.targets)
            .with("network", problem.network).with("loss", loss)
    }
}
