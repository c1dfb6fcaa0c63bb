// Exercise l): backpropagation for a data set of N examples.
import Foundation
import LabKit

extension DTUExercise1 {
    /// Exercise j) with the sum over `n` put back: `E = Σ_n E_n`, `δ_nj⁽ˡ⁾` for every sample and
    /// `∂E/∂w_ji⁽ˡ⁾ = Σ_n δ_nj⁽ˡ⁾ z_ni⁽ˡ⁻¹⁾`.
    ///
    /// `X` is `(N, D)` and `targets` `(N, K)`, one sample per row. Returns every `δ⁽ˡ⁾`, `(N, M_l)`, and every
    /// `∂E/∂w⁽ˡ⁾` summed (not averaged) over the samples.
    func batchBackpropagate(_ X: Matrix, targets: Matrix, through network: DTUNetwork, loss: DTULoss) throws
        -> DTUBackwardPass
    {
        // TODO: Exercise l). With rows as samples, Σ_n δ_nj z_ni is one product, δᵀ [1, z].
        throw NotImplemented("DTUPenAndPaperLab.batchBackpropagate")
    }
}
