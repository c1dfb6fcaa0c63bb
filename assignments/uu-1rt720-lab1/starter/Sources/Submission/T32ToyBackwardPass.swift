// Task 3.2, step 2: the toy model's backward pass.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// ∂ℓ/∂f3, ∂ℓ/∂h3, ∂ℓ/∂f2, ∂ℓ/∂h2, ∂ℓ/∂f1, ∂ℓ/∂h1, ∂ℓ/∂f0, in that order, by the chain rule.
    func toyBackwardPass(_ forward: UppsalaToyForwardPass, y: Double, _ parameters: UppsalaToyParameters) throws
        -> UppsalaToyBackwardPass
    {
        // TODO: Task 3.2, step 2. Each derivative is the previous one times one local derivative:
        // of (f3 − y)², of β + ω·h with respect to h, or of cos, exp and sin at the stored f.
        throw NotImplemented("UppsalaBackpropLab.toyBackwardPass")
    }
}
