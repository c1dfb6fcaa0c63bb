// UppsalaAutoRegression: the given code of Auto_linear_regression.ipynb (Task 3.1): data, normalisation, settings.

/// What `Auto_linear_regression.ipynb` gives around the exercises: the zero initialisation,
/// the input normalisation, the training settings and the notebook's targets.
public enum UppsalaAutoRegression {
    /// The seven input columns, in the notebook's order (`x_train`); `mpg` is the output.
    public static let featureNames = [
        "cylinders", "displacement", "horsepower", "weight", "acceleration", "year", "origin",
    ]
    /// The column of `horsepower` in ``featureNames`` (the notebook's `x_train_norm[:,[2]]`).
    public static let horsepowerColumn = 2
    /// `iterations=100` of the notebook's training cells.
    public static let iterations = 100
    /// `alpha=0.1` of the notebook's training cells.
    public static let learningRate = 0.1
    /// The learning rates the notebook asks to compare: `[1, 1e-1, 1e-2, 1e-3, 1e-4]`.
    public static let learningRateSweep = [1, 1e-1, 1e-2, 1e-3, 1e-4]
    /// "the final cost … should be less than 25" for the horsepower-only model.
    public static let horsepowerTargetCost = 25.0
    /// "… and less than 12" for the model on all seven features.
    public static let allFeaturesTargetCost = 12.0

    /// The notebook's `x_train` `(392, 7)` (the ``featureNames`` columns) and `y_train` `(392, 1)`
    /// (`mpg`), one car per row, from ``Datasets/auto(from:)``: the ISLR table with the 5 cars of
    /// unknown horsepower already dropped, as the notebook's `dropna()` does.
    public static func trainingData(from locator: DataLocator = .standard) throws -> (x: Matrix, y: Matrix) {
        let table = try Datasets.auto(from: locator)
        return (try table.matrix(columns: featureNames), try table.matrix(columns: ["mpg"]))
    }

    /// `initialize(D_i)`: `ω = 0` `(D_i, 1)` and `β = 0` `(1, 1)`.
    public static func initialParameters(inputDimension: Int) -> UppsalaLinearParameters {
        UppsalaLinearParameters(weights: .zeros(rows: inputDimension, cols: 1), bias: .zeros(rows: 1, cols: 1))
    }

    /// `(x − mean(x, axis=0)) / std(x, axis=0)`: every column shifted to mean 0 and scaled by its
    /// **population** standard deviation (NumPy's default `ddof=0`, dividing by `I`, not `I − 1`).
    public static func normalized(_ x: Matrix) -> Matrix {
        let mean = x.mean(axis: 0)
        let centred = x - mean
        let std = centred.squared().mean(axis: 0).sqrt()
        return centred / std
    }
}
