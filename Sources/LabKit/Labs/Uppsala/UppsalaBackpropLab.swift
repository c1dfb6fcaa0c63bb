// UppsalaBackpropLab: the exercises of Uppsala 1RT720 Lab 1 (linear regression and backpropagation).

/// Uppsala 1RT720 Deep Learning, Lab 1: linear regression by gradient descent, and
/// backpropagation in the UDL toy model and in a fully connected ReLU network.
///
/// **Layout.** Each requirement states which axis indexes the samples, following the lab:
/// the linear regression of Section 2.1 and Task 3.1 (`Auto_linear_regression.ipynb`) and Task 3.5
/// put the samples in **rows**; Questions 2.5–2.6 and Tasks 3.3, 3.4 and 3.6
/// (`backpropagation.ipynb`) put them in **columns**. Network parameters have the same shapes in
/// both layouts (``UppsalaNetworkParameters``).
///
/// Costs are divided by the number of samples `I` (the lab's footnote 1 and Note 4).
///
/// Every requirement has a default that throws ``NotImplemented``; implement them in your type.
public protocol UppsalaBackpropLab: Sendable {
    /// Makes the solution; it holds no state.
    init()

    // MARK: Section 2.1 and Task 3.1: linear regression, samples as rows

    /// Task 3.1 `forward_pass` (Eq. 1c, vectorised): `f = X·ω + β`, with `β` added to every row.
    ///
    /// `X` is `(I, D_i)`, one sample per row; returns `(I, 1)`.
    func linearRegressionOutput(_ X: Matrix, _ parameters: UppsalaLinearParameters) throws -> Matrix

    /// Eq. 1b: the cost `L = (1/I) Σᵢ (fᵢ − yᵢ)² = ‖f − y‖² / I`, with `I = y.rows`.
    ///
    /// `output` and `y` are `(I, 1)` (the notebook's `least_squares_cost`).
    func leastSquaresCost(_ output: Matrix, _ y: Matrix) throws -> Double

    /// Question 2.4, first item (the notebook's `d_cost_d_output`): `∂L/∂f = 2(f − y) / I`, `(I, 1)`.
    func leastSquaresCostGradient(_ output: Matrix, _ y: Matrix) throws -> Matrix

    /// Question 2.3 (the notebook's `backward_pass`): the gradient of the cost ``leastSquaresCost(_:_:)``
    /// with respect to the parameters, from the model's `output = X·ω + β` on `X` `(I, D_i)` and `y` `(I, 1)`:
    /// `∂L/∂ω = (∂f/∂ω) ∂L/∂f = Xᵀ ∂L/∂f` `(D_i, 1)` and `∂L/∂β = (∂f/∂β) ∂L/∂f = 1ᵀ ∂L/∂f` `(1, 1)`.
    func linearRegressionGradients(_ X: Matrix, output: Matrix, _ y: Matrix) throws -> UppsalaLinearParameters

    /// Task 3.1 `train_model` with `update_parameters`: gradient descent from `initial`.
    ///
    /// Each of the `iterations` steps computes the output, its gradients, and the update
    /// `ω ← ω − α ∂L/∂ω`, `β ← β − α ∂L/∂β`, and appends the cost of the output computed **before**
    /// the update to `trainCosts`. The notebook starts from
    /// ``UppsalaAutoRegression/initialParameters(inputDimension:)`` (zeros).
    func trainLinearRegression(
        _ X: Matrix, _ y: Matrix, from initial: UppsalaLinearParameters, iterations: Int, learningRate alpha: Double
    ) throws -> UppsalaLinearRegressionTraining

    // MARK: Sections 2.2–2.3: samples as columns

    /// Question 2.5: for a linear layer `f = Ωh + β` and a loss `ℓ[f]`, `∂ℓ/∂Ω = (∂ℓ/∂f) hᵀ`.
    ///
    /// `dLdf` is `(D_o, 1)` and `h` is `(D_i, 1)`; returns `(D_o, D_i)`, whose entry `(k, j)` is
    /// `∂ℓ/∂Ω_kj`. With several columns (one per sample, as in Task 3.4) the same product sums the
    /// samples' contributions.
    func linearLayerWeightGradient(_ dLdf: Matrix, _ h: Matrix) throws -> Matrix

    /// Question 2.6: the derivative of the softmax cross-entropy loss of Eq. 9 with respect to the
    /// model output, `∂ℓᵢ/∂f_ik = softmax_k(fᵢ) − ỹ_ik`.
    ///
    /// `f` and the one-hot `yOneHot` are `(D_o, I)`, one data point per column; each column is
    /// handled on its own and **not** divided by `I` (this is `∂ℓᵢ`, not `∂L`).
    func softmaxCrossEntropyLossGradient(_ f: Matrix, _ yOneHot: Matrix) throws -> Matrix

    // MARK: Task 3.2: backpropagation in the toy model

    /// Task 3.2, Step 1 (forward pass): `f0 = β0 + ω0·x`, `h1 = sin f0`, `f1 = β1 + ω1·h1`,
    /// `h2 = exp f1`, `f2 = β2 + ω2·h2`, `h3 = cos f2`, `f3 = β3 + ω3·h3`, `ℓ = (f3 − y)²`.
    func toyForwardPass(x: Double, y: Double, _ parameters: UppsalaToyParameters) throws -> UppsalaToyForwardPass

    /// Task 3.2, Step 2 (backward pass): `∂ℓ/∂f3, ∂ℓ/∂h3, ∂ℓ/∂f2, …, ∂ℓ/∂f0` by the chain rule, in
    /// reverse order, from the stored forward values, the target `y` and the parameters.
    func toyBackwardPass(_ forward: UppsalaToyForwardPass, y: Double, _ parameters: UppsalaToyParameters) throws
        -> UppsalaToyBackwardPass

    /// Task 3.2, Step 3: the eight derivatives `∂ℓ/∂β_k = ∂ℓ/∂f_k` and `∂ℓ/∂ω_k = h_k · ∂ℓ/∂f_k`
    /// (with `h_0 = x`), returned in a ``UppsalaToyParameters`` (its `beta0` is `∂ℓ/∂β0`, and so on).
    func toyParameterGradients(_ forward: UppsalaToyForwardPass, _ backward: UppsalaToyBackwardPass, x: Double)
        throws -> UppsalaToyParameters

    // MARK: Tasks 3.3–3.4: a K-layer ReLU network, samples as columns

    /// Tasks 3.3–3.4 `forward_pass` (UDL Eq. 7.16): for `k = 0 … K−1`, `f_k = β_k + Ω_k h_k` and
    /// `h_{k+1} = ReLU(f_k)`; then the output `f_K = β_K + Ω_K h_K`, with `h_0 = input`.
    ///
    /// `input` is `(D_i, I)`, one sample per column (`I = 1` in Task 3.3); every stored `f_k` and
    /// `h_k` has `I` columns. `K` is `parameters.hiddenLayers`; any `K ≥ 0` must work.
    func forwardPass(_ input: Matrix, _ parameters: UppsalaNetworkParameters) throws -> UppsalaNetworkForwardPass

    /// Tasks 3.3–3.4 `backward_pass` (UDL Eqs. 7.21–7.24): from `∂L/∂f_K` (`outputGradient`,
    /// `(D_o, I)`), for `k = K … 0`: `∂L/∂β_k = ∂L/∂f_k` summed over the columns,
    /// `∂L/∂Ω_k = (∂L/∂f_k) h_kᵀ` (Question 2.5), and for `k > 0`
    /// `∂L/∂f_{k−1} = 𝟙[f_{k−1} > 0] ⊙ Ω_kᵀ ∂L/∂f_k` (the indicator is 0 at exactly 0).
    ///
    /// `forward` is this input's ``forwardPass(_:_:)``. With the least-squares cost,
    /// `outputGradient` is ``UppsalaNetworkCost/leastSquaresDerivative(_:_:)`` (already divided by `I`).
    /// Returns the gradients in the parameters' shapes.
    func backwardPass(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) throws -> UppsalaNetworkParameters

    // MARK: Task 3.5: the same network, samples as rows

    /// Task 3.5: ``forwardPass(_:_:)`` with the samples as **rows**: `input` is `(I, D_i)`,
    /// `f_k = h_k Ω_kᵀ + β_kᵀ` and every stored `f_k`, `h_k` is `(I, D_k)`. The parameters keep
    /// their shapes.
    func forwardPassRows(_ input: Matrix, _ parameters: UppsalaNetworkParameters) throws -> UppsalaNetworkForwardPass

    /// Task 3.5: ``backwardPass(_:_:outputGradient:)`` with the samples as **rows**: `outputGradient`
    /// is `(I, D_o)`, `∂L/∂β_k` sums `∂L/∂f_k` over the rows (as a column), `∂L/∂Ω_k = (∂L/∂f_k)ᵀ h_k`,
    /// `∂L/∂f_{k−1} = 𝟙[f_{k−1} > 0] ⊙ (∂L/∂f_k) Ω_k`. Returns the gradients in the parameters' shapes.
    func backwardPassRows(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) throws -> UppsalaNetworkParameters

    // MARK: Task 3.6: softmax output and cross-entropy cost, samples as columns

    /// Task 3.6 `softmax` (Eq. 6), column by column: `softmax_k[f] = exp f_k / Σ_k' exp f_k'`.
    ///
    /// `f` is `(D_o, I)`; every column of the result sums to 1. Large entries must not overflow.
    func softmax(_ f: Matrix) throws -> Matrix

    /// Task 3.6 `compute_cost` (Eq. 9, averaged, Note 4):
    /// `L = (1/I) Σᵢ [log Σ_k exp f_ik − Σ_k ỹ_ik f_ik]`, with `I = y.cols`.
    ///
    /// `output` and the one-hot `y` are `(D_o, I)`. Compute it without forming `log(softmax)`, so
    /// that very negative outputs do not give `log 0`.
    func crossEntropyCost(_ output: Matrix, _ y: Matrix) throws -> Double

    /// Task 3.6 `d_cost_d_output`: the derivative of ``crossEntropyCost(_:_:)``,
    /// `∂L/∂f = (softmax(f) − ỹ) / I` (Question 2.6, divided by `I`), `(D_o, I)`.
    func crossEntropyCostGradient(_ output: Matrix, _ y: Matrix) throws -> Matrix
}

extension UppsalaBackpropLab {
    /// Not implemented yet: throws ``NotImplemented``.
    public func linearRegressionOutput(_ X: Matrix, _ parameters: UppsalaLinearParameters) throws -> Matrix {
        throw NotImplemented("UppsalaBackpropLab.linearRegressionOutput")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func leastSquaresCost(_ output: Matrix, _ y: Matrix) throws -> Double {
        throw NotImplemented("UppsalaBackpropLab.leastSquaresCost")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func leastSquaresCostGradient(_ output: Matrix, _ y: Matrix) throws -> Matrix {
        throw NotImplemented("UppsalaBackpropLab.leastSquaresCostGradient")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func linearRegressionGradients(_ X: Matrix, output: Matrix, _ y: Matrix) throws -> UppsalaLinearParameters {
        throw NotImplemented("UppsalaBackpropLab.linearRegressionGradients")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func trainLinearRegression(
        _ X: Matrix, _ y: Matrix, from initial: UppsalaLinearParameters, iterations: Int, learningRate alpha: Double
    ) throws -> UppsalaLinearRegressionTraining {
        throw NotImplemented("UppsalaBackpropLab.trainLinearRegression")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func linearLayerWeightGradient(_ dLdf: Matrix, _ h: Matrix) throws -> Matrix {
        throw NotImplemented("UppsalaBackpropLab.linearLayerWeightGradient")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func softmaxCrossEntropyLossGradient(_ f: Matrix, _ yOneHot: Matrix) throws -> Matrix {
        throw NotImplemented("UppsalaBackpropLab.softmaxCrossEntropyLossGradient")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func toyForwardPass(x: Double, y: Double, _ parameters: UppsalaToyParameters) throws -> UppsalaToyForwardPass
    {
        throw NotImplemented("UppsalaBackpropLab.toyForwardPass")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func toyBackwardPass(_ forward: UppsalaToyForwardPass, y: Double, _ parameters: UppsalaToyParameters) throws
        -> UppsalaToyBackwardPass
    {
        throw NotImplemented("UppsalaBackpropLab.toyBackwardPass")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func toyParameterGradients(_ forward: UppsalaToyForwardPass, _ backward: UppsalaToyBackwardPass, x: Double)
        throws -> UppsalaToyParameters
    {
        throw NotImplemented("UppsalaBackpropLab.toyParameterGradients")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func forwardPass(_ input: Matrix, _ parameters: UppsalaNetworkParameters) throws -> UppsalaNetworkForwardPass
    {
        throw NotImplemented("UppsalaBackpropLab.forwardPass")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func backwardPass(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) throws -> UppsalaNetworkParameters {
        throw NotImplemented("UppsalaBackpropLab.backwardPass")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func forwardPassRows(_ input: Matrix, _ parameters: UppsalaNetworkParameters) throws
        -> UppsalaNetworkForwardPass
    {
        throw NotImplemented("UppsalaBackpropLab.forwardPassRows")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func backwardPassRows(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) throws -> UppsalaNetworkParameters {
        throw NotImplemented("UppsalaBackpropLab.backwardPassRows")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func softmax(_ f: Matrix) throws -> Matrix {
        throw NotImplemented("UppsalaBackpropLab.softmax")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func crossEntropyCost(_ output: Matrix, _ y: Matrix) throws -> Double {
        throw NotImplemented("UppsalaBackpropLab.crossEntropyCost")
    }

    /// Not implemented yet: throws ``NotImplemented``.
    public func crossEntropyCostGradient(_ output: Matrix, _ y: Matrix) throws -> Matrix {
        throw NotImplemented("UppsalaBackpropLab.crossEntropyCostGradient")
    }
}
