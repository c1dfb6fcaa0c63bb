// Question 5: one epoch of stochastic gradient descent with the vectorised pass.
import Foundation
import LabKit

extension VUAssignment1 {
    /// One epoch over the rows of X in the order random.permutation(X.rows): for each instance record its
    /// loss before the update in lossHistory, then step every parameter by −learningRate × its gradient.
    /// epochLosses holds the epoch's mean loss.
    func sgdEpoch(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double,
        random: inout NumPyRandomState
    ) throws -> VUTrainingResult {
        // TODO: Question 5. Draw the order with random.permutation(X.rows), exactly once, before the loop.
        throw NotImplemented("VUMLPLab.sgdEpoch")
    }
}
