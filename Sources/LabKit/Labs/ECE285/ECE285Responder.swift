// ECE285Responder: answers the grader's requests by calling an ECE285BackpropLab's exercises.

/// Serves an ``ECE285BackpropLab`` to the grader: one request, one exercise call.
///
/// Exercises and their arguments (samples are columns, as in the lab):
/// `normalizeMNISTImages(x)`, `labelToOneHot(labels, classes)`, `oneHotToLabel(d)`, `softmax(a)`,
/// `softmaxp(a, e)`, `relu(a)`, `relup(a, e)`, `forwardpropShallow(x, net)`, `evalLoss(y, d)`,
/// `evalPerfs(y, labels)`, `updateShallow(x, d, net, gamma)`, `backpropShallow(x, d, net, T, gamma)`,
/// `backpropMinibatchShallow(x, d, net, T, B, gamma, random)`.
public struct ECE285Responder<Lab: ECE285BackpropLab>: OracleResponder {
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
        case "normalizeMNISTImages":
            return try OracleReply(id: id, value: lab.normalizeMNISTImages(request.argument("x")))
        case "labelToOneHot":
            return try OracleReply(id: id, value: lab.labelToOneHot(request.argument("labels"), classes: request.argument("classes")))
        case "oneHotToLabel":
            return try OracleReply(id: id, value: lab.oneHotToLabel(request.argument("d")))
        case "softmax":
            return try OracleReply(id: id, value: lab.softmax(request.argument("a")))
        case "softmaxp":
            return try OracleReply(id: id, value: lab.softmaxp(request.argument("a"), request.argument("e")))
        case "relu":
            return try OracleReply(id: id, value: lab.relu(request.argument("a")))
        case "relup":
            return try OracleReply(id: id, value: lab.relup(request.argument("a"), request.argument("e")))
        case "forwardpropShallow":
            return try OracleReply(id: id, value: lab.forwardpropShallow(request.argument("x"), request.argument("net")))
        case "evalLoss":
            return try OracleReply(id: id, value: lab.evalLoss(request.argument("y"), request.argument("d")))
        case "evalPerfs":
            return try OracleReply(id: id, value: lab.evalPerfs(request.argument("y"), request.argument("labels")))
        default:
            return try respondTraining(to: request)
        }
    }

    /// The exercises that step or train the network.
    private func respondTraining(to request: OracleRequest) throws -> OracleReply {
        let id = request.id
        switch request.exercise {
        case "updateShallow":
            return try OracleReply(
                id: id,
                value: lab.updateShallow(
                    request.argument("x"), request.argument("d"), request.argument("net"), gamma: request.argument("gamma")))
        case "backpropShallow":
            return try OracleReply(
                id: id,
                value: lab.backpropShallow(
                    request.argument("x"), request.argument("d"), request.argument("net"), T: request.argument("T"),
                    gamma: request.argument("gamma")))
        case "backpropMinibatchShallow":
            var random: NumPyRandomState = try request.argument("random")
            return try OracleReply(
                id: id,
                value: lab.backpropMinibatchShallow(
                    request.argument("x"), request.argument("d"), request.argument("net"), T: request.argument("T"),
                    B: request.argument("B"), gamma: request.argument("gamma"), random: &random))
        default:
            throw unknownExercise(request)
        }
    }
}
