// The numbers HLCV Exercise 2 publishes, and how the reference solution recomputes them.
import LabKit

extension ReferenceValues {
    /// HLCV Exercise 2: toy scores, toy loss, gradient-check errors and toy SGD.
    static var hlcv: [ReferenceValue] {
        let lab = HLCVExercise2()
        let toyScores: [Double] = [
            0.36446210, 0.22911264, 0.40642526, 0.47590629, 0.17217039, 0.35192332, 0.43035767, 0.26164229,
            0.30800004, 0.41583127, 0.29832280, 0.28584593, 0.36328815, 0.32279939, 0.31391246,
        ]
        var rows = [
            ReferenceValue(
                .hlcv, "Q1a toy scores (softmax probabilities)", expected: toyScores,
                tolerance: .sumOfAbsoluteDifferences(below: 1e-7),
                howComputed: "ex2_FCnet.py correct_scores; scores of init_toy_model() on init_toy_data()"
            ) {
                let (X, _) = HLCVToyProblem.data()
                return lab.scores(X, HLCVToyProblem.model().parameters).elements
            },
            ReferenceValue(
                .hlcv, "Q1b toy loss, reg 0.05", expected: 1.30378789133,
                tolerance: .close(relative: 0, absolute: 1e-12),
                howComputed: "lab text and ex2_FCnet.py: 'matching the output cost 1.30378789133' (diff < 1e-12)"
            ) {
                let (X, y) = HLCVToyProblem.data()
                return lab.loss(X, labels: y, HLCVToyProblem.model().parameters, reg: 0.05)
            },
        ]
        for name in ["W1", "b1", "W2", "b2"] {
            rows.append(
                ReferenceValue(
                    .hlcv, "Q2d max relative error of d\(name) vs numerical gradient", expected: 1e-8,
                    tolerance: .below(1e-8),
                    howComputed: "ex2_FCnet.py: rel_error(analytic, eval_numerical_gradient(h=1e-5)), reg 0.05"
                ) { HLCVReferenceChecks.gradientCheckError(of: name) })
        }
        rows += [
            ReferenceValue(
                .hlcv, "Q3a toy SGD final loss", expected: 0.017149607938732093, tolerance: .close(relative: 1e-9, absolute: 0),
                howComputed: "loss_history[-1] of train(X, y, X, y, lr 1e-1, reg 5e-6, 100 iterations), "
                    + "minibatches np.random.choice(5, 200) continuing the seed-0 stream"
            ) { HLCVReferenceChecks.toyTraining().lossHistory.last ?? .nan },
            ReferenceValue(
                .hlcv, "Q3a toy SGD reaches the lab's target loss", expected: 0.02, tolerance: .below(0.02),
                howComputed: "lab text: 'obtain loss j = 0.02 on the training set'"
            ) { HLCVReferenceChecks.toyTraining().lossHistory.last ?? .nan },
        ]
        return rows
    }
}

/// Computations behind the HLCV rows that take more than one call.
enum HLCVReferenceChecks {
    /// The lab's gradient check of one parameter: analytic gradient vs central differences.
    static func gradientCheckError(of name: String) -> Double {
        let lab = HLCVExercise2()
        let (X, y) = HLCVToyProblem.data()
        let parameters = HLCVToyProblem.model().parameters
        let analytic = lab.gradients(X, labels: y, parameters, reg: 0.05)
        let keyPath: WritableKeyPath<TwoLayerParameters, Matrix> =
            switch name {
            case "W1": \.W1
            case "b1": \.b1
            case "W2": \.W2
            default: \.b2
            }
        let numerical = GradientCheck.numericalGradient(at: parameters[keyPath: keyPath]) { value in
            var probe = parameters
            probe[keyPath: keyPath] = value
            return lab.loss(X, labels: y, probe, reg: 0.05)
        }
        return GradientCheck.relativeError(analytic[keyPath: keyPath], numerical)
    }

    /// The lab's toy SGD run (ex2_FCnet.py Question 3 a).
    static func toyTraining() -> HLCVTrainingResult {
        let model = HLCVToyProblem.model()
        var random = model.random
        let (X, y) = HLCVToyProblem.data()
        let options = HLCVTrainingOptions(learningRate: 1e-1, reg: 5e-6, iterations: 100)
        return HLCVExercise2().train(
            X, labels: y, validation: X, validationLabels: y, from: model.parameters, options: options, random: &random)
    }
}
