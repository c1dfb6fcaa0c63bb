// HLCVResponder: answers the grader's requests by calling an HLCVTwoLayerNetLab's exercises.

/// Serves an ``HLCVTwoLayerNetLab`` to the grader: one request, one exercise call.
///
/// Exercises and their arguments: `scores(X, parameters)`, `loss(X, labels, parameters, reg)`,
/// `gradients(X, labels, parameters, reg)`, `train(X, labels, validationX, validationLabels,
/// parameters, options, random)`, `predict(X, parameters)`.
public typealias HLCVResponder<Lab: HLCVTwoLayerNetLab> = LabResponder<HLCVExerciseTable<Lab>>

/// The exercises of ``HLCVTwoLayerNetLab`` that ``HLCVResponder`` serves.
public enum HLCVExerciseTable<Lab: HLCVTwoLayerNetLab>: ExerciseTable {
    /// Each exercise under its requirement's name.
    public static var exercises: [String: Exercise] {
        [
            "scores": { lab, request in try lab.scores(request.argument("X"), request.argument("parameters")) },
            "loss": { lab, request in
                try lab.loss(
                    request.argument("X"), labels: request.argument("labels"), request.argument("parameters"),
                    reg: request.argument("reg"))
            },
            "gradients": { lab, request in
                try lab.gradients(
                    request.argument("X"), labels: request.argument("labels"), request.argument("parameters"),
                    reg: request.argument("reg"))
            },
            "train": { lab, request in
                var random: NumPyRandomState = try request.argument("random")
                return try lab.train(
                    request.argument("X"), labels: request.argument("labels"), validation: request.argument("validationX"),
                    validationLabels: request.argument("validationLabels"), from: request.argument("parameters"),
                    options: request.argument("options"), random: &random)
            },
            "predict": { lab, request in try lab.predict(request.argument("X"), request.argument("parameters")) },
        ]
    }
}
