// Exercise e): the Gaussian negative log-likelihood.
import Foundation
import LabKit

extension DTUExercise1 {
    /// `−log Π_n 𝒩(t_n | y(x_n), σ²I)`, which e) shows is `ND/2 · log 2πσ² + E(w)/(2σ²)`.
    ///
    /// `outputs` and `targets` are `(N, D)` (here `D` is the size of a target); `variance` is `σ²`.
    func gaussianNegativeLogLikelihood(outputs: Matrix, targets: Matrix, variance: Double) throws -> Double {
        // TODO: Exercise e). DTULoss.sumOfSquaresError(outputs:targets:) is E(w).
        throw NotImplemented("DTUPenAndPaperLab.gaussianNegativeLogLikelihood")
    }
}
