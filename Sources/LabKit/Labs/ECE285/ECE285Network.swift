// ECE285Network: the lab's given shallow-network setup — sizes, step sizes and `init_shallow`.

/// The code ECE 285 Assignment 1 hands out for its shallow network (Questions 13, 17, 18, 20).
public enum ECE285Network {
    /// Hidden units `Nh` of the lab's network (Question 13: `Nh = 64`).
    public static let hiddenSize = 64
    /// The learning rate `γ` every training function defaults to (`gamma=.05`).
    public static let gamma = 0.05
    /// Minibatch size `B` of Question 20 (`B=100`).
    public static let minibatchSize = 100
    /// Full-batch steps after which the lab expects "about 13%" training error on all of MNIST (Question 18).
    public static let fullBatchSteps = 100
    /// Epochs of minibatch training in Question 21.
    public static let minibatchEpochs = 5

    /// Question 13, the lab's `init_shallow(Ni, Nh, No)`, drawing from `random` in the lab's order:
    ///
    /// `b1 = randn(Nh, 1) / √((Ni+1)/2)`, then `W1 = randn(Nh, Ni) / √((Ni+1)/2)` (He),
    /// then `b2 = randn(No, 1) / √(Nh+1)`, then `W2 = randn(No, Nh) / √(Nh+1)` (Xavier).
    /// The lab calls it unseeded; with `NumPyRandomState(seed: s)` it reproduces
    /// `np.random.seed(s); init_shallow(Ni, Nh, No)` bit for bit.
    public static func initShallow(Ni: Int, Nh: Int, No: Int, random: inout NumPyRandomState) -> TwoLayerParameters {
        let hiddenScale = (Double(Ni + 1) / 2).squareRoot()
        let outputScale = Double(Nh + 1).squareRoot()
        let b1 = random.randn(rows: Nh, cols: 1) / hiddenScale
        let W1 = random.randn(rows: Nh, cols: Ni) / hiddenScale
        let b2 = random.randn(rows: No, cols: 1) / outputScale
        let W2 = random.randn(rows: No, cols: Nh) / outputScale
        return TwoLayerParameters(W1: W1, b1: b1, W2: W2, b2: b2)
    }
}
