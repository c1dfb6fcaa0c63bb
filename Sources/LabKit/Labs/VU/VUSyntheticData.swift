// VUSyntheticData: the assignment's `load_synth`, the two-class quadratic data set of Question 4.

/// The synthetic data of Question 4, as the assignment's `data.py` `load_synth` makes it:
/// standard normal points in the plane, class 1 when a quadratic form exceeds 0.6.
///
/// Samples are **rows**: `xtrain` is `(numTrain, 2)`, `xval` is `(numVal, 2)`. The inputs
/// are not normalised (they are already N(0, 1)).
public struct VUSyntheticData: Sendable, Hashable {
    /// Training inputs, `(numTrain, 2)`.
    public var xtrain: Matrix
    /// Training labels, 0 or 1.
    public var ytrain: [Int]
    /// Validation inputs, `(numVal, 2)`.
    public var xval: Matrix
    /// Validation labels, 0 or 1.
    public var yval: [Int]
    /// The number of classes, `2`.
    public var numClasses: Int

    /// A point is class 1 when its quadratic form is above this value (`THRESHOLD` in `data.py`).
    public static let threshold = 0.6

    /// The matrix of the quadratic form, `quad = [[1, −0.05], [1, 0.4]]`.
    public static let quad = Matrix([[1, -0.05], [1, 0.4]])

    /// `load_synth(num_train, num_val, seed)`: reseeds `random` with `seed`, draws
    /// `x = randn(numTrain + numVal, 2)`, labels each row `q > 0.6`, and splits the first
    /// `numTrain` rows off for training.
    ///
    /// As `np.random.seed(seed)` reseeds NumPy's global generator, this reseeds `random` and
    /// leaves it just after the data draws, so a network initialised from `random` afterwards
    /// gets the weights the lab's code would get. The lab's `.astype(np.int)` fails on NumPy
    /// ≥ 1.24; it means `int`.
    public static func load(
        numTrain: Int = 60_000, numVal: Int = 10_000, seed: UInt32 = 0, random: inout NumPyRandomState
    ) -> VUSyntheticData {
        random.seed(seed)
        let x = random.randn(rows: numTrain + numVal, cols: 2)
        let y = quadraticForm(x).map { $0 > threshold ? 1 : 0 }
        return VUSyntheticData(
            xtrain: x[rows: 0..<numTrain], ytrain: Array(y[0..<numTrain]),
            xval: x[rows: numTrain..<(numTrain + numVal)], yval: Array(y[numTrain...]), numClasses: 2)
    }

    /// `load_synth` with a generator of its own.
    public static func load(numTrain: Int = 60_000, numVal: Int = 10_000, seed: UInt32 = 0) -> VUSyntheticData {
        var random = NumPyRandomState(seed: seed)
        return load(numTrain: numTrain, numVal: numVal, seed: seed, random: &random)
    }

    /// `q = np.einsum('bf, fk, bk -> b', x, quad, x)` for every row of the `(N, 2)` matrix `x`,
    /// that is `x₀² + 0.95·x₀x₁ + 0.4·x₁²`.
    ///
    /// The sum runs in einsum's order, `f` outer and `k` inner, each term `(x_f·quad_fk)·x_k`
    /// added to a running total from 0. That order gives NumPy's `q` bit for bit (checked on all
    /// 70 000 seed-0 rows), so points within round-off of the threshold get NumPy's labels.
    public static func quadraticForm(_ x: Matrix) -> [Double] {
        LabKitFailure.require(x.cols == 2, "quadraticForm: x must be (N, 2), got \(x.shapeDescription)")
        return (0..<x.rows).map { row in
            var q = 0.0
            for f in 0..<2 {
                for k in 0..<2 {
                    q += x[row, f] * quad[f, k] * x[row, k]
                }
            }
            return q
        }
    }
}
