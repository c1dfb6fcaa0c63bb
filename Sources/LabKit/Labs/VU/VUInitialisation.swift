// VUInitialisation: the assignment's weight initialisation, drawn from a NumPy stream.

/// How the VU assignment initialises its network.
public enum VUInitialisation {
    /// Biases at zero and weights drawn from the standard normal distribution, `W1` first, then
    /// `W2`, each filled row by row. Shapes as in ``VUMLPLab``: `W1 (inputs, hidden)`,
    /// `b1 (1, hidden)`, `W2 (hidden, outputs)`, `b2 (1, outputs)`.
    ///
    /// NumPy, as in the report's `MLP.__init__`: `b1 = np.zeros(n_hidden)`,
    /// `W1 = np.random.normal(size=(n_input, n_hidden))`, `b2 = np.zeros(n_out)`,
    /// `W2 = np.random.normal(size=(n_hidden, n_out))`. The report's scalar version draws the
    /// same distribution with Python's `random.gauss(0, 1)`, which is not NumPy's stream;
    /// labgrade uses NumPy's for every question so that runs can be repeated.
    public static func standardNormal(
        inputs: Int, hidden: Int, outputs: Int, random: inout NumPyRandomState
    ) -> TwoLayerParameters {
        let W1 = random.normal(rows: inputs, cols: hidden)
        let W2 = random.normal(rows: hidden, cols: outputs)
        return TwoLayerParameters(W1: W1, b1: .zeros(rows: 1, cols: hidden), W2: W2, b2: .zeros(rows: 1, cols: outputs))
    }
}
