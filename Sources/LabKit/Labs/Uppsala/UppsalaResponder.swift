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
public typealias UppsalaResponder<Lab: UppsalaBackpropLab> = LabResponder<UppsalaExerciseTable<Lab>>

/// The exercises of ``UppsalaBackpropLab`` that ``UppsalaResponder`` serves.
public enum UppsalaExerciseTable<Lab: UppsalaBackpropLab>: ExerciseTable {
    /// Each exercise under its requirement's name, and the chained exercises.
    public static var exercises: [String: Exercise] { joining(linearRegression, toyModel, network, chained) }

    /// Section 2 and Task 3.1.
    private static var linearRegression: [String: Exercise] {
        [
            "linearRegressionOutput": { lab, request in
                try lab.linearRegressionOutput(request.argument("X"), request.argument("parameters"))
            },
            "leastSquaresCost": { lab, request in try lab.leastSquaresCost(request.argument("output"), request.argument("y")) },
            "leastSquaresCostGradient": { lab, request in
                try lab.leastSquaresCostGradient(request.argument("output"), request.argument("y"))
            },
            "linearRegressionGradients": { lab, request in
                try lab.linearRegressionGradients(request.argument("X"), output: request.argument("output"), request.argument("y"))
            },
            "trainLinearRegression": { lab, request in
                try lab.trainLinearRegression(
                    request.argument("X"), request.argument("y"), from: request.argument("parameters"),
                    iterations: request.argument("iterations"), learningRate: request.argument("learningRate"))
            },
            "linearLayerWeightGradient": { lab, request in
                try lab.linearLayerWeightGradient(request.argument("dLdf"), request.argument("h"))
            },
            "softmaxCrossEntropyLossGradient": { lab, request in
                try lab.softmaxCrossEntropyLossGradient(request.argument("f"), request.argument("yOneHot"))
            },
        ]
    }

    /// Task 3.2.
    private static var toyModel: [String: Exercise] {
        [
            "toyForwardPass": { lab, request in
                try lab.toyForwardPass(x: request.argument("x"), y: request.argument("y"), request.argument("parameters"))
            },
            "toyBackwardPass": { lab, request in
                try lab.toyBackwardPass(request.argument("forward"), y: request.argument("y"), request.argument("parameters"))
            },
            "toyParameterGradients": { lab, request in
                try lab.toyParameterGradients(request.argument("forward"), request.argument("backward"), x: request.argument("x"))
            },
        ]
    }

    /// Tasks 3.3–3.6.
    private static var network: [String: Exercise] {
        [
            "forwardPass": { lab, request in try lab.forwardPass(request.argument("input"), request.argument("parameters")) },
            "backwardPass": { lab, request in
                try lab.backwardPass(
                    request.argument("parameters"), request.argument("forward"), outputGradient: request.argument("outputGradient"))
            },
            "forwardPassRows": { lab, request in try lab.forwardPassRows(request.argument("input"), request.argument("parameters")) },
            "backwardPassRows": { lab, request in
                try lab.backwardPassRows(
                    request.argument("parameters"), request.argument("forward"), outputGradient: request.argument("outputGradient"))
            },
            "softmax": { lab, request in try lab.softmax(request.argument("f")) },
            "crossEntropyCost": { lab, request in try lab.crossEntropyCost(request.argument("output"), request.argument("y")) },
            "crossEntropyCostGradient": { lab, request in
                try lab.crossEntropyCostGradient(request.argument("output"), request.argument("y"))
            },
        ]
    }

    /// The costs of the parameters and their gradients, for the gradient checks.
    private static var chained: [String: Exercise] {
        [
            "linearRegressionCostOfParameters": { lab, request in
                let X: Matrix = try request.argument("X"), y: Matrix = try request.argument("y")
                let output = try lab.linearRegressionOutput(X, request.argument("parameters"))
                return try lab.leastSquaresCost(output, y)
            },
            "linearRegressionGradientsOfParameters": { lab, request in
                let X: Matrix = try request.argument("X"), y: Matrix = try request.argument("y")
                let output = try lab.linearRegressionOutput(X, request.argument("parameters"))
                return try lab.linearRegressionGradients(X, output: output, y)
            },
            "networkCost": { lab, request in
                let (forward, y) = try forwardPass(of: lab, request, rows: false)
                return UppsalaNetworkCost.leastSquares(forward.output, y)
            },
            "networkCostRows": { lab, request in
                let (forward, y) = try forwardPass(of: lab, request, rows: true)
                return UppsalaNetworkCost.leastSquares(forward.output.T, y.T)
            },
            "networkCrossEntropyCost": { lab, request in
                let (forward, y) = try forwardPass(of: lab, request, rows: false)
                return try lab.crossEntropyCost(forward.output, y)
            },
            "networkGradients": { lab, request in
                let parameters: UppsalaNetworkParameters = try request.argument("parameters")
                let (forward, y) = try forwardPass(of: lab, request, rows: false)
                return try lab.backwardPass(
                    parameters, forward, outputGradient: UppsalaNetworkCost.leastSquaresDerivative(forward.output, y))
            },
            "networkCrossEntropyGradients": { lab, request in
                let parameters: UppsalaNetworkParameters = try request.argument("parameters")
                let (forward, y) = try forwardPass(of: lab, request, rows: false)
                return try lab.backwardPass(parameters, forward, outputGradient: lab.crossEntropyCostGradient(forward.output, y))
            },
            "networkGradientsRows": { lab, request in
                let parameters: UppsalaNetworkParameters = try request.argument("parameters")
                let (forward, y) = try forwardPass(of: lab, request, rows: true)
                let dLdf = UppsalaNetworkCost.leastSquaresDerivative(forward.output.T, y.T).T
                return try lab.backwardPassRows(parameters, forward, outputGradient: dLdf)
            },
        ]
    }

    /// The submission's forward pass of `input` (samples as columns, or as rows) and the target `y`,
    /// checked to have the output's shape so that the given cost's precondition cannot stop the oracle.
    private static func forwardPass(of lab: Lab, _ request: OracleRequest, rows: Bool) throws -> (UppsalaNetworkForwardPass, Matrix) {
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
