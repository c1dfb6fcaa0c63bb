// VUMLPLab: the exercises of VU Amsterdam Deep Learning Assignment 1 (an MLP from scratch).

/// VU Amsterdam Deep Learning, Assignment 1, Questions 1–7: softmax and cross-entropy
/// derivatives, one scalar forward and backward pass, a training loop on synthetic data, and a
/// vectorised, then batched, MLP with a sigmoid hidden layer and a softmax output.
///
/// **Layout.** Samples are **rows**: an instance is a `(1, n_input)` row, a batch is
/// `(B, n_input)`. The assignment names the parameters `W, b` (input → hidden) and `V, c`
/// (hidden → output); they travel as ``TwoLayerParameters`` under the report's names
/// `W1 = W (n_input, n_hidden)`, `b1 = b (1, n_hidden)`, `W2 = V (n_hidden, n_out)`,
/// `b2 = c (1, n_out)`, with `W1[i, j]` the weight from input `i` to hidden unit `j`. The
/// network is `k = x·W + b`, `h = σ(k)`, `o = h·V + c`, `y = softmax(o)`, loss `l = −log y_c`
/// for the target class `c` (an integer). Every requirement works for any sizes; the lab's own
/// instances are ``VUFixedNetwork``, ``VUData`` and ``VUInitialisation``.
///
/// Every requirement has a default that throws ``NotImplemented``; implement them in your type.
public protocol VUMLPLab: Sendable {
    /// Makes the solution; it holds no state.
    init()

    /// Question 1 (softmax): the local derivative of `y = softmax(o)`,
    /// `∂y_i/∂o_j = y_i(1 − y_i)` if `i = j`, `−y_i y_j` otherwise.
    ///
    /// `o` holds the `n` output pre-activations. Returns the `(n, n)` Jacobian whose entry
    /// `[i, j]` is `∂y_i/∂o_j`.
    func softmaxJacobian(_ o: [Double]) throws -> Matrix

    /// Question 1 (cross-entropy): the local derivative of `l = −log y_c` with respect to the
    /// probabilities `y`, for the target class `c` given as an integer:
    /// `∂l/∂y_i = −1/y_c` if `i = c`, `0` otherwise.
    func crossEntropyDerivative(_ y: [Double], target: Int) throws -> [Double]

    /// Question 2: the derivative of the loss with respect to the output pre-activations,
    /// `∂l/∂o_i = y_i − t_i`, where `y = softmax(o)` and `t` is the one-hot vector of `target`.
    func outputGradient(_ o: [Double], target: Int) throws -> [Double]

    /// Question 3: one forward pass up to the loss, and one backward pass, of the network on a
    /// single input, written in scalar terms (loops over units, as with plain Python and `math`).
    ///
    /// `x` has `n_input` entries; the parameters may have any sizes. The hidden layer sums over
    /// **all** `n_hidden` units when computing `o_j = Σ_i h_i V[i, j] + c_j`. Returns every
    /// intermediate value as a `(1, n)` row, the loss `−log y_target` and the gradients
    /// `dW, db, dV, dc` (as `W1, b1, W2, b2`). On ``VUFixedNetwork`` the loss is `ln 2`, `dW`
    /// and `db` are 0, `dV` has rows `[−0.4404, 0.4404]` and `dc = [−0.5, 0.5]`.
    func scalarForwardBackward(x: [Double], target: Int, _ parameters: TwoLayerParameters) throws -> VUPass

    /// Question 4: stochastic gradient descent with the scalar network of Question 3, one
    /// instance at a time, in the order of the rows of `X` (no shuffling), for `epochs` passes.
    ///
    /// `X` is `(N, n_input)`, `labels` holds `N` integer classes. Each step records the
    /// instance's loss **before** its update in `lossHistory` (`N × epochs` entries), then moves
    /// every parameter by `−learningRate ×` its gradient. `epochLosses` holds each epoch's mean
    /// loss. There is no validation set (those fields stay empty).
    func trainScalar(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double, epochs: Int
    ) throws -> VUTrainingResult

    /// Question 5: the forward and backward pass of Question 3, vectorised: for one instance
    /// `x` of shape `(1, n_input)`, compute `k = x·W + b`, `h = σ(k)`, `o = h·V + c`,
    /// `y = softmax(o)`, the loss `−log y_target` and its gradients with matrix operations.
    ///
    /// For the MNIST network `n_input = 784`, `n_hidden = 300`, `n_out = 10`.
    func forwardBackward(_ x: Matrix, target: Int, _ parameters: TwoLayerParameters) throws -> VUPass

    /// Question 5: one epoch of stochastic gradient descent with the vectorised network.
    ///
    /// Visit the rows of `X` in the order `random.permutation(N)` (the data are shuffled before
    /// training); for each instance record its loss before the update in `lossHistory`, then
    /// move every parameter by `−learningRate ×` its gradient. `epochLosses` holds the epoch's
    /// mean loss.
    func sgdEpoch(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double,
        random: inout NumPyRandomState
    ) throws -> VUTrainingResult

    /// Question 6: the batched forward and backward pass. `X` is `(B, n_input)`, one sample per
    /// row, with `labels` holding `B` integer classes; every step is one matrix operation on the
    /// whole batch.
    ///
    /// The softmax is taken **per row** (each sample's `y` sums to 1). The batch loss is the
    /// **mean** of the samples' losses, `(1/B) Σ_n −log y[n, c_n]`, and the gradients are those
    /// of that mean, so an update uses the average gradient of the batch, as the lab's update does.
    func batchForwardBackward(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters) throws -> VUPass

    /// Question 7: minibatch training with the batched pass of Question 6, for learning curves.
    ///
    /// Each epoch visits the rows of `X` in the order `random.permutation(N)`, a fresh shuffle
    /// every epoch, cut into consecutive batches of `options.batchSize` (the last may be
    /// smaller). For each batch, record the batch loss before the update in `lossHistory` (the
    /// learning curve), then move every parameter by `−options.learningRate ×` its gradient.
    /// After each epoch append the mean of that epoch's batch losses to `epochLosses`, and the
    /// mean loss and the accuracy (argmax of `y`) on `Xval` to `validationLosses` and
    /// `validationAccuracies` (unless `Xval` has no rows).
    func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: VUTrainingOptions, random: inout NumPyRandomState
    ) throws -> VUTrainingResult
}

extension VUMLPLab {
    /// Not implemented yet: throws ``NotImplemented``.
    public func softmaxJacobian(_ o: [Double]) throws -> Matrix {
        throw NotImplemented("VUMLPLab.softmaxJacobian")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func crossEntropyDerivative(_ y: [Double], target: Int) throws -> [Double] {
        throw NotImplemented("VUMLPLab.crossEntropyDerivative")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func outputGradient(_ o: [Double], target: Int) throws -> [Double] {
        throw NotImplemented("VUMLPLab.outputGradient")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func scalarForwardBackward(x: [Double], target: Int, _ parameters: TwoLayerParameters) throws -> VUPass {
        throw NotImplemented("VUMLPLab.scalarForwardBackward")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func trainScalar(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double, epochs: Int
    ) throws -> VUTrainingResult {
        throw NotImplemented("VUMLPLab.trainScalar")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func forwardBackward(_ x: Matrix, target: Int, _ parameters: TwoLayerParameters) throws -> VUPass {
        throw NotImplemented("VUMLPLab.forwardBackward")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func sgdEpoch(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double,
        random: inout NumPyRandomState
    ) throws -> VUTrainingResult {
        throw NotImplemented("VUMLPLab.sgdEpoch")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func batchForwardBackward(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters) throws -> VUPass {
        throw NotImplemented("VUMLPLab.batchForwardBackward")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: VUTrainingOptions, random: inout NumPyRandomState
    ) throws -> VUTrainingResult {
        throw NotImplemented("VUMLPLab.train")
    }
}
