// DTUInstances: the points where DTU Exercise 1's derivations are checked — the fixed problems of
// LabKit's DTUProblem and random networks, inputs, targets and losses drawn from the check's generator.
import Foundation
import LabKit
import Reference

/// Published and random instances for DTU Exercise 1.
///
/// The lab is pen and paper and publishes no numbers, so its "published" instances are the fixed
/// seeded problems of ``DTUProblem`` (Figure 5.3 net, seed 0; regression, seed 1; classification,
/// seed 2). Random instances vary the depth, every layer size, the activations and the loss, so a
/// formula that only fits one architecture is caught. The lab has no ReLU, so no input is near a kink.
enum DTUInstances {
    /// Hidden-layer activations the random networks use.
    static let hiddenActivations: [DTUActivation] = [.tanh, .logisticSigmoid, .identity]
    /// Elementwise output activations for the regression losses.
    static let regressionOutputs: [DTUActivation] = [.identity, .tanh, .logisticSigmoid]

    /// A random network of `layers` layers with output activation `output`, and `samples` inputs and targets.
    ///
    /// `D ∈ 1…5`, hidden sizes `1…6`, `K ∈ 2…4` for softmax (`1…3` otherwise); weights and data as
    /// ``DTUProblem/random(layerSizes:activations:samples:random:)`` draws them.
    static func problem(layers: Int, output: DTUActivation, samples: Int, random: inout NumPyRandomState) -> DTUProblem {
        var sizes = [random.randint(low: 1, high: 6)]
        var activations = [DTUActivation]()
        for _ in 1..<layers {
            sizes.append(random.randint(low: 1, high: 7))
            activations.append(hiddenActivations[random.randint(high: hiddenActivations.count)])
        }
        sizes.append(output == .softmax ? random.randint(low: 2, high: 5) : random.randint(low: 1, high: 4))
        activations.append(output)
        return .random(layerSizes: sizes, activations: activations, samples: samples, random: &random)
    }

    /// Any of the four activations, as the output of a network.
    static func anyOutput(_ random: inout NumPyRandomState) -> DTUActivation {
        DTUActivation.allCases[random.randint(high: DTUActivation.allCases.count)]
    }

    /// A loss with a matching output activation: cross-entropy with softmax, or a regression loss
    /// (sum of squares or Gaussian NLL with a random `σ²`) with an elementwise output.
    static func loss(_ random: inout NumPyRandomState) -> (loss: DTULoss, output: DTUActivation) {
        switch random.randint(high: 3) {
        case 0: return (.crossEntropy, .softmax)
        case 1: return (.sumOfSquares, regressionOutputs[random.randint(high: regressionOutputs.count)])
        default:
            return (.gaussianNegativeLogLikelihood(variance: variance(&random)),
                    regressionOutputs[random.randint(high: regressionOutputs.count)])
        }
    }

    /// A random network with a random loss, `layers` drawn from `1…4`.
    static func backpropagationProblem(samples: Int, random: inout NumPyRandomState) -> (DTUProblem, DTULoss) {
        let (loss, output) = loss(&random)
        let layers = random.randint(low: 1, high: 5)
        return (problem(layers: layers, output: output, samples: samples, random: &random), loss)
    }

    /// A random network with a random loss and `2…6` samples: a data set for Exercise l.
    static func batchProblem(_ random: inout NumPyRandomState) -> (DTUProblem, DTULoss) {
        backpropagationProblem(samples: random.randint(low: 2, high: 7), random: &random)
    }

    /// `σ²` log-uniform in `[0.1, 3]`.
    static func variance(_ random: inout NumPyRandomState) -> Double {
        exp(log(0.1) + random.randomSample() * (log(3.0) - log(0.1)))
    }

    /// Random regression outputs and targets, `(N, D)` with `N ∈ 1…7`, `D ∈ 1…4`.
    static func regressionData(_ random: inout NumPyRandomState) -> (outputs: Matrix, targets: Matrix) {
        let n = random.randint(low: 1, high: 8), d = random.randint(low: 1, high: 5)
        let outputs = random.randn(rows: n, cols: d)
        return (outputs, outputs + 0.7 * random.randn(rows: n, cols: d))
    }

    /// Random logits, `2·randn(N, K)` with `N ∈ 1…6`, `K ∈ 2…5`, and one-hot targets.
    static func classificationData(_ random: inout NumPyRandomState) -> (logits: Matrix, targets: Matrix) {
        let n = random.randint(low: 1, high: 7), k = random.randint(low: 2, high: 6)
        let logits = 2 * random.randn(rows: n, cols: k)
        return (logits, .oneHot(random.randint(low: 0, high: k, count: n), classes: k))
    }

    /// The problem cut down to sample `n`: the single training example of Exercises i–k.
    static func sample(_ n: Int, of problem: DTUProblem) -> DTUProblem {
        DTUProblem(network: problem.network, inputs: problem.inputs[rows: n..<(n + 1)], targets: problem.targets[rows: n..<(n + 1)])
    }

    /// The output pre-activations `a⁽ᴸ⁾` and outputs `y` of `problem`, by the reference's forward pass.
    static func referenceForward(_ problem: DTUProblem) -> (a: Matrix, y: Matrix) {
        let pass = DTUExercise1().forward(problem.inputs, through: problem.network)
        return (pass.a[pass.a.count - 1], pass.y)
    }
}
