// Task 3.2, step 1: the toy model's forward pass.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// f0 = β0 + ω0·x, h1 = sin f0, f1 = β1 + ω1·h1, h2 = exp f1, f2 = β2 + ω2·h2, h3 = cos f2,
    /// f3 = β3 + ω3·h3 and the loss ℓ = (f3 − y)².
    func toyForwardPass(x: Double, y: Double, _ parameters: UppsalaToyParameters) throws -> UppsalaToyForwardPass {
        // TODO: Task 3.2, step 1. On UppsalaToyModel.parameters with x 2.3 and y 2.0, ℓ is 0.138580…
        throw NotImplemented("UppsalaBackpropLab.toyForwardPass")
    }
}
