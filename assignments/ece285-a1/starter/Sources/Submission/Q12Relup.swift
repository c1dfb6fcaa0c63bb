// Question 12: relup, the directional derivative of ReLU.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// δ_i = e_i where a_i > 0 and 0 elsewhere, including at a_i = 0 (as NumPy's `(a > 0) * e`).
    func relup(_ a: Matrix, _ e: Matrix) throws -> Matrix {
        // TODO: Question 12. `a` is the potential (before ReLU), not ReLU's output. a.map { $0 > 0 ? 1 : 0 }
        // is the 0/1 mask. Check it against finite differences of your relu, away from 0.
        throw NotImplemented("ECE285BackpropLab.relup")
    }
}
