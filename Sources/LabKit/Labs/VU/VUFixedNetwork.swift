// VUFixedNetwork: the small network drawn in Question 3, with its weights, input and target.

/// The instance of Question 3: a 2–3–2 network with a sigmoid hidden layer and a softmax
/// output, one input and its target, exactly as the assignment's figure gives them.
public enum VUFixedNetwork {
    /// The input `x = [1, −1]`.
    public static let x: [Double] = [1, -1]
    /// The target class, as an integer: class 0 (the report's one-hot `Y = [1, 0]`).
    public static let target = 0

    /// `W = [[1, 1, 1], [−1, −1, −1]]`, `b = [0, 0, 0]`, `V = [[1, 1], [−1, −1], [−1, −1]]`, `c = [0, 0]`,
    /// stored as `W1, b1, W2, b2`.
    public static let parameters = TwoLayerParameters(
        W1: Matrix([[1, 1, 1], [-1, -1, -1]]),
        b1: .zeros(rows: 1, cols: 3),
        W2: Matrix([[1, 1], [-1, -1], [-1, -1]]),
        b2: .zeros(rows: 1, cols: 2))
}
