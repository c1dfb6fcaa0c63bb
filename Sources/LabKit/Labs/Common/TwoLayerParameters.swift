// TwoLayerParameters: the weights and biases of a network with one hidden layer.

/// `W1, b1, W2, b2` of a two-layer network; the same type carries their gradients `dW1 … db2`.
///
/// Shapes follow each lab's own layout, stated where the lab uses this type:
/// HLCV (rows are samples): `W1 (D, H)`, `b1 (1, H)`, `W2 (H, C)`, `b2 (1, C)`;
/// ECE 285 (columns are samples): `W1 (Nh, Ni)`, `b1 (Nh, 1)`, `W2 (No, Nh)`, `b2 (No, 1)`.
public struct TwoLayerParameters: Sendable, Hashable, Codable {
    /// First-layer weights.
    public var W1: Matrix
    /// First-layer biases.
    public var b1: Matrix
    /// Second-layer weights.
    public var W2: Matrix
    /// Second-layer biases.
    public var b2: Matrix

    /// Makes the parameters from their four matrices.
    public init(W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
        self.W1 = W1
        self.b1 = b1
        self.W2 = W2
        self.b2 = b2
    }

    /// The four matrices with their lab names, in the order `W1, b1, W2, b2`.
    public var named: [(name: String, value: Matrix)] {
        [("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)]
    }

    /// One SGD step: every parameter moves by `−learningRate ×` its gradient.
    public func descending(_ gradients: TwoLayerParameters, learningRate: Double) -> TwoLayerParameters {
        var stepped = self
        stepped.descend(gradients, learningRate: learningRate)
        return stepped
    }

    /// Takes the step of ``descending(_:learningRate:)`` in place: `θ -= learningRate · ∇θ` for
    /// every parameter, through BLAS's `axpy` with no temporary matrix. A gradient of another
    /// shape is broadcast as NumPy would (`b - lr * db` with `db` of shape `(B, n)` gives `(B, n)`),
    /// so a shape mistake shows up in the parameters, where the checks can name it.
    public mutating func descend(_ gradients: TwoLayerParameters, learningRate: Double) {
        for (parameter, gradient) in [(\TwoLayerParameters.W1, gradients.W1), (\.b1, gradients.b1), (\.W2, gradients.W2), (\.b2, gradients.b2)] {
            if self[keyPath: parameter].shape == gradient.shape {
                self[keyPath: parameter].add(gradient, scaledBy: -learningRate)
            } else {
                self[keyPath: parameter] = self[keyPath: parameter] - learningRate * gradient
            }
        }
    }
}
