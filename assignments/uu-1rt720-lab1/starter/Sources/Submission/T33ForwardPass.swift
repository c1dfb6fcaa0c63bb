// Tasks 3.3-3.4: the forward pass of a K-hidden-layer ReLU network, samples as columns.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// For k = 0…K−1: f_k = β_k + Ω_k h_k and h_{k+1} = ReLU(f_k); then f_K = β_K + Ω_K h_K, with
    /// h_0 = input (D_i, I). Returns all f_k (preactivations) and all h_k (activations).
    func forwardPass(_ input: Matrix, _ parameters: UppsalaNetworkParameters) throws -> UppsalaNetworkForwardPass {
        // TODO: Tasks 3.3-3.4. K is parameters.hiddenLayers and may be 0. A (D, 1) bias added to a
        // (D, I) matrix is broadcast to every column. maximum(f, 0) is ReLU.
        throw NotImplemented("UppsalaBackpropLab.forwardPass")
    }
}
