// Question 2.4 / Task 3.1: the derivative of the cost with respect to the output (d_cost_d_output).
import Foundation
import LabKit

extension UppsalaLab1 {
    /// ∂L/∂f of the cost in leastSquaresCost(_:_:), shape (I, 1).
    func leastSquaresCostGradient(_ output: Matrix, _ y: Matrix) throws -> Matrix {
        // TODO: Question 2.4. Differentiate (1/I) Σᵢ (fᵢ − yᵢ)² with respect to each fᵢ.
        throw NotImplemented("UppsalaBackpropLab.leastSquaresCostGradient")
    }
}
