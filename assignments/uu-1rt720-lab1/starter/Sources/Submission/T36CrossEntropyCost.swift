// Task 3.6 (optional): the cross-entropy cost with softmax (compute_cost).
import Foundation
import LabKit

extension UppsalaLab1 {
    /// L = (1/I) Σᵢ [log Σ_k exp f_ik − Σ_k ỹ_ik f_ik] (Eq. 9, averaged); `output` and the one-hot
    /// `y` are (D_o, I).
    func crossEntropyCost(_ output: Matrix, _ y: Matrix) throws -> Double {
        // TODO: Task 3.6. Use the second line of Eq. 9, not log(softmax): with very negative outputs
        // softmax underflows to 0 and log 0 is −∞. log Σ exp f = m + log Σ exp(f − m) for any m.
        throw NotImplemented("UppsalaBackpropLab.crossEntropyCost")
    }
}
