// Exercise c): the forward recursion of an L-layer network (Eq. 4-7).
import Foundation
import LabKit

extension DTUExercise1 {
    /// `a_j⁽¹⁾ = Σ_i w_ji⁽¹⁾ x_i`, `a_j⁽ˡ⁾ = Σ_i w_ji⁽ˡ⁾ z_i⁽ˡ⁻¹⁾`, `z_j⁽ˡ⁾ = h_l(a_j⁽ˡ⁾)`, `y_j = z_j⁽ᴸ⁾`,
    /// every sum from 0 with `x_0 = z_0⁽ˡ⁾ = 1`.
    ///
    /// `x` is `(N, D)`. Returns every `a⁽ˡ⁾` and `z⁽ˡ⁾`, each `(N, M_l)` without the constant 1:
    /// `DTUForwardPass(a: [a⁽¹⁾, …, a⁽ᴸ⁾], z: [z⁽¹⁾, …, z⁽ᴸ⁾])`.
    func forward(_ x: Matrix, through network: DTUNetwork) throws -> DTUForwardPass {
        // TODO: Exercise c). Loop over zip(network.weights, network.activations); the layer-l input gets
        // its column of ones before the product with w⁽ˡ⁾ᵀ (Matrix.product(_:_:transposeB: true)).
        throw NotImplemented("DTUPenAndPaperLab.forward")
    }
}
