// Task 3.5 (optional): the forward pass with the samples as rows.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// forwardPass(_:_:) with `input` (I, D_i), one sample per row: every stored f_k, h_k is (I, D_k).
    /// The parameters keep their shapes: Ω_k is (D_{k+1}, D_k) and β_k is (D_{k+1}, 1).
    func forwardPassRows(_ input: Matrix, _ parameters: UppsalaNetworkParameters) throws -> UppsalaNetworkForwardPass {
        // TODO: Task 3.5. Transpose f = β + Ωh sample by sample to find the row form.
        throw NotImplemented("UppsalaBackpropLab.forwardPassRows")
    }
}
