// Task 3.1: gradient descent (the notebook's train_model and update_parameters).
import Foundation
import LabKit

extension UppsalaLab1 {
    /// `iterations` steps of gradient descent from `initial` with learning rate `alpha`.
    ///
    /// Each step computes the output, the gradients and ω ← ω − α ∂L/∂ω, β ← β − α ∂L/∂β, and
    /// appends to trainCosts the cost of the output computed **before** that step's update.
    func trainLinearRegression(
        _ X: Matrix, _ y: Matrix, from initial: UppsalaLinearParameters, iterations: Int, learningRate alpha: Double
    ) throws -> UppsalaLinearRegressionTraining {
        // TODO: Task 3.1. Reuse your linearRegressionOutput, linearRegressionGradients and leastSquaresCost.
        // Start from `initial` (the grader does not always pass zeros). With all seven normalised
        // Auto features, 100 steps at alpha 0.1 bring the cost below 12.
        throw NotImplemented("UppsalaBackpropLab.trainLinearRegression")
    }
}
