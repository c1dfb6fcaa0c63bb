// UppsalaToyForwardPass: the intermediate values of the toy model's forward pass (Task 3.2, Step 1).

/// The notebook's Step 1: every intermediate quantity of the toy model for one input `x`,
/// `f0 = β0 + ω0·x`, `h1 = sin f0`, `f1 = β1 + ω1·h1`, `h2 = exp f1`, `f2 = β2 + ω2·h2`,
/// `h3 = cos f2`, `f3 = β3 + ω3·h3` and the loss `ℓ = (f3 − y)²`.
public struct UppsalaToyForwardPass: Sendable, Hashable, Codable {
    /// `f0 = β0 + ω0·x`.
    public var f0: Double
    /// `h1 = sin f0`.
    public var h1: Double
    /// `f1 = β1 + ω1·h1`.
    public var f1: Double
    /// `h2 = exp f1`.
    public var h2: Double
    /// `f2 = β2 + ω2·h2`.
    public var f2: Double
    /// `h3 = cos f2`.
    public var h3: Double
    /// `f3 = β3 + ω3·h3`, the model output.
    public var f3: Double
    /// `ℓ = (f3 − y)²` (the notebook's `l_i`).
    public var loss: Double

    /// Makes the forward pass from its eight values.
    public init(f0: Double, h1: Double, f1: Double, h2: Double, f2: Double, h3: Double, f3: Double, loss: Double) {
        self.f0 = f0
        self.h1 = h1
        self.f1 = f1
        self.h2 = h2
        self.f2 = f2
        self.h3 = h3
        self.f3 = f3
        self.loss = loss
    }

    /// The values with their notebook names (`f0, h1, …, f3, l_i`), in forward order.
    public var named: [(name: String, value: Double)] {
        [("f0", f0), ("h1", h1), ("f1", f1), ("h2", h2), ("f2", f2), ("h3", h3), ("f3", f3), ("l_i", loss)]
    }
}
