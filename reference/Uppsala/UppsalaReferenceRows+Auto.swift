// The published numbers of Task 3.1 (Auto linear regression by gradient descent) as ReferenceValues rows.
import LabKit

extension UppsalaReferenceRows {
    /// One of the notebook's two models and its published numbers.
    private struct AutoModel {
        let name: String
        let horsepowerOnly: Bool
        let firstCost: Double
        let finalCost: Double
        let costAfterLastUpdate: Double
        let targetCost: Double
        let weights: [Double]
        let weightsTolerance: Tolerance
        let bias: Double
        let biasTolerance: Tolerance
        /// `train_costs[-1]` for the other learning rates of the sweep (0.1 is `finalCost`).
        let sweep: [(learningRate: Double, finalCost: Double)]
    }

    private static let autoModels = [
        AutoModel(
            name: "horsepower only", horsepowerOnly: true, firstCost: 610.4738265306122, finalCost: 23.943662938603108,
            costAfterLastUpdate: 23.943662938603108, targetCost: UppsalaAutoRegression.horsepowerTargetCost,
            weights: [-6.067872402144952], weightsTolerance: .roundOff, bias: 23.44591836257092,
            biasTolerance: .roundOff,
            sweep: [
                (1, 610.4738265305932), (0.01, 34.68487618298187), (0.001, 418.5258961633039),
                (0.0001, 587.6988749726613),
            ]),
        AutoModel(
            name: "all 7 features", horsepowerOnly: false, firstCost: 610.4738265306122, finalCost: 11.028105841431824,
            costAfterLastUpdate: 11.024820672463202, targetCost: UppsalaAutoRegression.allFeaturesTargetCost,
            weights: [-0.36704912, 0.50078474, -0.94614580, -4.32248116, -0.09037651, 2.68028823, 1.07617616],
            weightsTolerance: .close(relative: 0, absolute: 5e-9), bias: 23.44591836,
            biasTolerance: .close(relative: 0, absolute: 5e-9),
            sweep: [
                (1, 6.766130143923197e182), (0.01, 22.450710123794885), (0.001, 392.54225457609886),
                (0.0001, 581.6668539934332),
            ]),
    ]

    /// Task 3.1: both models' costs, targets, parameters and learning-rate sweeps, and the unnormalised runs.
    static var autoRegression: [ReferenceValue] {
        autoModels.flatMap(autoRows) + unnormalisedRows
    }

    private static func autoRows(_ model: AutoModel) -> [ReferenceValue] {
        let source =
            "README 1a (\(model.name), α 0.1, 100 iterations, population-std normalisation, zero start); "
            + "reference trainLinearRegression on Datasets.auto()"
        let hp = model.horsepowerOnly
        let prefix = "Task 3.1 \(model.name):"
        var rows = [
            ReferenceValue(
                .uppsala, "\(prefix) train_costs[0]", expected: model.firstCost, tolerance: .roundOff,
                howComputed: source
            ) { try UppsalaReferenceChecks.autoTraining(horsepowerOnly: hp).trainCosts.first ?? .nan },
            ReferenceValue(
                .uppsala, "\(prefix) train_costs[-1]", expected: model.finalCost, tolerance: .roundOff,
                howComputed: source + "; the cost before the last update, as the notebook's legend shows it"
            ) {
                try UppsalaReferenceChecks.autoTraining(horsepowerOnly: hp).trainCosts.last ?? .nan
            },
            ReferenceValue(
                .uppsala, "\(prefix) final cost meets the notebook's bar", expected: model.targetCost,
                tolerance: .below(model.targetCost),
                howComputed: "notebook: 'the final cost for the two models should be less than 25 and less than 12'"
            ) {
                try UppsalaReferenceChecks.autoTraining(horsepowerOnly: hp).trainCosts.last ?? .nan
            },
            ReferenceValue(
                .uppsala, "\(prefix) cost after the 100th update", expected: model.costAfterLastUpdate,
                tolerance: .roundOff, howComputed: source + "; cost of the returned parameters"
            ) {
                try UppsalaReferenceChecks.autoCostAfterTraining(horsepowerOnly: hp)
            },
            ReferenceValue(
                .uppsala, "\(prefix) trained weights", expected: model.weights, tolerance: model.weightsTolerance,
                howComputed: source + " (README gives the printed digits)"
            ) {
                try UppsalaReferenceChecks.autoTraining(horsepowerOnly: hp).parameters.weights.elements
            },
            ReferenceValue(
                .uppsala, "\(prefix) trained bias", expected: model.bias, tolerance: model.biasTolerance,
                howComputed: source + " (README gives the printed digits)"
            ) {
                try UppsalaReferenceChecks.autoTraining(horsepowerOnly: hp).parameters.bias[0, 0]
            },
        ]
        rows += model.sweep.map { learningRate, finalCost in
            ReferenceValue(
                .uppsala, "\(prefix) train_costs[-1] at learning rate \(learningRate.shortText)", expected: finalCost,
                tolerance: .roundOff, howComputed: "README 1a learning-rate sweep (100 iterations); " + source
            ) {
                try UppsalaReferenceChecks.autoTraining(horsepowerOnly: hp, learningRate: learningRate).trainCosts.last
                    ?? .nan
            }
        }
        return rows
    }

    /// The notebook's last TO DO: all features without normalisation, at learning rates that do not overflow.
    private static var unnormalisedRows: [ReferenceValue] {
        let published: [(Double, Double)] = [
            (1e-6, 3.883951103601201e252), (1e-7, 165.3915302139761), (1e-8, 177.97123332804068),
        ]
        return published.map { learningRate, finalCost in
            ReferenceValue(
                .uppsala,
                "Task 3.1 all 7 features, unnormalised: train_costs[-1] at learning rate \(learningRate.shortText)",
                expected: finalCost, tolerance: .roundOff,
                howComputed: "README 1a / lab_reference.json auto.unnormalized_all_features_final_cost; raw inputs"
            ) {
                try UppsalaReferenceChecks.autoTraining(
                    horsepowerOnly: false, learningRate: learningRate, normalised: false
                )
                .trainCosts.last ?? .nan
            }
        }
    }
}
