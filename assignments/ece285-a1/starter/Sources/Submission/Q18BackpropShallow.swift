// Questions 18-19: backprop_shallow, full-batch gradient descent.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// T full-batch steps of updateShallow from `net`; after each step, the loss and the training
    /// error of the updated network on all of x (the lab's "display loss and perfs").
    func backpropShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, gamma: Double) throws
        -> ECE285TrainingResult
    {
        // TODO: Question 18. Start from ECE285TrainingResult(parameters: net, lossHistory: [], errorHistory: []),
        // then for each step: update, forwardpropShallow, append evalLoss and evalPerfs (against oneHotToLabel(d)).
        throw NotImplemented("ECE285BackpropLab.backpropShallow")
    }
}
