// Exercise g): the cross-entropy loss.
import Foundation
import LabKit

extension DTUExercise1 {
    /// `E(w) = −Σ_n Σ_k t_nk log y_k(x_n)`, the negative log of `Π_n Π_k y_k(x_n)^{t_nk}`.
    ///
    /// `outputs` are softmax probabilities and `targets` one-hot rows, both `(N, K)`.
    func crossEntropy(outputs: Matrix, targets: Matrix) throws -> Double {
        // TODO: Exercise g). A term with t_nk = 0 contributes 0 (even where y is tiny).
        throw NotImplemented("DTUPenAndPaperLab.crossEntropy")
    }
}
