// Questions 8-11: softmaxp, the backpropagated error of the softmax.
import Foundation
import LabKit

extension ECE285Assignment1 {
    /// δ = g(a) ⊗ e − ⟨g(a), e⟩ g(a) for every column, g the softmax; same shape as `a` and `e`.
    func softmaxp(_ a: Matrix, _ e: Matrix) throws -> Matrix {
        // TODO: Question 10. Call softmax(a); `*` is the entrywise product; the inner products of the
        // columns are (g * e).sum(axis: 0), a (1, N) row that broadcasts. Question 11: check the result
        // against (softmax(a + eps * e) - softmax(a)) / eps — the grader does the same with your softmax.
        throw NotImplemented("ECE285BackpropLab.softmaxp")
    }
}
