// HLCVTwoLayerNetLab: the exercises of HLCV Exercise 2 (a two-layer net, backprop, SGD).

/// HLCV 2021 Exercise 2, Questions 1–3: a two-layer fully connected network
/// `input → affine → ReLU → affine → softmax`, its regularised cross-entropy loss, backpropagation
/// and stochastic gradient descent.
///
/// **Layout.** Samples are the **rows** of `X` (shape `(N, D)`), as in the lab's code:
/// `W1` is `(D, H)`, `b1` is `(1, H)`, `W2` is `(H, C)`, `b2` is `(1, C)`, and the forward pass
/// multiplies `X · W1`. (The lab's PDF writes `W⁽¹⁾ ∈ ℝ^{10×4}` with `W x`; the code, and this
/// protocol, use the transpose.) Labels are integers in `0..<C`.
///
/// Every requirement has a default that throws ``NotImplemented``; implement them in your type.
public protocol HLCVTwoLayerNetLab: Sendable {
    /// Makes the solution; it holds no state.
    init()

    /// Question 1 a): the class probabilities `a⁽³⁾ = ψ(z⁽³⁾)` of Eq. 3–7 for every row of `X`.
    ///
    /// `z⁽²⁾ = X·W1 + b1`, `a⁽²⁾ = ReLU(z⁽²⁾)` (Eq. 1), `z⁽³⁾ = a⁽²⁾·W2 + b2`, and `ψ` the softmax
    /// of Eq. 2 applied to each row. Returns `(N, C)`; each row sums to 1. These are the lab's
    /// `scores`: probabilities, not logits.
    func scores(_ X: Matrix, _ parameters: TwoLayerParameters) throws -> Matrix

    /// Question 1 b): the regularised loss `J̃` of Eq. 13,
    /// `(1/N) Σᵢ −log ψ(z⁽³⁾ᵢ)_{yᵢ} + reg · (‖W1‖² + ‖W2‖²)` — no ½ on the penalty, biases not penalised.
    func loss(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) throws -> Double

    /// Question 2 d): the gradient of ``loss(_:labels:_:reg:)`` with respect to each parameter,
    /// by backpropagation (Eq. 16–20): `∂J/∂z⁽³⁾ = (ψ(z⁽³⁾) − Δ)/N`, and `+ 2·reg·W` on each weight.
    ///
    /// The result has the parameters' shapes; its `W1` is `∂J̃/∂W1`, and so on.
    func gradients(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) throws
        -> TwoLayerParameters

    /// Question 3 a): minibatch stochastic gradient descent (Algorithm 1), as the lab's `train`.
    ///
    /// For each of `options.iterations` steps `t = 0, 1, …`: draw `options.batchSize` row indices
    /// with replacement, `random.choice(N, count: B)` (the lab's `np.random.choice(num_train,
    /// batch_size)`), record the minibatch loss **before** the update in `lossHistory`, then step
    /// every parameter by `−learningRate ×` its gradient. Once per epoch — when `t` is a multiple
    /// of `max(N / B, 1)` computed in floating point, as the lab does — append the minibatch and
    /// validation accuracies and multiply the learning rate by `options.learningRateDecay`.
    func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: HLCVTrainingOptions, random: inout NumPyRandomState
    ) throws -> HLCVTrainingResult

    /// Question 3: the predicted class of every row of `X`, the index of its largest score.
    func predict(_ X: Matrix, _ parameters: TwoLayerParameters) throws -> [Int]
}

extension HLCVTwoLayerNetLab {
    /// Not implemented yet: throws ``NotImplemented``.
    public func scores(_ X: Matrix, _ parameters: TwoLayerParameters) throws -> Matrix {
        throw NotImplemented("HLCVTwoLayerNetLab.scores")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func loss(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) throws -> Double {
        throw NotImplemented("HLCVTwoLayerNetLab.loss")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func gradients(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) throws
        -> TwoLayerParameters
    {
        throw NotImplemented("HLCVTwoLayerNetLab.gradients")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: HLCVTrainingOptions, random: inout NumPyRandomState
    ) throws -> HLCVTrainingResult {
        throw NotImplemented("HLCVTwoLayerNetLab.train")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func predict(_ X: Matrix, _ parameters: TwoLayerParameters) throws -> [Int] {
        throw NotImplemented("HLCVTwoLayerNetLab.predict")
    }
}
