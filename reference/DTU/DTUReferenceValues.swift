// The identities DTU Exercise 1 derives, checked at the seeded random points of DTUProblem.
import LabKit

extension ReferenceValues {
    /// DTU 02456 Exercise 1 (pen and paper). The lab publishes no numbers, so each row is one of
    /// its derived identities evaluated at a fixed seeded point (``DTUProblem``), with an error
    /// measure that must stay below a bound: round-off (1e-12) for algebraic identities, 1e-7 for
    /// comparisons with central differences (`h = 1e-5`, truncation error about 1e-10 relative).
    static var dtu: [ReferenceValue] {
        forwardRows + lossRows + backpropagationRows
    }

    private static func row(
        _ name: String, below bound: Double, _ howComputed: String, _ compute: @escaping @Sendable () -> Double
    ) -> ReferenceValue {
        ReferenceValue(
            .dtu, name, expected: bound, tolerance: .below(bound), howComputed: howComputed, compute: compute)
    }

    private static var forwardRows: [ReferenceValue] {
        let lab = DTUExercise1()
        return [
            row(
                "a) y with one hidden layer equals the explicit sums and the recursion (Figure 5.3 net)", below: 1e-12,
                "outputWithOneHiddenLayer and forward vs loops over Σ_i w_ji z_i, DTUProblem.figure5_3 (seed 0)"
            ) {
                DTUReferenceChecks.forwardError(.figure5_3) { p in
                    let (w, h) = (p.network.weights, p.network.activations)
                    return lab.outputWithOneHiddenLayer(p.inputs, w1: w[0], w2: w[1], h1: h[0], h2: h[1])
                }
            },
            row(
                "b) y with two hidden layers equals the explicit sums and the recursion", below: 1e-12,
                "outputWithTwoHiddenLayers and forward vs loops over Σ_i w_ji z_i, DTUProblem.regression (seed 1)"
            ) {
                DTUReferenceChecks.forwardError(.regression) { p in
                    let (w, h) = (p.network.weights, p.network.activations)
                    return lab.outputWithTwoHiddenLayers(
                        p.inputs, w1: w[0], w2: w[1], w3: w[2], h1: h[0], h2: h[1], h3: h[2])
                }
            },
            row(
                "c) the recursion Eq. 4-7 equals the explicit sums for L = 4 (softmax output)", below: 1e-12,
                "forward vs loops over Σ_i w_ji z_i, DTUProblem.classification (seed 2)"
            ) { DTUReferenceChecks.forwardError(.classification) },
            row(
                "d) without non-linearities the L = 3 net is the linear model x̃ w̃ᵀ", below: 1e-12,
                "forward with every h_l = identity vs explicit sums with collapsedLinearWeights, "
                    + "weights of DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.collapsedLinearError(.regression) },
        ]
    }

    private static var lossRows: [ReferenceValue] {
        [
            row(
                "e) NLL = ND/2 log 2πσ² + E/(2σ²) equals −log Π_n N(t_n | y(x_n), σ²I)", below: 1e-12,
                "gaussianNegativeLogLikelihood vs −log of the product of Gaussian densities, σ² = 0.5, "
                    + "DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.gaussianLikelihoodError(.regression, variance: 0.5) },
            row(
                "f) σ²_ML = E/(ND) is a stationary point of the NLL", below: 1e-8,
                "|d NLL/d log σ²| / (ND/2) at maximumLikelihoodVariance, central difference with step 1e-5 σ², "
                    + "DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.varianceStationarity(.regression) },
            row(
                "f) σ²_ML = E/(ND) is a minimum of the NLL", below: 0,
                "NLL(σ²_ML) − min(NLL(0.99 σ²_ML), NLL(1.01 σ²_ML)), DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.varianceMinimumGap(.regression) },
            row(
                "f) the NLL's weight gradient is ∇E/(2σ²), so the optimal w does not depend on σ²", below: 1e-12,
                "batchBackpropagate with the Gaussian NLL (σ² = 0.3) times 2σ² vs with the sum of squares, "
                    + "DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.likelihoodGradientProportionality(.regression, variance: 0.3) },
            row(
                "g) cross-entropy equals −log Π_n Π_k y_k(x_n)^t_nk", below: 1e-12,
                "crossEntropy vs −log of the product likelihood, DTUProblem.classification (seed 2)"
            ) { DTUReferenceChecks.crossEntropyLikelihoodError(.classification) },
            row(
                "h) the mean minibatch gradient is B/N times the full gradient", below: 1e-12,
                "mean of batchBackpropagate over all 20 subsets of 3 of the 6 samples vs "
                    + "minibatchGradientScale · full gradient, sum of squares, DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.minibatchAverageError(.regression, batchSize: 3, loss: .sumOfSquares) },
        ]
    }

    private static var backpropagationRows: [ReferenceValue] {
        [
            row(
                "i) cross-entropy in the logits is −Σ t_k a_k + log Σ exp a_k", below: 1e-12,
                "crossEntropy(softmax(a⁽ᴸ⁾)) vs the logit form, DTUProblem.classification (seed 2)"
            ) { DTUReferenceChecks.crossEntropyLogitFormError(.classification) },
            row(
                "i) δ⁽ᴸ⁾ = y − t is the gradient of the cross-entropy in a⁽ᴸ⁾", below: 1e-7,
                "classificationOutputDelta vs central differences (h = 1e-5), max relative error, "
                    + "DTUProblem.classification (seed 2)"
            ) { DTUReferenceChecks.outputDeltaError(.classification, .crossEntropy) },
            row(
                "k) δ⁽ᴸ⁾ = 2(y − t) is the gradient of the sum of squares in a⁽ᴸ⁾ (linear output)", below: 1e-7,
                "regressionOutputDelta vs central differences (h = 1e-5), DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.outputDeltaError(.regression, .sumOfSquares) },
            row(
                "k) δ⁽ᴸ⁾ = (y − t)/σ² is the gradient of the Gaussian NLL in a⁽ᴸ⁾ (linear output)", below: 1e-7,
                "batchBackpropagate's δ⁽ᴸ⁾ vs central differences (h = 1e-5), σ² = 0.5, "
                    + "DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.outputDeltaError(.regression, .gaussianNegativeLogLikelihood(variance: 0.5)) },
            row(
                "j) backpropagation reproduces the weight gradients of an L = 4 classifier", below: 1e-7,
                "backpropagate (Eq. 8-9) vs central differences (h = 1e-5) of the cross-entropy, every layer, "
                    + "first sample of DTUProblem.classification (seed 2)"
            ) {
                DTUReferenceChecks.weightGradientError(DTUReferenceChecks.firstSample(.classification), .crossEntropy)
            },
            row(
                "j) backpropagation reproduces the weight gradients of an L = 3 regression net", below: 1e-7,
                "backpropagate (Eq. 8-9) vs central differences (h = 1e-5) of the sum of squares, every layer, "
                    + "first sample of DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.weightGradientError(DTUReferenceChecks.firstSample(.regression), .sumOfSquares) },
            row(
                "j) δ⁽ˡ⁾ = ∂E/∂a⁽ˡ⁾ for every hidden layer l < L", below: 1e-7,
                "backpropagate's δ⁽ˡ⁾ vs central differences of the cross-entropy in a⁽ˡ⁾ (h = 1e-5), "
                    + "first sample of DTUProblem.classification (seed 2)"
            ) { DTUReferenceChecks.hiddenDeltaError(DTUReferenceChecks.firstSample(.classification), .crossEntropy) },
            row(
                "l) the batch gradient is the sum of the per-sample gradients", below: 1e-12,
                "batchBackpropagate vs Σ_n backpropagate(x_n), cross-entropy, DTUProblem.classification (seed 2)"
            ) { DTUReferenceChecks.batchSumError(.classification, .crossEntropy) },
            row(
                "l) batch backpropagation reproduces the gradients of E = Σ_n E_n", below: 1e-7,
                "batchBackpropagate vs central differences (h = 1e-5) of the summed sum of squares, every layer, "
                    + "all 6 samples of DTUProblem.regression (seed 1)"
            ) { DTUReferenceChecks.weightGradientError(.regression, .sumOfSquares) },
        ]
    }
}
