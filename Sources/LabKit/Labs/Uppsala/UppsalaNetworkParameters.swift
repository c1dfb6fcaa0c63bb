// UppsalaNetworkParameters: the weight matrices Ω0…ΩK and bias vectors β0…βK of a K-hidden-layer network.

/// `all_weights` and `all_biases` of `backpropagation.ipynb` (UDL Section 7.4): the parameters of a
/// fully connected ReLU network with `K` hidden layers, or, in the same shapes, their gradients
/// `all_dl_dweights`, `all_dl_dbiases`.
///
/// Both arrays have `K + 1` entries. Layer `k` maps its input `h_k` to `f_k = β_k + Ω_k h_k`, so
/// `weights[k]` is `(D_{k+1}, D_k)` and `biases[k]` is `(D_{k+1}, 1)`, whatever the layout of the samples:
/// with `K > 0`, `weights[0]` is `(D, D_i)`, the middle ones `(D, D)`, `weights[K]` is `(D_o, D)`.
public struct UppsalaNetworkParameters: Sendable, Hashable, Codable {
    /// `Ω_0 … Ω_K` (the notebook's `all_weights`).
    public var weights: [Matrix]
    /// `β_0 … β_K`, each a column (the notebook's `all_biases`).
    public var biases: [Matrix]

    /// Makes the parameters; stops unless there are as many bias vectors as weight matrices.
    public init(weights: [Matrix], biases: [Matrix]) {
        LabKitFailure.require(
            weights.count == biases.count && !weights.isEmpty,
            "UppsalaNetworkParameters: \(weights.count) weight matrices and \(biases.count) bias vectors; "
                + "a network with K hidden layers needs K + 1 of each")
        self.weights = weights
        self.biases = biases
    }

    /// The number of hidden layers `K` (one less than the number of weight matrices).
    public var hiddenLayers: Int { weights.count - 1 }

    /// Every matrix with its name (`W0, b0, W1, b1, …`), layer by layer, for reports.
    public var named: [(name: String, value: Matrix)] {
        zip(weights, biases).enumerated().flatMap { layer, pair in
            [("W\(layer)", pair.0), ("b\(layer)", pair.1)]
        }
    }
}
