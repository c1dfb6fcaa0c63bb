// VUParameters: the weights W, V and biases b, c of the VU assignment's network, and the lab's initialisation.

/// The parameters of the VU assignment's two-layer network, in the assignment's own names:
/// `W, b` (input → hidden) and `V, c` (hidden → output). The same type carries their gradients
/// `dW, db, dV, dc`.
///
/// **Layout.** Samples are rows, so the forward pass is `k = x·W + b`, `o = h·V + c`:
/// `W` is `(n_input, n_hidden)`, `b` is `(1, n_hidden)`, `V` is `(n_hidden, n_out)`,
/// `c` is `(1, n_out)`. `W[i, j]` is the weight from input `i` to hidden unit `j`, as the
/// report's `W1[i][j]`.
public struct VUParameters: Sendable, Hashable, Codable {
    /// Input-to-hidden weights, `(n_input, n_hidden)`.
    public var W: Matrix
    /// Hidden biases, `(1, n_hidden)`.
    public var b: Matrix
    /// Hidden-to-output weights, `(n_hidden, n_out)`.
    public var V: Matrix
    /// Output biases, `(1, n_out)`.
    public var c: Matrix

    /// Makes the parameters from their four matrices.
    public init(W: Matrix, b: Matrix, V: Matrix, c: Matrix) {
        self.W = W
        self.b = b
        self.V = V
        self.c = c
    }

    /// The four matrices with their lab names, in the order `W, b, V, c`.
    public var named: [(name: String, value: Matrix)] {
        [("W", W), ("b", b), ("V", V), ("c", c)]
    }

    /// One gradient-descent step: every parameter moves by `−learningRate ×` its gradient.
    public func descending(_ gradients: VUParameters, learningRate: Double) -> VUParameters {
        VUParameters(
            W: W - learningRate * gradients.W, b: b - learningRate * gradients.b,
            V: V - learningRate * gradients.V, c: c - learningRate * gradients.c)
    }

    /// The lab's initialisation: biases at zero, weights drawn from the standard normal
    /// distribution, `W` first, then `V`, each filled row by row.
    ///
    /// NumPy, as in the report's `MLP.__init__`: `b1 = np.zeros(n_hidden)`,
    /// `W1 = np.random.normal(size=(n_input, n_hidden))`, `b2 = np.zeros(n_out)`,
    /// `W2 = np.random.normal(size=(n_hidden, n_out))`. The report's scalar version draws the
    /// same distribution with Python's `random.gauss(0, 1)`, which is not NumPy's stream;
    /// labgrade uses NumPy's for every question so runs can be repeated.
    public static func standardNormal(
        inputs: Int, hidden: Int, outputs: Int, random: inout NumPyRandomState
    ) -> VUParameters {
        let W = random.normal(rows: inputs, cols: hidden)
        let V = random.normal(rows: hidden, cols: outputs)
        return VUParameters(W: W, b: .zeros(rows: 1, cols: hidden), V: V, c: .zeros(rows: 1, cols: outputs))
    }
}
