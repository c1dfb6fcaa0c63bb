// VUData: the assignment's data sets as its `data.py` returns them, and `load_synth` for Question 4.

/// A data set as the assignment's loaders return it: `(xtrain, ytrain), (xval, yval), num_cls`.
///
/// Samples are **rows**: `xtrain` is `(N, features)`, `xval` is `(M, features)`; labels are
/// integers in `0..<numClasses`. ``loadSynth(numTrain:numVal:seed:random:)`` is Question 4's
/// data; `loadMNIST5k(final:)` and `loadFashionMNIST(final:)` stand in for `load_mnist`.
public struct VUData: Sendable, Hashable {
    /// Training inputs, one sample per row.
    public var xtrain: Matrix
    /// Training labels.
    public var ytrain: [Int]
    /// Validation (or, for a final run, test) inputs, one sample per row.
    public var xval: Matrix
    /// Validation (or test) labels.
    public var yval: [Int]
    /// The number of classes.
    public var numClasses: Int

    /// Makes a data set from its parts.
    public init(xtrain: Matrix, ytrain: [Int], xval: Matrix, yval: [Int], numClasses: Int) {
        self.xtrain = xtrain
        self.ytrain = ytrain
        self.xval = xval
        self.yval = yval
        self.numClasses = numClasses
    }

    /// In `load_synth` a point is class 1 when its quadratic form is above this value (`THRESHOLD`).
    public static let threshold = 0.6

    /// The matrix of `load_synth`'s quadratic form, `quad = [[1, −0.05], [1, 0.4]]`.
    public static let quad = Matrix([[1, -0.05], [1, 0.4]])

    /// `load_synth(num_train, num_val, seed)`, the synthetic data of Question 4: reseeds `random`
    /// with `seed`, draws `x = randn(numTrain + numVal, 2)`, labels each row 1 when
    /// ``quadraticForm(_:)`` is above 0.6 and 0 otherwise, and splits off the first `numTrain`
    /// rows for training. Two classes; the inputs are not normalised (they are already N(0, 1)).
    ///
    /// As `np.random.seed(seed)` reseeds NumPy's global generator, this reseeds `random` and
    /// leaves it just after the data draws, so a network initialised from `random` afterwards
    /// gets the weights the lab's code would get. The lab's `.astype(np.int)` fails on NumPy
    /// ≥ 1.24; it means `int`.
    public static func loadSynth(
        numTrain: Int = 60_000, numVal: Int = 10_000, seed: UInt32 = 0, random: inout NumPyRandomState
    ) -> VUData {
        random.seed(seed)
        let x = random.randn(rows: numTrain + numVal, cols: 2)
        let y = quadraticForm(x).map { $0 > threshold ? 1 : 0 }
        return VUData(
            xtrain: x[rows: 0..<numTrain], ytrain: Array(y[0..<numTrain]),
            xval: x[rows: numTrain..<(numTrain + numVal)], yval: Array(y[numTrain...]), numClasses: 2)
    }

    /// `load_synth` with a generator of its own.
    public static func loadSynth(numTrain: Int = 60_000, numVal: Int = 10_000, seed: UInt32 = 0) -> VUData {
        var random = NumPyRandomState(seed: seed)
        return loadSynth(numTrain: numTrain, numVal: numVal, seed: seed, random: &random)
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
