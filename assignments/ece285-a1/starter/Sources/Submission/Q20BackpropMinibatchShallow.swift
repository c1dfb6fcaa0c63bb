// Questions 20-21: backprop_minibatch_shallow, minibatch gradient descent.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// T epochs; each draws a fresh random.permutation(N) and steps on the minibatches of B columns
    /// in that order (the last may be smaller); after each epoch, the loss and error on all of x.
    func backpropMinibatchShallow(
        _ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, B: Int, gamma: Double,
        random: inout NumPyRandomState
    ) throws -> ECE285TrainingResult {
        // TODO: Question 20. NB = (N + B - 1) / B. Draw the permutation inside the epoch loop, with the
        // `random` given (not your own generator). x[cols: indices] and d[cols: indices] select a minibatch.
        throw NotImplemented("ECE285BackpropLab.backpropMinibatchShallow")
    }
}
