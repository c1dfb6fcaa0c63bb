// Task 3.1: the least-squares cost (the notebook's least_squares_cost).
import Foundation
import LabKit

extension UppsalaLab1 {
    /// L = (1/I) Σᵢ (fᵢ − yᵢ)² (Eq. 1b); `output` and `y` are (I, 1).
    func leastSquaresCost(_ output: Matrix, _ y: Matrix) throws -> Double {
        // TODO: Task 3.1. Mind footnote 1: this lab divides by the number of samples I.
        // On the Auto data with the zero model the cost is 610.4738… (the notebook's first train cost).
        throw NotImplemented("UppsalaBackpropLab.leastSquaresCost")
    }
}
