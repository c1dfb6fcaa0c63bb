// HLCVResponder: answers the grader's requests by calling an HLCVTwoLayerNetLab's exercises.

/// Serves an ``HLCVTwoLayerNetLab`` to the grader: one request, one exercise call.
///
/// Exercises and their arguments: `scores(X, parameters)`, `loss(X, labels, parameters, reg)`,
/// `gradients(X, labels, parameters, reg)`, `train(X, labels, validationX, validationLabels,
/// parameters, options, random)`, `predict(X, parameters)`.
public struct HLCVResponder<Lab: HLCVTwoLayerNetLab>: OracleResponder {
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
        case "scores":
            return try OracleReply(id: id, value: lab.scores(request.argument("X"), request.argument("parameters")))
        case "loss":
            return try OracleReply(
                id: id,
                value: lab.loss(
                    request.argument("X"), labels: request.argument("labels"), request.argument("parameters"),
                    reg: request.argument("reg")))
        case "gradients":
            return try OracleReply(
                id: id,
                value: lab.gradients(
                    request.argument("X"), labels: request.argument("labels"), request.argument("parameters"),
                    reg: request.argument("reg")))
        case "train":
            var random: NumPyRandomState = try request.argument("random")
            return try OracleReply(
                id: id,
                value: lab.train(
                    request.argument("X"), labels: request.argument("labels"), validation: request.argument("validationX"),
                    validationLabels: request.argument("validationLabels"), from: request.argument("parameters"),
                    options: request.argument("options"), random: &random))
        case "predict":
            return try OracleReply(id: id, value: lab.predict(request.argument("X"), request.argument("parameters")))
        default:
            throw unknownExercise(request)
        }
    }
}
