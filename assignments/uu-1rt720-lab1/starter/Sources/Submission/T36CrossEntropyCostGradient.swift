// Task 3.6 (optional): the derivative of the cross-entropy cost (d_cost_d_output).
import Foundation
import LabKit

extension UppsalaLab1 {
    /// ∂L/∂f of crossEntropyCost(_:_:), shape (D_o, I).
    func crossEntropyCostGradient(_ output: Matrix, _ y: Matrix) throws -> Matrix {
        // TODO: Task 3.6. Question 2.6 gives ∂ℓᵢ/∂f; Note 4: the cost is averaged, so is its derivative.
        // The grader also runs your backwardPass from this derivative against finite differences.
        throw NotImplemented("UppsalaBackpropLab.crossEntropyCostGradient")
    }
}
