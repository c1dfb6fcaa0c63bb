// ECE285ActivationProbe: the seeded potentials and errors on which ECE 285's activations are checked.

/// A fixed instance for Questions 7–12: `np.random.seed(0)`, then `a = randn(10, 3)` and
/// `e = randn(10, 3)` — three columns of ten potentials and ten backpropagated errors.
///
/// The lab checks `softmaxp` and `relup` against finite differences on its own data; this seeded
/// instance makes those checks, and `softmax(a)[:, 0]`, reproducible numbers.
public enum ECE285ActivationProbe {
    /// Output units per column (the lab's 10 digits).
    public static let units = 10
    /// Number of columns.
    public static let columns = 3

    /// The potentials `a` and the direction `e`, both `(10, 3)`, drawn in that order from seed 0.
    public static func inputs() -> (a: Matrix, e: Matrix) {
        var random = NumPyRandomState(seed: 0)
        let a = random.randn(rows: units, cols: columns)
        return (a, random.randn(rows: units, cols: columns))
    }
}
