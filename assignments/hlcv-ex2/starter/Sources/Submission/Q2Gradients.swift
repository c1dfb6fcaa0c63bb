// Question 2: backpropagation.
import Foundation
import LabKit

extension HLCVExercise2 {
    /// ∂J̃/∂W1, ∂J̃/∂b1, ∂J̃/∂W2, ∂J̃/∂b2 (Eq. 16–20), each with its parameter's shape.
    ///
    /// Start from ∂J/∂z3 = (scores − Δ)/N, Δ the one-hot labels; the penalty adds 2·reg·W to each weight.
    func gradients(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) throws
        -> TwoLayerParameters
    {
        // TODO: Question 2 d). Matrix.oneHot(labels, classes:) builds Δ; .sum(axis: 0) sums over the rows.
        throw NotImplemented("HLCVTwoLayerNetLab.gradients")
    }
}
