// Exercise b): the output of a network with two hidden layers, written without a and z.
import Foundation
import LabKit

extension DTUExercise1 {
    /// `y_j = h_3( Σ_k w_jk⁽³⁾ h_2( Σ_i w_ki⁽²⁾ h_1( Σ_m w_im⁽¹⁾ x_m ) ) )`, every sum from 0 with a constant 1 there.
    ///
    /// `x` is `(N, D)`; `w1` is `(M_1, D + 1)`, `w2` is `(M_2, M_1 + 1)`, `w3` is `(K, M_2 + 1)`. Returns `y`, `(N, K)`.
    func outputWithTwoHiddenLayers(
        _ x: Matrix, w1: Matrix, w2: Matrix, w3: Matrix, h1: DTUActivation, h2: DTUActivation, h3: DTUActivation
    ) throws -> Matrix {
        // TODO: Exercise b). Each layer's own activation: h1 after w1, h2 after w2, h3 after w3.
        throw NotImplemented("DTUPenAndPaperLab.outputWithTwoHiddenLayers")
    }
}
