// Exercise k) (optional): δ⁽ᴸ⁾ for regression with the sum of squares.
import Foundation
import LabKit

extension DTUExercise1 {
    /// `δ_j⁽ᴸ⁾ = ∂E/∂a_j⁽ᴸ⁾` for the text's `E = ‖y − t‖²` (no ½) and `y = h_L(a⁽ᴸ⁾)`, one sample per row.
    ///
    /// `preActivations` and `targets` are `(N, K)`; `outputActivation` is the elementwise `h_L`.
    func regressionOutputDelta(preActivations: Matrix, targets: Matrix, outputActivation: DTUActivation) throws
        -> Matrix
    {
        // TODO: Exercise k). Mind the missing ½ and the output activation's derivative.
        throw NotImplemented("DTUPenAndPaperLab.regressionOutputDelta")
    }
}
