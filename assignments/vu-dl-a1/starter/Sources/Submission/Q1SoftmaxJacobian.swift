// Question 1: the local derivative of the softmax.
import Foundation
import LabKit

extension VUAssignment1 {
    /// The (n, n) Jacobian of y = softmax(o): entry [i, j] is ∂y_i/∂o_j,
    /// y_i(1 − y_i) when i = j and −y_i·y_j otherwise.
    func softmaxJacobian(_ o: [Double]) throws -> Matrix {
        // TODO: Question 1. Compute y = softmax(o) first (subtract max(o) before exp so nothing overflows),
        // then fill Matrix(rows: n, cols: n) { i, j in ... }.
        throw NotImplemented("VUMLPLab.softmaxJacobian")
    }
}
