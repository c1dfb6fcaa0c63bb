// ECE285BackpropLab: the exercises of UCSD ECE 285 MLIP Assignment 1 (a shallow net on MNIST, by backprop).

/// UCSD ECE 285 MLIP Assignment 1, Questions 4–20: data preparation, the softmax and ReLU
/// activations and their directional derivatives, and a shallow network `784 → 64 (ReLU) → 10
/// (softmax)` trained by full-batch and minibatch gradient descent on the cross-entropy.
///
/// **Layout.** Samples are the **columns**, as in the lab: images `x` are `(Ni, N)`, one-hot codes
/// `d` and predictions `y` are `(No, N)`. The network is a ``TwoLayerParameters`` in the lab's
/// layout: `W1 (Nh, Ni)`, `b1 (Nh, 1)`, `W2 (No, Nh)`, `b2 (No, 1)`, with `a1 = W1·x + b1`.
///
/// **Precision.** The lab works in float32 (Question 4); everything here is Float64, so values
/// derived from the lab's float32 arrays are compared at about `1e-6`.
///
/// Every requirement has a default that throws ``NotImplemented``; implement them in your type.
/// Nothing may depend on the lab's sizes (784, 64, 10, 60000): the grader also calls each one on
/// other shapes and seeds.
public protocol ECE285BackpropLab: Sendable {
    /// Makes the solution; it holds no state.
    init()

    /// Question 4, `normalize_MNIST_images`: maps pixel values linearly from `[0, 255]` to
    /// `[−1, 1]` (0 ↦ −1, 255 ↦ 1, so `x / 127.5 − 1`), entry by entry; any shape.
    ///
    /// The lab's float32 `x·(2/255) − 1` gives 127 ↦ −0.0039215087890625 where Float64 gives
    /// −0.0039215686…; the two agree to about `1e-7`.
    func normalizeMNISTImages(_ x: Matrix) throws -> Matrix

    /// Question 5, `label2onehot`: the one-hot codes of `labels`, **one column per sample**,
    /// shape `(classes, N)`, with `d[labels[j], j] = 1` and zeros elsewhere.
    ///
    /// The lab sizes `d` by `lbl.max() + 1`, which is 10 on MNIST but shrinks on a subset without
    /// a 9; here the number of classes is passed in (pass `labels.max() + 1` for the lab's rule).
    /// Every label lies in `0..<classes`.
    func labelToOneHot(_ labels: [Int], classes: Int) throws -> Matrix

    /// Question 6, `onehot2label`: the label of every column of `d`, the row index of its largest
    /// entry (the first one on ties), so that `oneHotToLabel(labelToOneHot(l)) == l`. Works on
    /// predictions `y` too. Returns `N = d.cols` labels.
    func oneHotToLabel(_ d: Matrix) throws -> [Int]

    /// Question 7, `softmax`: the softmax of **every column** of `a`,
    /// `y_ij = exp(a_ij − M_j) / Σ_k exp(a_kj − M_j)` with `M_j = max_k a_kj`.
    ///
    /// Subtracting the column maximum keeps every exponent ≤ 0, so no column overflows to
    /// `inf`/`NaN` however large its entries. Same shape as `a`; every column sums to 1.
    func softmax(_ a: Matrix) throws -> Matrix

    /// Question 10, `softmaxp`: the backpropagated error `δ = [∂g(a)/∂a]ᵀ e` of the softmax `g`,
    /// column by column: `δ = g(a) ⊙ e − ⟨g(a), e⟩ g(a)`, where `⟨g(a), e⟩` is the inner product
    /// of the two columns. `a` and `e` have the same shape; so does the result.
    ///
    /// Equivalently (Question 11), `δ` is the directional derivative
    /// `lim_{ε→0} (g(a + εe) − g(a)) / ε`, since the softmax Jacobian is symmetric.
    func softmaxp(_ a: Matrix, _ e: Matrix) throws -> Matrix

    /// Question 12, `relu`: `ReLU(a)_i = max(a_i, 0)`, entry by entry; any shape.
    func relu(_ a: Matrix) throws -> Matrix

    /// Question 12, `relup`: the directional derivative of ReLU at `a` in the direction `e`,
    /// entry by entry `δ_i = e_i` where `a_i > 0` and `0` elsewhere (`0` at the kink `a_i = 0`,
    /// as `(a > 0) * e`). `a` and `e` have the same shape; so does the result.
    func relup(_ a: Matrix, _ e: Matrix) throws -> Matrix

    /// Question 14, `forwardprop_shallow`: the predictions `y = softmax(W2·relu(W1·x + b1) + b2)`
    /// for every column of `x` (`(Ni, N)`). Returns `(No, N)`; every column sums to 1.
    func forwardpropShallow(_ x: Matrix, _ net: TwoLayerParameters) throws -> Matrix

    /// Question 15, `eval_loss`: the cross-entropy averaged over the samples **and** the output
    /// dimensions, `−Σ_ij d_ij log y_ij / d.size` with `d.size = No·N` — a tenth of the usual
    /// mean cross-entropy when `No = 10`, "around .26" at initialisation on MNIST.
    /// `y` and `d` are `(No, N)`. As in the lab's `d * log(y)`, a probability that underflowed to
    /// exactly 0 makes the loss NaN even where `d` is 0.
    func evalLoss(_ y: Matrix, _ d: Matrix) throws -> Double

    /// Question 16, `eval_perfs`: the percentage (0–100) of samples whose predicted label
    /// `oneHotToLabel(y)` differs from `labels` (`labels.count == y.cols`).
    func evalPerfs(_ y: Matrix, _ labels: [Int]) throws -> Double

    /// Question 17, `update_shallow`: one gradient-descent step on the summed cross-entropy
    /// `E = −Σ d log y` of the batch `x` (`(Ni, N)`) with one-hot codes `d` (`(No, N)`).
    ///
    /// The step is `γ / N` with `N = x.cols` ("normalized by the training dataset size"). Forward:
    /// `a1 = W1·x + b1`, `h1 = relu(a1)`, `a2 = W2·h1 + b2`, `y = softmax(a2)`. Backward from
    /// `e2 = ∇_y E = −d / y`: `δ2 = softmaxp(a2, e2)`, `δ1 = relup(a1, W2ᵀ·δ2)` (with the old
    /// `W2`). Then `W2 −= γ/N · δ2·h1ᵀ`, `b2 −= γ/N · δ2·1_N`, `W1 −= γ/N · δ1·xᵀ`,
    /// `b1 −= γ/N · δ1·1_N`. Returns the updated network.
    func updateShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, gamma: Double) throws
        -> TwoLayerParameters

    /// Question 18, `backprop_shallow`: `T` full-batch steps of ``updateShallow(_:_:_:gamma:)``
    /// on all of `x` and `d`, starting from `net`.
    ///
    /// After each step `t = 0..<T`, record the loss ``evalLoss(_:_:)`` and the training error
    /// ``evalPerfs(_:_:)`` (against `oneHotToLabel(d)`) of the updated network on `x`: the lab's
    /// "display loss and perfs". Returns the last network and the two `T`-long histories.
    func backpropShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, gamma: Double) throws
        -> ECE285TrainingResult

    /// Question 20, `backprop_minibatch_shallow`: `T` epochs of minibatch gradient descent.
    ///
    /// With `N = x.cols` and `NB = ⌈N / B⌉`, each epoch draws `random.permutation(N)` (the lab's
    /// `np.random.permutation(range(N))`, a fresh one per epoch) and, for `l = 0..<NB`, applies
    /// ``updateShallow(_:_:_:gamma:)`` to the columns `shuffled[B·l ..< min(B·(l+1), N)]` (the last
    /// minibatch may be smaller; each step is normalised by its own minibatch size). After each
    /// epoch, record the loss and training error of the network on **all** of `x`. Returns the
    /// last network and the two `T`-long histories.
    func backpropMinibatchShallow(
        _ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, B: Int, gamma: Double,
        random: inout NumPyRandomState
    ) throws -> ECE285TrainingResult
}

extension ECE285BackpropLab {
    /// Not implemented yet: throws ``NotImplemented``.
    public func normalizeMNISTImages(_ x: Matrix) throws -> Matrix {
        throw NotImplemented("ECE285BackpropLab.normalizeMNISTImages")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func labelToOneHot(_ labels: [Int], classes: Int) throws -> Matrix {
        throw NotImplemented("ECE285BackpropLab.labelToOneHot")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func oneHotToLabel(_ d: Matrix) throws -> [Int] {
        throw NotImplemented("ECE285BackpropLab.oneHotToLabel")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func softmax(_ a: Matrix) throws -> Matrix {
        throw NotImplemented("ECE285BackpropLab.softmax")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func softmaxp(_ a: Matrix, _ e: Matrix) throws -> Matrix {
        throw NotImplemented("ECE285BackpropLab.softmaxp")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func relu(_ a: Matrix) throws -> Matrix {
        throw NotImplemented("ECE285BackpropLab.relu")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func relup(_ a: Matrix, _ e: Matrix) throws -> Matrix {
        throw NotImplemented("ECE285BackpropLab.relup")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func forwardpropShallow(_ x: Matrix, _ net: TwoLayerParameters) throws -> Matrix {
        throw NotImplemented("ECE285BackpropLab.forwardpropShallow")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func evalLoss(_ y: Matrix, _ d: Matrix) throws -> Double {
        throw NotImplemented("ECE285BackpropLab.evalLoss")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func evalPerfs(_ y: Matrix, _ labels: [Int]) throws -> Double {
        throw NotImplemented("ECE285BackpropLab.evalPerfs")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func updateShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, gamma: Double) throws
        -> TwoLayerParameters
    {
        throw NotImplemented("ECE285BackpropLab.updateShallow")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func backpropShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, gamma: Double) throws
        -> ECE285TrainingResult
    {
        throw NotImplemented("ECE285BackpropLab.backpropShallow")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func backpropMinibatchShallow(
        _ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, B: Int, gamma: Double,
        random: inout NumPyRandomState
    ) throws -> ECE285TrainingResult {
        throw NotImplemented("ECE285BackpropLab.backpropMinibatchShallow")
    }
}
