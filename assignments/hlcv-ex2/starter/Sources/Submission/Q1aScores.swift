// Question 1 a): the forward pass.
import Foundation
import LabKit

extension HLCVExercise2 {
    /// The class probabilities of every row of `X` (Eq. 3–7), shape (N, C).
    ///
    /// z2 = X·W1 + b1, a2 = ReLU(z2), z3 = a2·W2 + b2, scores = softmax of each row of z3.
    func scores(_ X: Matrix, _ parameters: TwoLayerParameters) throws -> Matrix {
        // TODO: Question 1 a). Use X.dot(parameters.W1) for the matrix product; `+ parameters.b1` adds
        // the bias to every row. Subtract each row's maximum before exp so large scores do not overflow.
        throw NotImplemented("HLCVTwoLayerNetLab.scores")
    }
}
