// Tasks 3.3-3.4: the backward pass of the K-hidden-layer ReLU network, samples as columns.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// From ∂L/∂f_K (`outputGradient`, (D_o, I)), for k = K…0: ∂L/∂β_k, ∂L/∂Ω_k and, for k > 0,
    /// ∂L/∂f_{k−1} = 𝟙[f_{k−1} > 0] ⊙ Ω_kᵀ ∂L/∂f_k. Returns the gradients in the parameters' shapes.
    func backwardPass(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) throws -> UppsalaNetworkParameters {
        // TODO: Tasks 3.3-3.4. Your linearLayerWeightGradient (Question 2.5) gives ∂L/∂Ω_k. With
        // several samples (Task 3.4), think about which quantities must be summed over the columns.
        // The ReLU derivative is 0 where the pre-activation is exactly 0.
        throw NotImplemented("UppsalaBackpropLab.backwardPass")
    }
}
