// Question 5: label2onehot.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// The one-hot codes of `labels` stacked in columns: shape (classes, N), d[labels[j], j] = 1.
    func labelToOneHot(_ labels: [Int], classes: Int) throws -> Matrix {
        // TODO: Question 5. Size the codes by `classes`, not by the largest label: a subset of the
        // digits may lack the last class. Matrix.zeros(rows:cols:) and d[i, j] = 1 work, and so does
        // Matrix.oneHot(labels, classes:), which stacks the codes in rows (transpose it with .T).
        throw NotImplemented("ECE285BackpropLab.labelToOneHot")
    }
}
