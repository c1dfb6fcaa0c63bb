// Task 3.1: the linear regression model's output (the notebook's forward_pass).
import Foundation
import LabKit

extension UppsalaLab1 {
    /// f = X·ω + β (Eq. 1c, vectorised). `X` is (I, D_i), one car per row; returns (I, 1).
    func linearRegressionOutput(_ X: Matrix, _ parameters: UppsalaLinearParameters) throws -> Matrix {
        // TODO: Task 3.1. parameters.weights is ω (D_i, 1) and parameters.bias is β (1, 1);
        // a (1, 1) matrix added to an (I, 1) one is broadcast to every row, as in NumPy.
        throw NotImplemented("UppsalaBackpropLab.linearRegressionOutput")
    }
}
