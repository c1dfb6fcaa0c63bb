// Question 2.6: the derivative of the softmax cross-entropy loss with respect to the model output.
import Foundation
import LabKit

extension UppsalaLab1 {
    /// ∂ℓᵢ/∂f_ik of Eq. 9 for every class k and data point i. `f` and the one-hot `yOneHot` are
    /// (D_o, I), one data point per column; each column on its own, **not** divided by I.
    func softmaxCrossEntropyLossGradient(_ f: Matrix, _ yOneHot: Matrix) throws -> Matrix {
        // TODO: Question 2.6. Differentiate the second line of Eq. 9 with respect to f_ik; the
        // log-sum-exp term gives a familiar function of f. You may call your softmax(_:) (Task 3.6).
        throw NotImplemented("UppsalaBackpropLab.softmaxCrossEntropyLossGradient")
    }
}
