// Exercise a): the output of a network with one hidden layer, written without a and z.
import Foundation
import LabKit

extension DTUExercise1 {
    /// `y_j = h_2( Σ_{i=0}^{M} w_ji⁽²⁾ h_1( Σ_{k=0}^{D} w_ik⁽¹⁾ x_k ) )` with `x_0 = 1` and the hidden unit 0 fixed at 1.
    ///
    /// `x` is `(N, D)`, one sample per row; `w1` is `(M, D + 1)` and `w2` is `(K, M + 1)`, biases in column 0.
    /// Returns `y`, `(N, K)`.
    func outputWithOneHiddenLayer(_ x: Matrix, w1: Matrix, w2: Matrix, h1: DTUActivation, h2: DTUActivation) throws
        -> Matrix
    {
        // TODO: Exercise a). Prepend a column of ones (Matrix.hstack, Matrix.ones) before each product;
        // h1.apply(_:) and h2.apply(_:) are the activations. Do not assume h2 is linear.
        throw NotImplemented("DTUPenAndPaperLab.outputWithOneHiddenLayer")
    }
}
