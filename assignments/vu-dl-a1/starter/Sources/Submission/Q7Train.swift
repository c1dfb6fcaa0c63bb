// Question 7: minibatch training with learning curves.
import Foundation
import LabKit

extension VUAssignment1 {
    /// Minibatch gradient descent with your Question 6 pass (see VUMLPLab.train for the exact loop).
    func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: VUTrainingOptions, random: inout NumPyRandomState
    ) throws -> VUTrainingResult {
        // TODO: Question 7. Each epoch: order = random.permutation(X.rows), consecutive batches of
        // options.batchSize (the last may be smaller), record each batch loss before its update; then the
        // epoch's mean loss, and the loss and accuracy on Xval unless it has no rows.
        throw NotImplemented("VUMLPLab.train")
    }
}
