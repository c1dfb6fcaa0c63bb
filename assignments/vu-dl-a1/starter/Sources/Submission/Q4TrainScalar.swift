// Question 4: a training loop for the scalar network.
import Foundation
import LabKit

extension VUAssignment1 {
    /// Stochastic gradient descent with your Question 3 pass: for `epochs` passes over the rows of X in
    /// order (no shuffling), one instance at a time.
    ///
    /// For each row: record its loss before the update in lossHistory, then move every parameter by
    /// −learningRate × its gradient. epochLosses holds each epoch's mean loss; there is no validation set.
    func trainScalar(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double, epochs: Int
    ) throws -> VUTrainingResult {
        // TODO: Question 4. X.row(n).elements is row n as [Double]; parameters.descending(gradients,
        // learningRate:) is one SGD step.
        throw NotImplemented("VUMLPLab.trainScalar")
    }
}
