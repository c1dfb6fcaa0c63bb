// UppsalaToyModel: the given code of Backpropagation_in_Toy_Model.ipynb (Task 3.2): the model, its loss and values.
import Foundation

/// The toy model of UDL Section 7.3 as `Backpropagation_in_Toy_Model.ipynb` gives it: the
/// function `fn`, the loss, the fixed parameter values and data point, and the notebook's
/// hand-derived `∂ℓ/∂ω0` with its finite-difference check.
public enum UppsalaToyModel {
    /// The notebook's values: `β0 = 1.0, β1 = 2.0, β2 = −3.0, β3 = 0.4, ω0 = 0.1, ω1 = −0.4, ω2 = 2.0, ω3 = 3.0`.
    public static let parameters = UppsalaToyParameters(
        beta0: 1.0, beta1: 2.0, beta2: -3.0, beta3: 0.4, omega0: 0.1, omega1: -0.4, omega2: 2.0, omega3: 3.0)
    /// The notebook's input `x = 2.3`.
    public static let x = 2.3
    /// The notebook's target `y = 2.0`.
    public static let y = 2.0

    /// `fn`: `β3 + ω3·cos(β2 + ω2·exp(β1 + ω1·sin(β0 + ω0·x)))`.
    public static func output(x: Double, _ p: UppsalaToyParameters) -> Double {
        p.beta3 + p.omega3 * cos(p.beta2 + p.omega2 * exp(p.beta1 + p.omega1 * sin(p.beta0 + p.omega0 * x)))
    }

    /// `loss`: `ℓ = (fn(x) − y)²`.
    public static func loss(x: Double, y: Double, _ p: UppsalaToyParameters) -> Double {
        let difference = output(x: x, p) - y
        return difference * difference
    }

    /// `dldomega0_func`: the notebook's closed form of `∂ℓ/∂ω0`, written out without backpropagation.
    public static func closedFormDLDOmega0(x: Double, y: Double, _ p: UppsalaToyParameters) -> Double {
        let inner = p.beta1 + p.omega1 * sin(p.beta0 + p.omega0 * x)
        let residual = output(x: x, p) - y
        return -2 * residual * p.omega1 * p.omega2 * p.omega3 * x * cos(p.beta0 + p.omega0 * x) * exp(inner)
            * sin(p.beta2 + p.omega2 * exp(inner))
    }

    /// `dldomega0_fd`: the notebook's one-sided finite difference of `∂ℓ/∂ω0` with step `1e-5`.
    ///
    /// Its truncation error is about `step·∂²ℓ/∂ω0²`, here ≈ 2.5e-4: a check, not a reference value.
    public static func forwardDifferenceDLDOmega0(
        x: Double, y: Double, _ p: UppsalaToyParameters, step: Double = 0.00001
    ) -> Double {
        var shifted = p
        shifted.omega0 += step
        return (loss(x: x, y: y, shifted) - loss(x: x, y: y, p)) / step
    }
}
