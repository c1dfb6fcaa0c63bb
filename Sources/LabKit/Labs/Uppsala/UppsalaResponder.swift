// UppsalaResponder: answers the grader's requests by calling an UppsalaBackpropLab's exercises.

/// Serves an ``UppsalaBackpropLab`` to the grader: one request, one exercise call, except for the
/// chained exercises below, which the gradient checks need.
///
/// Exercises and their arguments, one per requirement of the protocol:
/// `linearRegressionOutput(X, parameters)`, `leastSquaresCost(output, y)`,
/// `leastSquaresCostGradient(output, y)`, `linearRegressionGradients(X, output, y)`,
/// `trainLinearRegression(X, y, parameters, iterations, learningRate)` (`parameters` is the start),
/// `linearLayerWeightGradient(dLdf, h)`, `softmaxCrossEntropyLossGradient(f, yOneHot)`,
/// `toyForwardPass(x, y, parameters)`, `toyBackwardPass(forward, y, parameters)`,
/// `toyParameterGradients(forward, backward, x)`, `forwardPass(input, parameters)`,
/// `backwardPass(parameters, forward, outputGradient)`, `forwardPassRows(input, parameters)`,
/// `backwardPassRows(parameters, forward, outputGradient)`, `softmax(f)`, `crossEntropyCost(output, y)`,
/// `crossEntropyCostGradient(output, y)`.
///
/// Chained exercises, all with the arguments `(parameters, y)` and `X` or `input`: a gradient check
/// differentiates a cost of the *parameters*, while the lab's own functions take the model output or
/// the stored forward pass, so these compose the submission's functions as the notebooks do:
/// - `linearRegressionCostOfParameters(X, parameters, y)`: `leastSquaresCost(linearRegressionOutput(X, φ), y)`;
///   `linearRegressionGradientsOfParameters(X, parameters, y)`: `linearRegressionGradients` at that output.
/// - `networkCost(input, parameters, y)`: the given least-squares cost of `forwardPass`;
///   `networkGradients(input, parameters, y)`: `backwardPass` from the given `∂L/∂f_K` (samples as columns).
/// - `networkCostRows` / `networkGradientsRows`: the same with `forwardPassRows` / `backwardPassRows`,
///   `input` and `y` with the samples as rows.
/// - `networkCrossEntropyCost(input, parameters, y)`: `crossEntropyCost` of `forwardPass`;
///   `networkCrossEntropyGradients(input, parameters, y)`: `backwardPass` from `crossEntropyCostGradient`.
public struct UppsalaResponder<Lab: UppsalaBackpropLab>: OracleResponder {
    /// The solution being served.
    public let lab: Lab

    /// Serves `lab`.
    public init(_ lab: Lab) {
        self.lab = lab
    }

    /// Runs the requested exercise.
    public func respond(to request: OracleRequest) throws -> OracleReply {
        if let reply = try respondLinearRegression(to: request) { return reply }
        if let reply = try respondToyModel(to: request) { return reply }
        if let reply = try respondNetwork(to: request) { return reply }
        if let reply = try respondChained(to: request) { return reply }
        throw unknownExercise(request)
    }

    /// Section 2 and Task 3.1.
    private func respondLinearRegression(to request: OracleRequest) throws -> OracleReply? {
        let id = request.id
        switch request.exercise {
        case "linearRegressionOutput":
            return try OracleReply(
                id: id, value: lab.linearRegressionOutput(request.argument("X"), request.argument("parameters")))
        case "leastSquaresCost":
            return try OracleReply(id: id, value: lab.leastSquaresCost(request.argument("output"), request.argument("y")))
        case "leastSquaresCostGradient":
            return try OracleReply(
                id: id, value: lab.leastSquaresCostGradient(request.argument("output"), request.argument("y")))
        case "linearRegressionGradients":
            return try OracleReply(
                id: id,
                value: lab.linearRegressionGradients(
                    request.argument("X"), output: request.argument("output"), request.argument("y")))
        case "trainLinearRegression":
            return try OracleReply(
                id: id,
                value: lab.trainLinearRegression(
                    request.argument("X"), request.argument("y"), from: request.argument("parameters"),
                    iterations: request.argument("iterations"), learningRate: request.argument("learningRate")))
        case "linearLayerWeightGradient":
            return try OracleReply(
                id: id, value: lab.linearLayerWeightGradient(request.argument("dLdf"), request.argument("h")))
        case "softmaxCrossEntropyLossGradient":
            return try OracleReply(
                id: id, value: lab.softmaxCrossEntropyLossGradient(request.argument("f"), request.argument("yOneHot")))
        default:
            return nil
        }
    }

    /// Task 3.2.
    private func respondToyModel(to request: OracleRequest) throws -> OracleReply? {
        let id = request.id
        switch request.exercise {
        case "toyForwardPass":
            return try OracleReply(
                id: id,
                value: lab.toyForwardPass(
                    x: request.argument("x"), y: request.argument("y"), request.argument("parameters")))
        case "toyBackwardPass":
            return try OracleReply(
                id: id,
                value: lab.toyBackwardPass(
                    request.argument("forward"), y: request.argument("y"), request.argument("parameters")))
        case "toyParameterGradients":
            return try OracleReply(
                id: id,
                value: lab.toyParameterGradients(
                    request.argument("forward"), request.argument("backward"), x: request.argument("x")))
        default:
            return nil
        }
    }

    /// Tasks 3.3–3.6.
    private func respondNetwork(to request: OracleRequest) throws -> OracleReply? {
        let id = request.id
        switch request.exercise {
        case "forwardPass":
            return try OracleReply(id: id, value: lab.forwardPass(request.argument("input"), request.argument("parameters")))
        case "backwardPass":
            return try OracleReply(
                id: id,
                value: lab.backwardPass(
                    request.argument("parameters"), request.argument("forward"),
                    outputGradient: request.argument("outputGradient")))
        case "forwardPassRows":
            return try OracleReply(
                id: id, value: lab.forwardPassRows(request.argument("input"), request.argument("parameters")))
        case "backwardPassRows":
            return try OracleReply(
                id: id,
                value: lab.backwardPassRows(
                    request.argument("parameters"), request.argument("forward"),
                    outputGradient: request.argument("outputGradient")))
        case "softmax":
            return try OracleReply(id: id, value: lab.softmax(request.argument("f")))
        case "crossEntropyCost":
            return try OracleReply(id: id, value: lab.crossEntropyCost(request.argument("output"), request.argument("y")))
        case "crossEntropyCostGradient":
            return try OracleReply(
                id: id, value: lab.crossEntropyCostGradient(request.argument("output"), request.argument("y")))
        default:
            return nil
        }
    }

    /// The costs of the parameters and their gradients, for the gradient checks.
    private func respondChained(to request: OracleRequest) throws -> OracleReply? {
        let id = request.id
        switch request.exercise {
        case "linearRegressionCostOfParameters":
            let X: Matrix = try request.argument("X"), y: Matrix = try request.argument("y")
            let output = try lab.linearRegressionOutput(X, request.argument("parameters"))
            return try OracleReply(id: id, value: lab.leastSquaresCost(output, y))
        case "linearRegressionGradientsOfParameters":
            let X: Matrix = try request.argument("X"), y: Matrix = try request.argument("y")
            let output = try lab.linearRegressionOutput(X, request.argument("parameters"))
            return try OracleReply(id: id, value: lab.linearRegressionGradients(X, output: output, y))
        case "networkCost", "networkCostRows", "networkCrossEntropyCost":
            let rows = request.exercise == "networkCostRows"
            let (forward, y) = try forwardPass(request, rows: rows)
            let cost =
                switch request.exercise {
                case "networkCrossEntropyCost": try lab.crossEntropyCost(forward.output, y)
                case "networkCostRows": UppsalaNetworkCost.leastSquares(forward.output.T, y.T)
                default: UppsalaNetworkCost.leastSquares(forward.output, y)
                }
            return try OracleReply(id: id, value: cost)
        case "networkGradients", "networkCrossEntropyGradients":
            let parameters: UppsalaNetworkParameters = try request.argument("parameters")
            let (forward, y) = try forwardPass(request, rows: false)
            let dLdf =
                request.exercise == "networkGradients"
                ? UppsalaNetworkCost.leastSquaresDerivative(forward.output, y)
                : try lab.crossEntropyCostGradient(forward.output, y)
            return try OracleReply(id: id, value: lab.backwardPass(parameters, forward, outputGradient: dLdf))
        case "networkGradientsRows":
            let parameters: UppsalaNetworkParameters = try request.argument("parameters")
            let (forward, y) = try forwardPass(request, rows: true)
            let dLdf = UppsalaNetworkCost.leastSquaresDerivative(forward.output.T, y.T).T
            return try OracleReply(id: id, value: lab.backwardPassRows(parameters, forward, outputGradient: dLdf))
        default:
            return nil
        }
    }

    /// The submission's forward pass of `input` (samples as columns, or as rows) and the target `y`,
    /// checked to have the output's shape so that the given cost's precondition cannot stop the oracle.
    private func forwardPass(_ request: OracleRequest, rows: Bool) throws -> (UppsalaNetworkForwardPass, Matrix) {
        let input: Matrix = try request.argument("input"), y: Matrix = try request.argument("y")
        let parameters: UppsalaNetworkParameters = try request.argument("parameters")
        let forward = try rows ? lab.forwardPassRows(input, parameters) : lab.forwardPass(input, parameters)
        guard let output = forward.preactivations.last, output.rows == y.rows, output.cols == y.cols else {
            throw UppsalaResponderError.outputShape(
                found: forward.preactivations.last?.shapeDescription ?? "none", expected: y.shapeDescription)
        }
        return (forward, y)
    }
}
