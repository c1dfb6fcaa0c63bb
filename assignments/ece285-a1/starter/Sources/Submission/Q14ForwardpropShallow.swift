// Questions 13-14: forwardprop_shallow.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// y = softmax(W2·relu(W1·x + b1) + b2) for every column of x; shape (No, N).
    func forwardpropShallow(_ x: Matrix, _ net: TwoLayerParameters) throws -> Matrix {
        // TODO: Question 14. net.W1.dot(x) + net.b1 is a1 (b1 is (Nh, 1) and broadcasts along the columns).
        throw NotImplemented("ECE285BackpropLab.forwardpropShallow")
    }
}
