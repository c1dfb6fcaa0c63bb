// Question 6: the batched forward and backward pass.
import Foundation
import LabKit

extension VUAssignment1 {
    /// The pass for a batch X of shape (B, n_input), one sample per row, each step one matrix operation.
    ///
    /// The softmax is taken per row; the loss is the mean of the B samples' losses, and the gradients are
    /// those of that mean (each parameter's shape, so the bias gradients are summed over the batch).
    func batchForwardBackward(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters) throws -> VUPass {
        // TODO: Question 6. o.max(axis: 1) and e.sum(axis: 1) are (B, 1) and broadcast over each row;
        // Matrix.oneHot(labels, classes:) builds the targets; d.sum(axis: 0) sums over the batch.
        throw NotImplemented("VUMLPLab.batchForwardBackward")
    }
}
