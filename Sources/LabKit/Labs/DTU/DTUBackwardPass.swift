// DTUBackwardPass: the deltas and weight gradients backpropagation returns (Exercises j and l).

/// The errors `δ⁽ˡ⁾` of every layer and the gradient `∂E/∂w⁽ˡ⁾` of every weight matrix.
///
/// `deltas[l − 1]` is `δ⁽ˡ⁾ = ∂E/∂a⁽ˡ⁾` with one sample per row, `(N, M_l)`.
/// `gradients[l − 1]` is `∂E/∂w⁽ˡ⁾`, shaped like `w⁽ˡ⁾` (`(M_l, M_{l−1} + 1)`, bias column 0),
/// summed over the samples.
public struct DTUBackwardPass: Sendable, Hashable, Codable {
    /// `δ⁽¹⁾, …, δ⁽ᴸ⁾`, one row per sample.
    public var deltas: [Matrix]
    /// `∂E/∂w⁽¹⁾, …, ∂E/∂w⁽ᴸ⁾`, summed over the samples.
    public var gradients: [Matrix]

    /// Makes a backward pass from its per-layer values.
    public init(deltas: [Matrix], gradients: [Matrix]) {
        self.deltas = deltas
        self.gradients = gradients
    }
}
