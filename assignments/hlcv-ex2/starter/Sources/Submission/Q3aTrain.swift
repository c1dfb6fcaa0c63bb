// Question 3 a): stochastic gradient descent.
import Foundation
import LabKit

extension HLCVExercise2 {
    /// Minibatch SGD as the lab's `train` (see HLCVTwoLayerNetLab.train for the exact loop).
    func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: HLCVTrainingOptions, random: inout NumPyRandomState
    ) throws -> HLCVTrainingResult {
        // TODO: Question 3 a). Each iteration: batch = random.choice(X.rows, count: options.batchSize),
        // record the minibatch loss, step every parameter by −learningRate × gradient; once per epoch
        // record the accuracies and multiply the learning rate by options.learningRateDecay.
        throw NotImplemented("HLCVTwoLayerNetLab.train")
    }
}
