// DTUNetwork: the weights w⁽¹⁾ … w⁽ᴸ⁾ and activations h_1 … h_L of the lab's feed-forward network.

/// A feed-forward network with `L` layers of weights, in the lab's notation (Bishop Figure 5.1).
///
/// **Biases.** The lab folds each bias into its layer's weights through an extra input fixed at
/// one, `x_0 = 1` and `z_0⁽ˡ⁾ = 1` (Eq. 3). So `weights[l − 1]` holds `w⁽ˡ⁾` with shape
/// `(M_l, M_{l−1} + 1)`: entry `[j − 1, i]` is `w_ji⁽ˡ⁾` (units `j` count from 1, inputs `i` from 0),
/// so column `0` holds the biases `w_j0⁽ˡ⁾`.
/// `M_0 = D` is the input size and `M_L = K` the output size.
///
/// `activations[l − 1]` is `h_l`. Softmax may only be the last one, `h_L`.
public struct DTUNetwork: Sendable, Hashable, Codable {
    /// `w⁽¹⁾, …, w⁽ᴸ⁾`; `weights[l − 1]` is `(M_l, M_{l−1} + 1)` with the biases in column 0.
    public var weights: [Matrix]
    /// `h_1, …, h_L`; `activations[l − 1]` is `h_l`.
    public var activations: [DTUActivation]

    /// Makes a network; stops unless there is one activation per weight matrix.
    public init(weights: [Matrix], activations: [DTUActivation]) {
        LabKitFailure.require(
            weights.count == activations.count,
            "DTUNetwork: \(weights.count) weight matrices but \(activations.count) activations; give one h_l per layer")
        self.weights = weights
        self.activations = activations
    }

    /// The number of layers of weights, `L`.
    public var layerCount: Int { weights.count }

    /// The input size `D` (the first layer's columns minus the bias column).
    public var inputSize: Int { (weights.first?.cols ?? 1) - 1 }

    /// The output size `K` (the last layer's rows).
    public var outputSize: Int { weights.last?.rows ?? 0 }
}
