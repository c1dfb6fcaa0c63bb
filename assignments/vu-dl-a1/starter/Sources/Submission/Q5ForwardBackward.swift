// Question 5: the forward and backward pass, vectorised.
import Foundation
import LabKit

extension VUAssignment1 {
    /// Question 3's pass for one instance x of shape (1, n_input), with matrix operations:
    /// k = x·W + b, h = σ(k), o = h·V + c, y = softmax(o), loss −log y_target, and its gradients.
    func forwardBackward(_ x: Matrix, target: Int, _ parameters: TwoLayerParameters) throws -> VUPass {
        // TODO: Question 5. x.dot(parameters.W1) + parameters.b1; exp(...) and .map { } work entrywise;
        // Matrix.product(a, b, transposeA: true) is aᵀ·b.
        throw NotImplemented("VUMLPLab.forwardBackward")
    }
}
