// HLCVToyProblem: the lab's given toy network and toy data (ex2_FCnet.py), drawn from NumPy seeds.

/// The toy instance every HLCV check starts from: 5 samples of 4 features, 10 hidden units,
/// 3 classes, exactly as `init_toy_model()` and `init_toy_data()` make them.
public enum HLCVToyProblem {
    /// Input size `D` of the toy net.
    public static let inputSize = 4
    /// Hidden size `H` of the toy net.
    public static let hiddenSize = 10
    /// Number of classes `C`.
    public static let numClasses = 3
    /// Number of toy samples `N`.
    public static let numInputs = 5

    /// The lab's `TwoLayerNet.__init__`: `W1 = std·randn(D, H)`, `b1 = 0`, `W2 = std·randn(H, C)`,
    /// `b2 = 0`, drawn in that order from `random`.
    public static func initialParameters(
        inputSize: Int, hiddenSize: Int, outputSize: Int, std: Double = 1e-4, random: inout NumPyRandomState
    ) -> TwoLayerParameters {
        let W1 = std * random.randn(rows: inputSize, cols: hiddenSize)
        let W2 = std * random.randn(rows: hiddenSize, cols: outputSize)
        return TwoLayerParameters(
            W1: W1, b1: .zeros(rows: 1, cols: hiddenSize), W2: W2, b2: .zeros(rows: 1, cols: outputSize))
    }

    /// `init_toy_model()`: `np.random.seed(0)`, then `TwoLayerNet(4, 10, 3, std=1e-1)`.
    ///
    /// Returns the generator too, because the lab's toy training continues the seed-0 stream.
    public static func model() -> (parameters: TwoLayerParameters, random: NumPyRandomState) {
        var random = NumPyRandomState(seed: 0)
        let parameters = initialParameters(
            inputSize: inputSize, hiddenSize: hiddenSize, outputSize: numClasses, std: 1e-1, random: &random)
        return (parameters, random)
    }

    /// `init_toy_data()`: `np.random.seed(1)`, `X = 10·randn(5, 4)`, `y = [0, 1, 2, 2, 1]`.
    public static func data() -> (X: Matrix, y: [Int]) {
        var random = NumPyRandomState(seed: 1)
        return (10 * random.randn(rows: numInputs, cols: inputSize), [0, 1, 2, 2, 1])
    }
}
