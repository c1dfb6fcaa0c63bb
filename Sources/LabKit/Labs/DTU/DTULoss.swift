// DTULoss: the loss functions of the DTU pen-and-paper lab, and the sum-of-squares error it gives.

/// Which loss `E(w)` backpropagation differentiates (Exercises i, k, j and l).
///
/// Each loss sums over the samples `n`; its `δ⁽ᴸ⁾ = ∂E/∂a⁽ᴸ⁾` for one sample is
/// - `.sumOfSquares`: `2(y − t) ⊙ h_L'(a⁽ᴸ⁾)`, which is `2(y − t)` for a linear output (Exercise k);
/// - `.gaussianNegativeLogLikelihood(variance: σ²)`: `(y − t) ⊙ h_L'(a⁽ᴸ⁾) / σ²` (Exercises e and k);
/// - `.crossEntropy`: `y − t`, for a softmax output `h_L` (Exercise i).
///
/// The two regression losses take an elementwise `h_L`; the cross-entropy takes softmax.
public enum DTULoss: Sendable, Hashable, Codable {
    /// The text's regression loss `E(w) = Σ_n ‖y(x_n) − t_n‖²`, with no ½ in front.
    case sumOfSquares
    /// The Gaussian negative log-likelihood of Exercise e, `ND/2 · log 2πσ² + E(w)/(2σ²)`.
    case gaussianNegativeLogLikelihood(variance: Double)
    /// The cross-entropy of Exercise g, `−Σ_n Σ_k t_nk log y_k(x_n)`.
    case crossEntropy

    /// The text's sum-of-squares error `E(w) = Σ_n ‖y(x_n) − t_n‖²`, given in the lab before Exercise e.
    ///
    /// `outputs` and `targets` hold one sample per row, shape `(N, K)`. Stops unless the shapes match.
    public static func sumOfSquaresError(outputs: Matrix, targets: Matrix) -> Double {
        LabKitFailure.requireSameShape(outputs, targets, "DTULoss.sumOfSquaresError")
        return (outputs - targets).sumOfSquares()
    }
}
