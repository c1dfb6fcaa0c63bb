// Exercise h) (optional): the expected gradient of a random minibatch.
import Foundation
import LabKit

extension DTUExercise1 {
    /// The factor `c` in `𝔼_S[∇E_S(w)] = c · ∇E(w)`, for `E_S = Σ_{n∈S} E_n` over a uniformly drawn subset
    /// of `batchSize` of the `datasetSize` samples and `E = Σ_n E_n`.
    func minibatchGradientScale(datasetSize: Int, batchSize: Int) throws -> Double {
        // TODO: Exercise h). How often is each sample in the subset, on average?
        throw NotImplemented("DTUPenAndPaperLab.minibatchGradientScale")
    }
}
