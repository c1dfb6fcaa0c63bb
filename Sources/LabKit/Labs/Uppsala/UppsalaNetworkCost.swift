// UppsalaNetworkCost: the notebook's given least-squares cost and its derivative, samples as columns.

/// `compute_cost` and `d_cost_d_output` of `backpropagation.ipynb`, which the notebook gives:
/// the least-squares cost averaged over the samples, which are the **columns** of `y`.
public enum UppsalaNetworkCost {
    /// `compute_cost`: `L = Σ (f − y)² / I` with `I = y.cols`; `output` and `y` are `(D_o, I)`.
    ///
    /// With one sample this is also udlbook 7.2's cost, which does not divide by `I`.
    public static func leastSquares(_ output: Matrix, _ y: Matrix) -> Double {
        LabKitFailure.requireSameShape(output, y, "UppsalaNetworkCost.leastSquares")
        return (output - y).sumOfSquares() / Double(y.cols)
    }

    /// `d_cost_d_output`: `∂L/∂f = 2(f − y) / I` with `I = y.cols`, shape `(D_o, I)`.
    public static func leastSquaresDerivative(_ output: Matrix, _ y: Matrix) -> Matrix {
        LabKitFailure.requireSameShape(output, y, "UppsalaNetworkCost.leastSquaresDerivative")
        return 2 * (output - y) / Double(y.cols)
    }
}
