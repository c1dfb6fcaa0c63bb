// Question 16: eval_perfs.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// The percentage (0–100) of columns of y whose predicted label differs from `labels`.
    func evalPerfs(_ y: Matrix, _ labels: [Int]) throws -> Double {
        // TODO: Question 16. Use oneHotToLabel(y); zip(_:_:) pairs the predicted and true labels.
        throw NotImplemented("ECE285BackpropLab.evalPerfs")
    }
}
