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
public typealias VUResponder<Lab: VUMLPLab> = LabResponder<VUExerciseTable<Lab>>

/// The exercises of ``VUMLPLab`` that ``VUResponder`` serves.
public enum VUExerciseTable<Lab: VUMLPLab>: ExerciseTable {
    /// Each exercise under its requirement's name, and each pass's loss and gradients under names of their own.
    public static var exercises: [String: Exercise] {
        joining(
            questions,
            pass("scalarForwardBackward", loss: "scalarLoss", gradients: "scalarGradients") { lab, request in
                try lab.scalarForwardBackward(
                    x: request.argument("x"), target: request.argument("target"), request.argument("parameters"))
            },
            pass("forwardBackward", loss: "forwardLoss", gradients: "forwardGradients") { lab, request in
                try lab.forwardBackward(request.argument("x"), target: request.argument("target"), request.argument("parameters"))
            },
            pass("batchForwardBackward", loss: "batchLoss", gradients: "batchGradients") { lab, request in
                try lab.batchForwardBackward(
                    request.argument("X"), labels: request.argument("labels"), request.argument("parameters"))
            })
    }

    /// The exercises other than the passes.
    private static var questions: [String: Exercise] {
        [
            "softmaxJacobian": { lab, request in try lab.softmaxJacobian(request.argument("o")) },
            "crossEntropyDerivative": { lab, request in
                try lab.crossEntropyDerivative(request.argument("y"), target: request.argument("target"))
            },
            "outputGradient": { lab, request in try lab.outputGradient(request.argument("o"), target: request.argument("target")) },
            "trainScalar": { lab, request in
                try lab.trainScalar(
                    request.argument("X"), labels: request.argument("labels"), from: request.argument("parameters"),
                    learningRate: request.argument("learningRate"), epochs: request.argument("epochs"))
            },
            "sgdEpoch": { lab, request in
                var random: NumPyRandomState = try request.argument("random")
                return try lab.sgdEpoch(
                    request.argument("X"), labels: request.argument("labels"), from: request.argument("parameters"),
                    learningRate: request.argument("learningRate"), random: &random)
            },
            "train": { lab, request in
                var random: NumPyRandomState = try request.argument("random")
                return try lab.train(
                    request.argument("X"), labels: request.argument("labels"), validation: request.argument("validationX"),
                    validationLabels: request.argument("validationLabels"), from: request.argument("parameters"),
                    options: request.argument("options"), random: &random)
            },
        ]
    }

    /// The whole pass under `name`, and only its loss or only its gradients under `loss` and `gradients`.
    private static func pass(
        _ name: String, loss: String, gradients: String, _ run: @escaping @Sendable (Lab, OracleRequest) throws -> VUPass
    ) -> [String: Exercise] {
        [
            name: { lab, request in try run(lab, request) },
            loss: { lab, request in try run(lab, request).loss },
            gradients: { lab, request in try run(lab, request).gradients },
        ]
    }
}
