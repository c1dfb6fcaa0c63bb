// Exercise i): δ⁽ᴸ⁾ for a softmax output and the cross-entropy.
import Foundation
import LabKit

extension DTUExercise1 {
    /// `δ_j⁽ᴸ⁾ = ∂E/∂a_j⁽ᴸ⁾` for `E = −Σ_k t_k a_k⁽ᴸ⁾ + log Σ_k exp(a_k⁽ᴸ⁾)`, one sample per row.
    ///
    /// `logits` (the `a⁽ᴸ⁾`) and one-hot `targets` are `(N, K)`. Returns `δ⁽ᴸ⁾`, `(N, K)`.
    func classificationOutputDelta(logits: Matrix, targets: Matrix) throws -> Matrix {
        // TODO: Exercise i). DTUActivation.softmax.apply(_:) is y.
        throw NotImplemented("DTUPenAndPaperLab.classificationOutputDelta")
    }
}
