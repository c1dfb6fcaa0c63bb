// Question 17: update_shallow, one step of gradient descent by backpropagation.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// The network after one step on the batch x (Ni, N) with one-hot codes d (No, N), step γ/N.
    func updateShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, gamma: Double) throws
        -> TwoLayerParameters
    {
        // TODO: Question 17. gamma / Double(x.cols) is the step. Forward: a1, h1 = relu(a1), a2, y = softmax(a2).
        // Backward: e2 = -d / y, delta2 = softmaxp(a2, e2), delta1 = relup(a1, net.W2.T.dot(delta2)) with
        // the old W2. Gradients: delta2.dot(h1.T), delta2.sum(axis: 1), delta1.dot(x.T), delta1.sum(axis: 1).
        throw NotImplemented("ECE285BackpropLab.updateShallow")
    }
}
