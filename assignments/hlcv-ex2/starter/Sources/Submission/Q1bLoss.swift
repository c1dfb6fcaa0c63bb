// Question 1 b): the regularised cross-entropy loss.
import Foundation
import LabKit

extension HLCVExercise2 {
    /// J̃ of Eq. 13: the mean of −log p(yᵢ) over the rows, plus reg·(‖W1‖² + ‖W2‖²) (no ½).
    func loss(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) throws -> Double {
        // TODO: Question 1 b). On the toy problem with reg 0.05 this is 1.30378789133.
        throw NotImplemented("HLCVTwoLayerNetLab.loss")
    }
}
