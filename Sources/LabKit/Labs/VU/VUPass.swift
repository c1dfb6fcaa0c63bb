// VUPass: what one forward and backward pass of the VU network computes.

/// The intermediate values, the loss and the gradients of one forward and backward pass.
///
/// The names are the assignment's: `k = x·W + b` (hidden pre-activations), `h = σ(k)`
/// (hidden activations), `o = h·V + c` (output pre-activations), `y = softmax(o)` (class
/// probabilities). Every matrix has one row per sample: `(1, n)` for a single instance
/// (Questions 3 and 5), `(B, n)` for a batch (Question 6).
public struct VUPass: Sendable, Hashable, Codable {
    /// Hidden pre-activations `k`, `(B, n_hidden)`.
    public var k: Matrix
    /// Hidden activations `h = σ(k)`, `(B, n_hidden)`.
    public var h: Matrix
    /// Output pre-activations `o`, `(B, n_out)`.
    public var o: Matrix
    /// Class probabilities `y = softmax(o)`, one distribution per row, `(B, n_out)`.
    public var y: Matrix
    /// The cross-entropy loss `−log y_c` (for a batch: its mean over the rows).
    public var loss: Double
    /// `∂loss/∂W, ∂loss/∂b, ∂loss/∂V, ∂loss/∂c` as `W1, b1, W2, b2`, with the parameters' shapes.
    public var gradients: TwoLayerParameters

    /// Makes a pass from its parts.
    public init(k: Matrix, h: Matrix, o: Matrix, y: Matrix, loss: Double, gradients: TwoLayerParameters) {
        self.k = k
        self.h = h
        self.o = o
        self.y = y
        self.loss = loss
        self.gradients = gradients
    }
}
