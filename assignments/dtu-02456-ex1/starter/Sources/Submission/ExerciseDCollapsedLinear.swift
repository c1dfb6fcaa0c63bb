// Exercise d) (optional): without non-linearities the network is one linear model.
import Foundation
import LabKit

extension DTUExercise1 {
    /// The single `w̃`, `(K, D + 1)` with the bias in column 0, such that the network with these
    /// `weights` and every `h_l(a) = a` computes `y_j = Σ_{i=0}^{D} w̃_ji x_i`.
    func collapsedLinearWeights(_ weights: [Matrix]) throws -> Matrix {
        // TODO: Exercise d). Write layer l as an affine map of x and compose the maps; the constant
        // input 1 must pass through every layer.
        throw NotImplemented("DTUPenAndPaperLab.collapsedLinearWeights")
    }
}
