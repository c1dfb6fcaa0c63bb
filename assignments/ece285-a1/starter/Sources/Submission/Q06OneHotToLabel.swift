// Question 6: onehot2label.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// The label of every column of `d` (or of predictions y): the row of its largest entry.
    func oneHotToLabel(_ d: Matrix) throws -> [Int] {
        // TODO: Question 6. d.argmax(axis: 0) takes the argmax down each column, as NumPy's.
        throw NotImplemented("ECE285BackpropLab.oneHotToLabel")
    }
}
