// Question 3: one forward and one backward pass, in scalar terms.
import Foundation
import LabKit

extension VUAssignment1 {
    /// The forward pass up to the loss −log y_target and the backward pass of the network
    /// k = x·W + b, h = σ(k), o = h·V + c, y = softmax(o), written with loops over units.
    ///
    /// The sizes come from the parameters: n_input = W1.rows, n_hidden = W1.cols, n_out = W2.cols.
    /// Return k, h, o, y as (1, n) rows (Matrix(row:)), the loss and the gradients dW, db, dV, dc as
    /// TwoLayerParameters(W1: dW, b1: db, W2: dV, b2: dc), each with its parameter's shape.
    func scalarForwardBackward(x: [Double], target: Int, _ parameters: TwoLayerParameters) throws -> VUPass {
        // TODO: Question 3. Plain loops and `exp`/`log` only. Each output o_j sums over ALL n_hidden hidden
        // units. The grader runs the lab's 2-3-2 network and networks of other sizes.
        throw NotImplemented("VUMLPLab.scalarForwardBackward")
    }
}
