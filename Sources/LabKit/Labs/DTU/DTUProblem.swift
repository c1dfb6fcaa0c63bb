// DTUProblem: seeded random networks, inputs and targets at which the lab's derivations are checked.
import Foundation

/// A network with inputs and targets: the points where the lab's derived formulas are evaluated.
///
/// The lab is pen and paper and publishes no numbers, so every derived result is checked at
/// random points drawn from NumPy seeds. Rows are samples: `inputs` is `X`, `(N, D)`, and `targets`
/// is `T`, `(N, K)` with entries `t_nk`.
public struct DTUProblem: Sendable, Hashable, Codable {
    /// The network whose weights the derivatives are taken with respect to.
    public var network: DTUNetwork
    /// `X`, one input `x_n` per row, `(N, D)` (without the constant `x_0 = 1`).
    public var inputs: Matrix
    /// `T`, one target `t_n` per row, `(N, K)`: one-hot for a softmax output, real-valued otherwise.
    public var targets: Matrix

    /// Makes a problem from its parts.
    public init(network: DTUNetwork, inputs: Matrix, targets: Matrix) {
        self.network = network
        self.inputs = inputs
        self.targets = targets
    }

    /// A random problem, drawn from `random` in this order:
    ///
    /// 1. for `l = 1 … L`: `w⁽ˡ⁾ = randn(M_l, M_{l−1} + 1) / sqrt(M_{l−1} + 1)`, the scaling keeping
    ///    the `a⁽ˡ⁾` near unit size so `tanh` and `σ` do not saturate;
    /// 2. `X = randn(N, D)`;
    /// 3. targets: for a softmax output, labels `randint(0, K, N)` one-hot encoded; otherwise
    ///    `T = randn(N, K)`.
    ///
    /// `layerSizes` is `[D, M_1, …, M_{L−1}, K]` and `activations` is `[h_1, …, h_L]`; stops unless
    /// there is one activation per layer.
    public static func random(
        layerSizes: [Int], activations: [DTUActivation], samples: Int, random: inout NumPyRandomState
    ) -> DTUProblem {
        LabKitFailure.require(
            layerSizes.count == activations.count + 1,
            "DTUProblem.random: \(layerSizes.count) layer sizes need \(layerSizes.count - 1) activations, "
                + "got \(activations.count)")
        var weights = [Matrix]()
        for l in 1..<layerSizes.count {
            let fanIn = layerSizes[l - 1] + 1
            weights.append(random.randn(rows: layerSizes[l], cols: fanIn) / Foundation.sqrt(Double(fanIn)))
        }
        let network = DTUNetwork(weights: weights, activations: activations)
        let inputs = random.randn(rows: samples, cols: layerSizes[0])
        let outputs = layerSizes[layerSizes.count - 1]
        let targets: Matrix
        if activations.last == .softmax {
            targets = .oneHot(random.randint(low: 0, high: outputs, count: samples), classes: outputs)
        } else {
            targets = random.randn(rows: samples, cols: outputs)
        }
        return DTUProblem(network: network, inputs: inputs, targets: targets)
    }

    /// The network of the lab's Figure 5.3: one input, three `tanh` hidden units, a linear output;
    /// 10 samples, seed 0.
    public static var figure5_3: DTUProblem {
        var random = NumPyRandomState(seed: 0)
        return .random(layerSizes: [1, 3, 1], activations: [.tanh, .identity], samples: 10, random: &random)
    }

    /// Regression with two hidden layers (`L = 3`): `D = 3`, hidden sizes 5 and 4 (`tanh`, sigmoid),
    /// `K = 2` linear outputs; 6 samples, seed 1.
    public static var regression: DTUProblem {
        var random = NumPyRandomState(seed: 1)
        return .random(
            layerSizes: [3, 5, 4, 2], activations: [.tanh, .logisticSigmoid, .identity], samples: 6, random: &random)
    }

    /// Classification with three hidden layers (`L = 4`): `D = 4`, hidden sizes 6, 5, 5
    /// (`tanh`, sigmoid, `tanh`), `K = 3` softmax outputs; 6 samples, seed 2.
    public static var classification: DTUProblem {
        var random = NumPyRandomState(seed: 2)
        return .random(
            layerSizes: [4, 6, 5, 5, 3], activations: [.tanh, .logisticSigmoid, .tanh, .softmax], samples: 6,
            random: &random)
    }
}
