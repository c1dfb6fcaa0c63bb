// UppsalaLinearParameters: the weights ω and offset β of the lab's linear regression model (Eq. 1a).

/// `ω` and `β` of `f[x, φ] = ωᵀx + β` (Eq. 1a); the same type carries their gradients `∂L/∂ω, ∂L/∂β`.
///
/// Shapes follow `Auto_linear_regression.ipynb`, where the samples are the rows of `X`:
/// `weights` is `(D_i, 1)` and `bias` is `(1, 1)`, so the vectorised model is `f = X·ω + β`.
public struct UppsalaLinearParameters: Sendable, Hashable, Codable {
    /// The weight vector `ω`, `(D_i, 1)` (the notebook's `weights`).
    public var weights: Matrix
    /// The offset `β`, `(1, 1)` (the notebook's `bias`).
    public var bias: Matrix

    /// Makes the parameters from `ω` `(D_i, 1)` and `β` `(1, 1)`.
    public init(weights: Matrix, bias: Matrix) {
        self.weights = weights
        self.bias = bias
    }

    /// The two matrices with their notebook names, in the order `weights, bias`.
    public var named: [(name: String, value: Matrix)] {
        [("weights", weights), ("bias", bias)]
    }
}
