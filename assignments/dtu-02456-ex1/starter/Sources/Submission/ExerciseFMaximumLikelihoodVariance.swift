// Exercise f) (optional): the maximum-likelihood noise variance.
import Foundation
import LabKit

extension DTUExercise1 {
    /// The `σ²` that minimises your `gaussianNegativeLogLikelihood` for fixed outputs and targets, `(N, D)` each.
    func maximumLikelihoodVariance(outputs: Matrix, targets: Matrix) throws -> Double {
        // TODO: Exercise f). Set the derivative of the NLL with respect to σ² to zero.
        throw NotImplemented("DTUPenAndPaperLab.maximumLikelihoodVariance")
    }
}
