// Question 2.3 / Task 3.1: the gradients of the cost with respect to ω and β (the notebook's backward_pass).
import Foundation
import LabKit

extension UppsalaLab1 {
    /// ∂L/∂ω (D_i, 1) and ∂L/∂β (1, 1), returned in an UppsalaLinearParameters, from X (I, D_i),
    /// the model's output (I, 1) on X and the targets y (I, 1).
    func linearRegressionGradients(_ X: Matrix, output: Matrix, _ y: Matrix) throws -> UppsalaLinearParameters {
        // TODO: Question 2.3. Start from your leastSquaresCostGradient(output, y), then apply
        // ∂f/∂ω and ∂f/∂β from Question 2.4. Matrix.product(a, b, transposeA: true) is aᵀ·b;
        // m.sum(axis: 0) sums over the rows and keeps a (1, cols) shape.
        throw NotImplemented("UppsalaBackpropLab.linearRegressionGradients")
    }
}
