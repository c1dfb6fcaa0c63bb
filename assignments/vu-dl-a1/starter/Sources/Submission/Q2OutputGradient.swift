// Question 2: the derivative of the loss with respect to the output pre-activations.
import Foundation
import LabKit

extension VUAssignment1 {
    /// ∂l/∂o_i where y = softmax(o) and l = −log y_target: y_i − t_i, t the one-hot vector of the target.
    func outputGradient(_ o: [Double], target: Int) throws -> [Double] {
        // TODO: Question 2. The grader also checks that this equals Jᵀ·∂l/∂y built from your two Question 1
        // derivatives: that is the answer to "why is this not strictly necessary?".
        throw NotImplemented("VUMLPLab.outputGradient")
    }
}
