// VUResponder: answers the grader's requests by calling a VUMLPLab's exercises.

/// Serves a ``VUMLPLab`` to the grader: one request, one exercise call.
///
/// Exercises and their arguments, named as in the protocol:
/// `softmaxJacobian(o)`, `crossEntropyDerivative(y, target)`, `outputGradient(o, target)`,
/// `scalarForwardBackward(x, target, parameters)`, `trainScalar(X, labels, parameters,
/// learningRate, epochs)`, `forwardBackward(x, target, parameters)` (`x` a `(1, n)` matrix),
/// `sgdEpoch(X, labels, parameters, learningRate, random)`, `batchForwardBackward(X, labels,
/// parameters)` and `train(X, labels, validationX, validationLabels, parameters, options, random)`.
///
/// Each of the three passes is also served as a loss and a gradient of its own, taking the same
/// arguments: `scalarLoss`/`scalarGradients`, `forwardLoss`/`forwardGradients` and
/// `batchLoss`/`batchGradients` return the pass's `loss` and `gradients`. A gradient check needs
/// exactly that shape (a number to differentiate, and gradients named like the parameters), so
/// they call the student's pass once and take one field; they add nothing to the student's work.
public struct VUResponder<Lab: VUMLPLab>: OracleResponder {
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
        case "softmaxJacobian":
            return try OracleReply(id: id, value: lab.softmaxJacobian(request.argument("o")))
        case "crossEntropyDerivative":
            return try OracleReply(id: id, value: lab.crossEntropyDerivative(request.argument("y"), target: request.argument("target")))
        case "outputGradient":
            return try OracleReply(id: id, value: lab.outputGradient(request.argument("o"), target: request.argument("target")))
        case "scalarForwardBackward", "scalarLoss", "scalarGradients":
            let pass = try lab.scalarForwardBackward(
                x: request.argument("x"), target: request.argument("target"), request.argument("parameters"))
            return try reply(id, pass, as: request.exercise)
        case "trainScalar":
            return try OracleReply(
                id: id,
                value: lab.trainScalar(
                    request.argument("X"), labels: request.argument("labels"), from: request.argument("parameters"),
                    learningRate: request.argument("learningRate"), epochs: request.argument("epochs")))
        case "forwardBackward", "forwardLoss", "forwardGradients":
            let pass = try lab.forwardBackward(request.argument("x"), target: request.argument("target"), request.argument("parameters"))
            return try reply(id, pass, as: request.exercise)
        case "sgdEpoch":
            var random: NumPyRandomState = try request.argument("random")
            return try OracleReply(
                id: id,
                value: lab.sgdEpoch(
                    request.argument("X"), labels: request.argument("labels"), from: request.argument("parameters"),
                    learningRate: request.argument("learningRate"), random: &random))
        case "batchForwardBackward", "batchLoss", "batchGradients":
            let pass = try lab.batchForwardBackward(
                request.argument("X"), labels: request.argument("labels"), request.argument("parameters"))
            return try reply(id, pass, as: request.exercise)
        case "train":
            var random: NumPyRandomState = try request.argument("random")
            return try OracleReply(
                id: id,
                value: lab.train(
                    request.argument("X"), labels: request.argument("labels"), validation: request.argument("validationX"),
                    validationLabels: request.argument("validationLabels"), from: request.argument("parameters"),
                    options: request.argument("options"), random: &random))
        default:
            throw unknownExercise(request)
        }
    }

    /// The whole pass, or only its loss or its gradients when the exercise asks for one of them.
    private func reply(_ id: Int, _ pass: VUPass, as exercise: String) throws -> OracleReply {
        if exercise.hasSuffix("Loss") { return try OracleReply(id: id, value: pass.loss) }
        if exercise.hasSuffix("Gradients") { return try OracleReply(id: id, value: pass.gradients) }
        return try OracleReply(id: id, value: pass)
    }
}
