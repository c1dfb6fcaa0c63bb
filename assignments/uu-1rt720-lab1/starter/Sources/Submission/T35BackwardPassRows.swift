// Task 3.5 (optional): the backward pass with the samples as rows.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// backwardPass(_:_:outputGradient:) with `outputGradient` (I, D_o) and the forward pass of
    /// forwardPassRows(_:_:). Returns the gradients in the parameters' (unchanged) shapes.
    func backwardPassRows(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) throws -> UppsalaNetworkParameters {
        // TODO: Task 3.5. Transpose each equation of your backwardPass; ∂L/∂β_k must still be a column.
        throw NotImplemented("UppsalaBackpropLab.backwardPassRows")
    }
}
