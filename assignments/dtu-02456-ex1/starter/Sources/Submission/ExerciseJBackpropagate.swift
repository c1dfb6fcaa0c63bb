// Exercise j): backpropagation for one training example (Eq. 8-9).
import Foundation
import LabKit

extension DTUExercise1 {
    /// `δ⁽ᴸ⁾` from the loss (i for `.crossEntropy`, k for `.sumOfSquares`, and for the Gaussian NLL the
    /// sum-of-squares δ over `2σ²`), then `δ_j⁽ˡ⁾ = Σ_k δ_k⁽ˡ⁺¹⁾ w_kj⁽ˡ⁺¹⁾ h_l'(a_j⁽ˡ⁾)` and
    /// `∂E/∂w_ji⁽ˡ⁾ = δ_j⁽ˡ⁾ z_i⁽ˡ⁻¹⁾` with `z⁽⁰⁾ = x` and `z_0⁽ˡ⁾ = 1`.
    ///
    /// `x` is `(1, D)`, `target` is `(1, K)`. Returns `DTUBackwardPass(deltas:gradients:)`: every `δ⁽ˡ⁾`,
    /// `(1, M_l)`, and every `∂E/∂w⁽ˡ⁾`, shaped like `w⁽ˡ⁾`.
    func backpropagate(_ x: Matrix, target: Matrix, through network: DTUNetwork, loss: DTULoss) throws
        -> DTUBackwardPass
    {
        // TODO: Exercise j). Run your forward pass first. Column 0 of w⁽ˡ⁺¹⁾ (the bias) feeds no unit of
        // layer l, so it takes no part in δ⁽ˡ⁾. network.activations[l - 1].derivative(_:) is h_l'.
        throw NotImplemented("DTUPenAndPaperLab.backpropagate")
    }
}
