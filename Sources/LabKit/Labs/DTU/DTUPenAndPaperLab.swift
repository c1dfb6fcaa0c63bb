// DTUPenAndPaperLab: the exercises of DTU 02456 Exercise 1 (feed-forward networks, pen and paper).

/// DTU 02456 Deep Learning, Exercise 1 (pen and paper), Exercises a–l: the feed-forward network of
/// Bishop's Figure 5.1, its losses by maximum likelihood, and error backpropagation.
///
/// Each derivation you make on paper becomes a function here, which the grader evaluates at random
/// networks, inputs and targets (see ``DTUProblem``).
///
/// **Layout.** Samples are the **rows**, as the lab's indices `t_nk` and `y_k(x_n)` suggest: an
/// input `x` is `(1, D)`, a batch `X` is `(N, D)` with row `n` equal to `x_n`, targets are `(N, K)`.
/// Weights follow the lab's `w_ji⁽ˡ⁾` with the bias as the weight of the constant input
/// `x_0 = 1` (Eq. 3): `w⁽ˡ⁾` is `(M_l, M_{l−1} + 1)`, entry `[j − 1, i]` is `w_ji⁽ˡ⁾`, and the
/// biases `w_j0⁽ˡ⁾` are column 0, so
/// `a_j⁽¹⁾ = w_j0⁽¹⁾ + Σ_{i=1}^{D} w_ji⁽¹⁾ x_i`. Inputs never include the constant 1; prepend it yourself.
/// The activations `h_l` are ``DTUActivation`` values, with `apply` and `derivative` given.
///
/// Every requirement has a default that throws ``NotImplemented``; implement them in your type.
public protocol DTUPenAndPaperLab: Sendable {
    /// Makes the solution; it holds no state.
    init()

    /// Exercise a): the output `y` of a network with one hidden layer, written without `a` and `z`:
    /// `y_j = h_2( w_j0⁽²⁾ + Σ_{i=1}^{M} w_ji⁽²⁾ h_1( Σ_{k=0}^{D} w_ik⁽¹⁾ x_k ) )` with `x_0 = 1`.
    ///
    /// `x` is `(N, D)`, one sample per row (usually `N = 1`); `w1` is `(M, D + 1)` and `w2` is
    /// `(K, M + 1)`. Returns `y`, `(N, K)`.
    func outputWithOneHiddenLayer(_ x: Matrix, w1: Matrix, w2: Matrix, h1: DTUActivation, h2: DTUActivation)
        throws -> Matrix

    /// Exercise b): the output `y` of a network with two hidden layers and three layers of weights,
    /// `y_j = h_3( w_j0⁽³⁾ + Σ_{k≥1} w_jk⁽³⁾ h_2( w_k0⁽²⁾ + Σ_{i≥1} w_ki⁽²⁾ h_1( Σ_{m=0}^{D} w_im⁽¹⁾ x_m ) ) )`
    /// with `x_0 = 1`.
    ///
    /// `x` is `(N, D)`; `w1` is `(M_1, D + 1)`, `w2` is `(M_2, M_1 + 1)`, `w3` is `(K, M_2 + 1)`.
    /// Returns `y`, `(N, K)`.
    func outputWithTwoHiddenLayers(
        _ x: Matrix, w1: Matrix, w2: Matrix, w3: Matrix, h1: DTUActivation, h2: DTUActivation, h3: DTUActivation
    ) throws -> Matrix

    /// Exercise c): the forward recursion of an `L`-layer network, Eq. 4–7:
    /// `a_j⁽¹⁾ = Σ_i w_ji⁽¹⁾ x_i`, `a_j⁽ˡ⁾ = Σ_i w_ji⁽ˡ⁾ z_i⁽ˡ⁻¹⁾` for `l ≥ 2`, `z_j⁽ˡ⁾ = h_l(a_j⁽ˡ⁾)`,
    /// `y_j = z_j⁽ᴸ⁾` (sums from 0, with `x_0 = z_0⁽ˡ⁾ = 1`).
    ///
    /// `x` is `(N, D)`, one sample per row. Returns every `a⁽ˡ⁾` and `z⁽ˡ⁾`, each `(N, M_l)`,
    /// because backpropagation reuses them.
    func forward(_ x: Matrix, through network: DTUNetwork) throws -> DTUForwardPass

    /// Exercise d) (optional): without the non-linearities the network collapses to one linear model.
    ///
    /// Returns the single weight matrix `w̃`, `(K, D + 1)` with the bias in column 0, such that a
    /// network with these `weights` and every `h_l(a) = a` computes `y_j = Σ_{i=0}^{D} w̃_ji x_i`.
    /// `weights` are `w⁽¹⁾ … w⁽ᴸ⁾` in the layout of ``DTUNetwork``.
    func collapsedLinearWeights(_ weights: [Matrix]) throws -> Matrix

    /// Exercise e): the Gaussian negative log-likelihood
    /// `−log Π_n 𝒩(t_n | y(x_n), σ²I) = ND/2 · log 2πσ² + E(w)/(2σ²)`,
    /// with `E(w) = Σ_n ‖y(x_n) − t_n‖²` (``DTULoss/sumOfSquaresError(outputs:targets:)``).
    ///
    /// `outputs` are the network outputs `y(x_n)` and `targets` the `t_n`, both `(N, D)`: here `D`
    /// is the size of a target, as in the lab's hint. `variance` is `σ²`.
    func gaussianNegativeLogLikelihood(outputs: Matrix, targets: Matrix, variance: Double) throws -> Double

    /// Exercise f) (optional): the maximum-likelihood noise variance `σ²_ML = E(w)/(ND)`, the `σ²`
    /// that minimises ``gaussianNegativeLogLikelihood(outputs:targets:variance:)`` for fixed outputs.
    ///
    /// `outputs` and `targets` are `(N, D)`.
    func maximumLikelihoodVariance(outputs: Matrix, targets: Matrix) throws -> Double

    /// Exercise g): the cross-entropy loss `E(w) = −Σ_n Σ_k t_nk log y_k(x_n)`.
    ///
    /// `outputs` are the softmax probabilities `y_k(x_n)` and `targets` the one-hot `t_nk`, both `(N, K)`.
    func crossEntropy(outputs: Matrix, targets: Matrix) throws -> Double

    /// Exercise h) (optional): the factor `c` in `𝔼_S[∇E_S(w)] = c · ∇E(w)`, where `E_S = Σ_{n∈S} E_n`
    /// is the loss of a subset `S` of `batchSize` samples drawn uniformly from the `datasetSize`
    /// samples of the training set, and `E = Σ_n E_n` is the loss of the whole set.
    func minibatchGradientScale(datasetSize: Int, batchSize: Int) throws -> Double

    /// Exercise i): `δ⁽ᴸ⁾ = ∂E/∂a⁽ᴸ⁾` for classification, with the softmax output and the
    /// cross-entropy of one sample, `E = −Σ_k t_k a_k⁽ᴸ⁾ + log Σ_k exp(a_k⁽ᴸ⁾)`.
    ///
    /// `logits` are the `a⁽ᴸ⁾` and `targets` the one-hot `t`, both `(N, K)`, one sample per row.
    /// Returns `δ⁽ᴸ⁾`, `(N, K)`, row `n` for sample `n`.
    func classificationOutputDelta(logits: Matrix, targets: Matrix) throws -> Matrix

    /// Exercise j): backpropagation through an `L`-layer network for one training example:
    /// `δ⁽ᴸ⁾` from the loss (Exercises i and k, see ``DTULoss``), then for `l < L`
    /// `δ_j⁽ˡ⁾ = Σ_k δ_k⁽ˡ⁺¹⁾ w_kj⁽ˡ⁺¹⁾ h_l'(a_j⁽ˡ⁾)` (Eq. 9) and `∂E/∂w_ji⁽ˡ⁾ = δ_j⁽ˡ⁾ z_i⁽ˡ⁻¹⁾` (Eq. 8),
    /// with `z⁽⁰⁾ = x` and `z_0⁽ˡ⁾ = 1`, so the bias gradient is `δ_j⁽ˡ⁾`.
    ///
    /// `x` is `(1, D)` and `target` is `(1, K)`. Returns every `δ⁽ˡ⁾`, `(1, M_l)`, and every
    /// `∂E/∂w⁽ˡ⁾`, shaped like `w⁽ˡ⁾`.
    func backpropagate(_ x: Matrix, target: Matrix, through network: DTUNetwork, loss: DTULoss) throws
        -> DTUBackwardPass

    /// Exercise k) (optional): `δ⁽ᴸ⁾ = ∂E/∂a⁽ᴸ⁾` for regression with the text's sum of squares
    /// `E = ‖y − t‖²` (no ½) and output `y = h_L(a⁽ᴸ⁾)`: `δ_j⁽ᴸ⁾ = 2(y_j − t_j) h_L'(a_j⁽ᴸ⁾)`.
    ///
    /// `preActivations` are the `a⁽ᴸ⁾` and `targets` the `t`, both `(N, K)`, one sample per row;
    /// `outputActivation` is the elementwise `h_L`. Returns `δ⁽ᴸ⁾`, `(N, K)`.
    ///
    /// The text says a linear output gives "the same result as in i)", `y − t`. That holds for
    /// Bishop's `½‖y − t‖²` (or the Gaussian NLL with `σ² = 1`); the text's `E` has no ½, so here it is `2(y − t)`.
    func regressionOutputDelta(preActivations: Matrix, targets: Matrix, outputActivation: DTUActivation) throws
        -> Matrix

    /// Exercise l): backpropagation for a data set of `N` examples, `E = Σ_n E_n`:
    /// `δ_nj⁽ˡ⁾ = Σ_k δ_nk⁽ˡ⁺¹⁾ w_kj⁽ˡ⁺¹⁾ h_l'(a_nj⁽ˡ⁾)` and `∂E/∂w_ji⁽ˡ⁾ = Σ_n δ_nj⁽ˡ⁾ z_ni⁽ˡ⁻¹⁾`.
    ///
    /// `X` is `(N, D)` and `targets` is `(N, K)`, one sample per row. Returns every `δ⁽ˡ⁾`,
    /// `(N, M_l)` with row `n` for sample `n`, and every `∂E/∂w⁽ˡ⁾` summed over the samples.
    func batchBackpropagate(_ X: Matrix, targets: Matrix, through network: DTUNetwork, loss: DTULoss) throws
        -> DTUBackwardPass
}

extension DTUPenAndPaperLab {
    /// Not implemented yet: throws ``NotImplemented``.
    public func outputWithOneHiddenLayer(
        _ x: Matrix, w1: Matrix, w2: Matrix, h1: DTUActivation, h2: DTUActivation
    ) throws -> Matrix {
        throw NotImplemented("DTUPenAndPaperLab.outputWithOneHiddenLayer")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func outputWithTwoHiddenLayers(
        _ x: Matrix, w1: Matrix, w2: Matrix, w3: Matrix, h1: DTUActivation, h2: DTUActivation, h3: DTUActivation
    ) throws -> Matrix {
        throw NotImplemented("DTUPenAndPaperLab.outputWithTwoHiddenLayers")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func forward(_ x: Matrix, through network: DTUNetwork) throws -> DTUForwardPass {
        throw NotImplemented("DTUPenAndPaperLab.forward")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func collapsedLinearWeights(_ weights: [Matrix]) throws -> Matrix {
        throw NotImplemented("DTUPenAndPaperLab.collapsedLinearWeights")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func gaussianNegativeLogLikelihood(outputs: Matrix, targets: Matrix, variance: Double) throws -> Double {
        throw NotImplemented("DTUPenAndPaperLab.gaussianNegativeLogLikelihood")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func maximumLikelihoodVariance(outputs: Matrix, targets: Matrix) throws -> Double {
        throw NotImplemented("DTUPenAndPaperLab.maximumLikelihoodVariance")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func crossEntropy(outputs: Matrix, targets: Matrix) throws -> Double {
        throw NotImplemented("DTUPenAndPaperLab.crossEntropy")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func minibatchGradientScale(datasetSize: Int, batchSize: Int) throws -> Double {
        throw NotImplemented("DTUPenAndPaperLab.minibatchGradientScale")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func classificationOutputDelta(logits: Matrix, targets: Matrix) throws -> Matrix {
        throw NotImplemented("DTUPenAndPaperLab.classificationOutputDelta")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func backpropagate(_ x: Matrix, target: Matrix, through network: DTUNetwork, loss: DTULoss) throws
        -> DTUBackwardPass
    {
        throw NotImplemented("DTUPenAndPaperLab.backpropagate")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func regressionOutputDelta(
        preActivations: Matrix, targets: Matrix, outputActivation: DTUActivation
    ) throws -> Matrix {
        throw NotImplemented("DTUPenAndPaperLab.regressionOutputDelta")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func batchBackpropagate(_ X: Matrix, targets: Matrix, through network: DTUNetwork, loss: DTULoss) throws
        -> DTUBackwardPass
    {
        throw NotImplemented("DTUPenAndPaperLab.batchBackpropagate")
    }
}
