// UppsalaToyParameters: the eight scalars β0…β3, ω0…ω3 of the toy model of Task 3.2 (UDL Section 7.3).

/// `β0, β1, β2, β3, ω0, ω1, ω2, ω3` of
/// `f[x, φ] = β3 + ω3·cos[β2 + ω2·exp[β1 + ω1·sin[β0 + ω0·x]]]`.
///
/// The same type carries the eight derivatives `∂ℓ/∂β0 … ∂ℓ/∂ω3` (the notebook's `dldbeta0 … dldomega3`).
public struct UppsalaToyParameters: Sendable, Hashable, Codable {
    /// `β0`, the offset inside `sin`.
    public var beta0: Double
    /// `β1`, the offset inside `exp`.
    public var beta1: Double
    /// `β2`, the offset inside `cos`.
    public var beta2: Double
    /// `β3`, the output offset.
    public var beta3: Double
    /// `ω0`, the slope on the input `x`.
    public var omega0: Double
    /// `ω1`, the slope on `h1 = sin f0`.
    public var omega1: Double
    /// `ω2`, the slope on `h2 = exp f1`.
    public var omega2: Double
    /// `ω3`, the slope on `h3 = cos f2`.
    public var omega3: Double

    /// Makes the parameters (or derivatives) from their eight values.
    public init(
        beta0: Double, beta1: Double, beta2: Double, beta3: Double,
        omega0: Double, omega1: Double, omega2: Double, omega3: Double
    ) {
        self.beta0 = beta0
        self.beta1 = beta1
        self.beta2 = beta2
        self.beta3 = beta3
        self.omega0 = omega0
        self.omega1 = omega1
        self.omega2 = omega2
        self.omega3 = omega3
    }

    /// Makes the parameters from `values` in the order of ``values``; stops unless there are eight.
    public init(values: [Double]) {
        LabKitFailure.require(
            values.count == 8, "UppsalaToyParameters(values:): expected 8 values, got \(values.count)")
        self.init(
            beta0: values[0], beta1: values[1], beta2: values[2], beta3: values[3],
            omega0: values[4], omega1: values[5], omega2: values[6], omega3: values[7])
    }

    /// The eight values in the order `β0, β1, β2, β3, ω0, ω1, ω2, ω3`.
    public var values: [Double] { [beta0, beta1, beta2, beta3, omega0, omega1, omega2, omega3] }

    /// The values with their notebook names (`beta0 … omega3`), in the order of ``values``.
    public var named: [(name: String, value: Double)] {
        zip(["beta0", "beta1", "beta2", "beta3", "omega0", "omega1", "omega2", "omega3"], values).map { ($0, $1) }
    }
}
