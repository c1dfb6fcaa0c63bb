// UppsalaNetworkSetup: the given cells of backpropagation.ipynb: the seeded network and the seeded data.

/// The network and data the backpropagation notebook builds before its exercises (Tasks 3.3–3.6),
/// drawn from NumPy's seed-0 stream in the notebook's order.
///
/// The notebook draws the parameters with `np.random.seed(0)` and then **reseeds to 0** before
/// drawing the input, so the input and target repeat the first parameter draws.
public enum UppsalaNetworkSetup {
    /// `K = 5` hidden layers.
    public static let hiddenLayers = 5
    /// `D = 6` neurons per hidden layer.
    public static let width = 6
    /// `D_i = 1`, the input dimension.
    public static let inputDimension = 1
    /// `D_o = 1`, the output dimension of the least-squares network (Tasks 3.3–3.5).
    public static let outputDimension = 1
    /// `D_o = 3` classes for the softmax network of Task 3.6 (the lab leaves it open; 3 is this port's choice).
    public static let classes = 3
    /// `n_samples = 5` for the softmax network of Task 3.6 (the lab leaves it open; 5 is this port's choice).
    public static let crossEntropySamples = 5

    /// The notebook's parameter cell, drawing from `random` with `normal(size=…)` in its order:
    /// `Ω_0 (D, D_i)`, `Ω_K (D_o, D)`, `β_0 (D, 1)`, `β_K (D_o, 1)`, then for `k = 1 … K−1`
    /// `Ω_k (D, D)` and `β_k (D, 1)`.
    ///
    /// With `K = 0` (the Uppsala edit's branch) the network is one affine map: `Ω_0 (D_o, D_i)`
    /// then `β_0 (D_o, 1)`. The udlbook original has no such branch and gets `K = 0` wrong.
    public static func initialParameters(
        hiddenLayers K: Int, width D: Int, inputDimension: Int, outputDimension: Int, random: inout NumPyRandomState
    ) -> UppsalaNetworkParameters {
        LabKitFailure.require(K >= 0, "UppsalaNetworkSetup.initialParameters: K = \(K) hidden layers is negative")
        if K == 0 {
            let weight = random.normal(rows: outputDimension, cols: inputDimension)
            let bias = random.normal(rows: outputDimension, cols: 1)
            return UppsalaNetworkParameters(weights: [weight], biases: [bias])
        }
        var weights = [Matrix](repeating: Matrix.zeros(rows: 0, cols: 0), count: K + 1)
        var biases = weights
        weights[0] = random.normal(rows: D, cols: inputDimension)
        weights[K] = random.normal(rows: outputDimension, cols: D)
        biases[0] = random.normal(rows: D, cols: 1)
        biases[K] = random.normal(rows: outputDimension, cols: 1)
        for layer in 1..<K {
            weights[layer] = random.normal(rows: D, cols: D)
            biases[layer] = random.normal(rows: D, cols: 1)
        }
        return UppsalaNetworkParameters(weights: weights, biases: biases)
    }

    /// The notebook's network: `np.random.seed(0)`, then
    /// ``initialParameters(hiddenLayers:width:inputDimension:outputDimension:random:)`` with `K = 5`,
    /// `D = 6`, `D_i = 1` and the given output dimension (1 for least squares, 3 for Task 3.6).
    public static func network(outputDimension: Int = outputDimension) -> UppsalaNetworkParameters {
        var random = NumPyRandomState(seed: 0)
        return initialParameters(
            hiddenLayers: hiddenLayers, width: width, inputDimension: inputDimension, outputDimension: outputDimension,
            random: &random)
    }

    /// The notebook's least-squares data, samples as columns: `np.random.seed(0)`, then
    /// `net_input = normal(0, 1, (D_i, n))` and `y = normal(0, 1, (D_o, n))` from the same stream.
    ///
    /// `samples` is the notebook's `n_samples`: 1 in Task 3.3, more than 1 in Task 3.4.
    public static func leastSquaresData(
        samples: Int, inputDimension: Int = inputDimension, outputDimension: Int = outputDimension
    ) -> (input: Matrix, target: Matrix) {
        var random = NumPyRandomState(seed: 0)
        let input = random.normal(loc: 0, scale: 1, rows: inputDimension, cols: samples)
        let target = random.normal(loc: 0, scale: 1, rows: outputDimension, cols: samples)
        return (input, target)
    }

    /// Task 3.6's data, samples as columns: `np.random.seed(0)`, `net_input = normal(0, 1, (D_i, n))`,
    /// then one-hot targets `np.eye(D_o)[np.random.choice(D_o, n)].T` from the same stream.
    public static func crossEntropyData(
        samples: Int = crossEntropySamples, inputDimension: Int = inputDimension, classes: Int = classes
    ) -> (input: Matrix, target: Matrix) {
        var random = NumPyRandomState(seed: 0)
        let input = random.normal(loc: 0, scale: 1, rows: inputDimension, cols: samples)
        let labels = random.choice(classes, count: samples)
        return (input, Matrix.oneHot(labels, classes: classes).T)
    }

    /// The udlbook original (notebook 7.2) of the same exercise: input `1.2` and target `20.0`,
    /// one sample, on the same seed-0 network.
    public static func udlbookData() -> (input: Matrix, target: Matrix) {
        (Matrix([[1.2]]), Matrix([[20.0]]))
    }
}
