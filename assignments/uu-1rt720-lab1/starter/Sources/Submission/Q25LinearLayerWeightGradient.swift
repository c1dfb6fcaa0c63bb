// Question 2.5: the derivative of a loss with respect to the weights of a linear layer.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// ∂ℓ/∂Ω for f = Ωh + β: entry (k, j) is ∂ℓ/∂Ω_kj. `dLdf` is (D_o, I), `h` is (D_i, I); returns (D_o, D_i).
    func linearLayerWeightGradient(_ dLdf: Matrix, _ h: Matrix) throws -> Matrix {
        // TODO: Question 2.5. Work out ∂ℓ/∂Ω_kj with the chain rule first, then write it as one matrix
        // product. Matrix.product(a, b, transposeB: true) is a·bᵀ without building the transpose.
        // Check the shape: the result has as many rows as dLdf and as many columns as h has rows.
        throw NotImplemented("UppsalaBackpropLab.linearLayerWeightGradient")
    }
}
