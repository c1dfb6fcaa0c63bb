// UppsalaNetworkForwardPass: the pre-activations and activations a K-layer forward pass stores for backprop.

/// What `forward_pass` of `backpropagation.ipynb` returns: `all_f` and `all_h`.
///
/// Both arrays have `K + 1` entries. `activations[0]` is the network input `h_0`;
/// `preactivations[k] = β_k + Ω_k h_k` and `activations[k + 1] = ReLU(preactivations[k])` for
/// `k < K`; `preactivations[K]` is the network output. With samples as columns (Tasks 3.3–3.4,
/// 3.6) each entry has one column per sample; with samples as rows (Task 3.5), one row per sample.
public struct UppsalaNetworkForwardPass: Sendable, Hashable, Codable {
    /// `f_0 … f_K` (the notebook's `all_f`); the last one is the output.
    public var preactivations: [Matrix]
    /// `h_0 … h_K` (the notebook's `all_h`); the first one is the input.
    public var activations: [Matrix]

    /// Makes a forward pass from `all_f` and `all_h`.
    public init(preactivations: [Matrix], activations: [Matrix]) {
        self.preactivations = preactivations
        self.activations = activations
    }

    /// The network output `f_K` (the notebook's `net_output`).
    public var output: Matrix {
        guard let last = preactivations.last else {
            LabKitFailure.fail("UppsalaNetworkForwardPass.output: the forward pass has no pre-activations")
        }
        return last
    }
}
