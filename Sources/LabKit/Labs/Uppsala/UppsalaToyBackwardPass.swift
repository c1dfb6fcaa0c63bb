// UppsalaToyBackwardPass: the derivatives of the toy loss with respect to its intermediates (Task 3.2, Step 2).

/// The notebook's Step 2: `∂ℓ/∂f3, ∂ℓ/∂h3, ∂ℓ/∂f2, ∂ℓ/∂h2, ∂ℓ/∂f1, ∂ℓ/∂h1, ∂ℓ/∂f0`, computed in
/// that (reverse) order by the chain rule.
public struct UppsalaToyBackwardPass: Sendable, Hashable, Codable {
    /// `∂ℓ/∂f3 = 2(f3 − y)`.
    public var dldf3: Double
    /// `∂ℓ/∂h3 = ω3 · ∂ℓ/∂f3`.
    public var dldh3: Double
    /// `∂ℓ/∂f2 = −sin f2 · ∂ℓ/∂h3`.
    public var dldf2: Double
    /// `∂ℓ/∂h2 = ω2 · ∂ℓ/∂f2`.
    public var dldh2: Double
    /// `∂ℓ/∂f1 = exp f1 · ∂ℓ/∂h2`.
    public var dldf1: Double
    /// `∂ℓ/∂h1 = ω1 · ∂ℓ/∂f1`.
    public var dldh1: Double
    /// `∂ℓ/∂f0 = cos f0 · ∂ℓ/∂h1`.
    public var dldf0: Double

    /// Makes the backward pass from its seven values.
    public init(dldf3: Double, dldh3: Double, dldf2: Double, dldh2: Double, dldf1: Double, dldh1: Double, dldf0: Double)
    {
        self.dldf3 = dldf3
        self.dldh3 = dldh3
        self.dldf2 = dldf2
        self.dldh2 = dldh2
        self.dldf1 = dldf1
        self.dldh1 = dldh1
        self.dldf0 = dldf0
    }

    /// The values with their notebook names, in backward order.
    public var named: [(name: String, value: Double)] {
        [
            ("dldf3", dldf3), ("dldh3", dldh3), ("dldf2", dldf2), ("dldh2", dldh2), ("dldf1", dldf1),
            ("dldh1", dldh1), ("dldf0", dldf0),
        ]
    }
}
