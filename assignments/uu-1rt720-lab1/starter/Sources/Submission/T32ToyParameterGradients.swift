// Task 3.2, step 3: the derivatives of the toy loss with respect to the eight parameters.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// ∂ℓ/∂β_k and ∂ℓ/∂ω_k for k = 0…3, in an UppsalaToyParameters (its beta0 is ∂ℓ/∂β0, and so on).
    func toyParameterGradients(_ forward: UppsalaToyForwardPass, _ backward: UppsalaToyBackwardPass, x: Double)
        throws -> UppsalaToyParameters
    {
        // TODO: Task 3.2, step 3. f_k = β_k + ω_k·h_k with h_0 = x: what are ∂f_k/∂β_k and ∂f_k/∂ω_k?
        // The grader also checks these against central differences of your toyForwardPass loss.
        throw NotImplemented("UppsalaBackpropLab.toyParameterGradients")
    }
}
