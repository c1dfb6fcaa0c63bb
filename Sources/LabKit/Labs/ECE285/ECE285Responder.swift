// ECE285Responder: answers the grader's requests by calling an ECE285BackpropLab's exercises.

/// Serves an ``ECE285BackpropLab`` to the grader: one request, one exercise call.
///
/// Exercises and their arguments (samples are columns, as in the lab):
/// `normalizeMNISTImages(x)`, `labelToOneHot(labels, classes)`, `oneHotToLabel(d)`, `softmax(a)`,
/// `softmaxp(a, e)`, `relu(a)`, `relup(a, e)`, `forwardpropShallow(x, net)`, `evalLoss(y, d)`,
/// `evalPerfs(y, labels)`, `updateShallow(x, d, net, gamma)`, `backpropShallow(x, d, net, T, gamma)`,
/// `backpropMinibatchShallow(x, d, net, T, B, gamma, random)`.
public typealias ECE285Responder<Lab: ECE285BackpropLab> = LabResponder<ECE285ExerciseTable<Lab>>

/// The exercises of ``ECE285BackpropLab`` that ``ECE285Responder`` serves.
public enum ECE285ExerciseTable<Lab: ECE285BackpropLab>: ExerciseTable {
    /// Each exercise under its requirement's name.
    public static var exercises: [String: Exercise] { joining(functions, training) }

    /// The exercises that compute one thing.
    private static var functions: [String: Exercise] {
        [
            "normalizeMNISTImages": { lab, request in try lab.normalizeMNISTImages(request.argument("x")) },
            "labelToOneHot": { lab, request in
                try lab.labelToOneHot(request.argument("labels"), classes: request.argument("classes"))
            },
            "oneHotToLabel": { lab, request in try lab.oneHotToLabel(request.argument("d")) },
            "softmax": { lab, request in try lab.softmax(request.argument("a")) },
            "softmaxp": { lab, request in try lab.softmaxp(request.argument("a"), request.argument("e")) },
            "relu": { lab, request in try lab.relu(request.argument("a")) },
            "relup": { lab, request in try lab.relup(request.argument("a"), request.argument("e")) },
            "forwardpropShallow": { lab, request in try lab.forwardpropShallow(request.argument("x"), request.argument("net")) },
            "evalLoss": { lab, request in try lab.evalLoss(request.argument("y"), request.argument("d")) },
            "evalPerfs": { lab, request in try lab.evalPerfs(request.argument("y"), request.argument("labels")) },
        ]
    }

    /// The exercises that step or train the network.
    private static var training: [String: Exercise] {
        [
            "updateShallow": { lab, request in
                try lab.updateShallow(
                    request.argument("x"), request.argument("d"), request.argument("net"), gamma: request.argument("gamma"))
            },
            "backpropShallow": { lab, request in
                try lab.backpropShallow(
                    request.argument("x"), request.argument("d"), request.argument("net"), T: request.argument("T"),
                    gamma: request.argument("gamma"))
            },
            "backpropMinibatchShallow": { lab, request in
                var random: NumPyRandomState = try request.argument("random")
                return try lab.backpropMinibatchShallow(
                    request.argument("x"), request.argument("d"), request.argument("net"), T: request.argument("T"),
                    B: request.argument("B"), gamma: request.argument("gamma"), random: &random)
            },
        ]
    }
}
