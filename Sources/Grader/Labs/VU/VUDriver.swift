// VUDriver: the instances VU Deep Learning Assignment 1's checks run on — the lab's fixed network
// and load_synth data, and random networks of other sizes.
import Foundation
import LabKit
import Reference

/// Instances for VU Deep Learning Assignment 1.
///
/// Published instances are the lab's own numbers: the 2–3–2 network of Question 3
/// (``VUFixedNetwork``), and `load_synth()` (seed 0) with the report's N(0, 1) weights drawn from
/// the same stream. Randomized instances are networks of other sizes with non-zero biases, always
/// with more hidden units than classes and more inputs than classes. The report's own slips — an
/// output layer summing over the first `n_out` hidden units only, one-hot vectors of size
/// `n_input` — give the right loss and gradients on the 2–3–2 network with two inputs and two
/// classes, and wrong ones on those networks.
struct VUDriver: LabDriver {
    var reference: any OracleResponder { VUResponder(VUAssignment1()) }

    func publishedRequest(for check: Check) throws -> OracleRequest {
        let exercise = check.exercise
        let fixed = VUFixedNetwork.self
        switch Family(exercise) {
        case .outputs:
            let o = Self.fixedPass.o.elements
            return try OracleRequest(exercise, arguments: Self.outputArguments(exercise, o: o, target: fixed.target))
        case .scalarPass:
            return try OracleRequest(exercise, ("x", fixed.x), ("target", fixed.target), ("parameters", fixed.parameters))
        case .vectorPass:
            return try OracleRequest(exercise, ("x", Matrix(row: fixed.x)), ("target", fixed.target), ("parameters", fixed.parameters))
        case .batchPass:
            // The report's minibatch of 8, the first rows of load_synth(), through the fixed network.
            let data = VUData.loadSynth()
            return try OracleRequest(
                exercise, ("X", data.xtrain[rows: 0..<8]), ("labels", Array(data.ytrain[0..<8])), ("parameters", fixed.parameters))
        case .training:
            // The lab's data, weights and generator on its first rows; the scalar loop at the report's learning rate.
            let start = Self.labStart()
            let rows = ["trainScalar": 40, "sgdEpoch": 20][exercise] ?? 24
            let instance = VUInstance(
                parameters: start.initial, X: start.data.xtrain[rows: 0..<rows], labels: Array(start.data.ytrain[0..<rows]),
                validationX: start.data.xval[rows: 0..<8], validationLabels: Array(start.data.yval[0..<8]),
                learningRate: exercise == "trainScalar" ? 0.001 : 0.01, epochs: 2, batchSize: 8, random: start.random)
            return try instance.request(exercise)
        case .unknown:
            throw DriverError.unsupported(check: check.id, reason: "no exercise \(exercise) in the VU lab")
        }
    }

    func randomRequest(for check: Check, random: inout NumPyRandomState) throws -> OracleRequest {
        let exercise = check.exercise
        switch Family(exercise) {
        case .outputs:
            let n = random.randint(low: 2, high: 9)
            let o = 2 * random.randn(rows: 1, cols: n)
            return try OracleRequest(exercise, arguments: Self.outputArguments(exercise, o: o.elements, target: random.randint(high: n)))
        case .scalarPass, .vectorPass:
            let sizes = Self.randomSizes(&random)
            let parameters = Self.randomNetwork(sizes, random: &random)
            let x = random.randn(rows: 1, cols: sizes.inputs)
            let target = random.randint(high: sizes.outputs)
            let xArgument: any Encodable = Family(exercise) == .scalarPass ? x.elements : x
            return try OracleRequest(exercise, ("x", xArgument), ("target", target), ("parameters", parameters))
        case .batchPass:
            let sizes = Self.randomSizes(&random)
            let parameters = Self.randomNetwork(sizes, random: &random)
            let batch = random.randint(low: 2, high: 11)
            let X = random.randn(rows: batch, cols: sizes.inputs)
            return try OracleRequest(
                exercise, ("X", X), ("labels", random.randint(high: sizes.outputs, count: batch)), ("parameters", parameters))
        case .training:
            return try VUInstance.random(&random).request(exercise)
        case .unknown:
            throw DriverError.unsupported(check: check.id, reason: "no exercise \(exercise) in the VU lab")
        }
    }

    /// A random network whose hidden pre-activations sit at ±40 and ±(700…800): every sigmoid
    /// saturates, `1 / (1 + exp(−k))` stays exact, and `exp(k) / (1 + exp(k))` (or a derivative
    /// written with `exp(−k)`) overflows to ∞/∞ = NaN. The outputs stay moderate, so the lab's own
    /// softmax is not what is tested.
    func hostileRequest(for check: Check, index: Int, random: inout NumPyRandomState) throws -> OracleRequest {
        let exercise = check.exercise
        let family = Family(exercise)
        guard family == .scalarPass || family == .vectorPass || family == .batchPass else {
            throw DriverError.unsupported(check: check.id, reason: "no numerically hostile instances for \(exercise)")
        }
        let sizes = Self.randomSizes(&random)
        var parameters = Self.randomNetwork(sizes, random: &random)
        // Pre-activations k = x·W1 + b1 with |x·W1| of a few units: the bias decides where k sits.
        parameters.b1 = Matrix(rows: 1, cols: sizes.hidden) { _, j in
            (j % 2 == index % 2 ? 1.0 : -1.0) * (j % 3 == 2 ? 40 : 700 + 100 * random.randomSample())
        }
        let batch = family == .batchPass ? random.randint(low: 2, high: 11) : 1
        let X = random.randn(rows: batch, cols: sizes.inputs)
        switch family {
        case .batchPass:
            return try OracleRequest(
                exercise, ("X", X), ("labels", random.randint(high: sizes.outputs, count: batch)), ("parameters", parameters))
        default:
            let xArgument: any Encodable = family == .scalarPass ? X.elements : X
            return try OracleRequest(exercise, ("x", xArgument), ("target", random.randint(high: sizes.outputs)), ("parameters", parameters))
        }
    }

    /// Which arguments an exercise takes.
    enum Family {
        /// Questions 1 and 2: a vector of output pre-activations (or probabilities) and a target.
        case outputs
        /// Question 3's pass and its loss and gradients: `x` as numbers.
        case scalarPass
        /// Question 5's pass and its loss and gradients: `x` as a `(1, n)` matrix.
        case vectorPass
        /// Question 6's pass and its loss and gradients.
        case batchPass
        /// Questions 4, 5 and 7: a training loop.
        case training
        /// Not a VU exercise.
        case unknown

        init(_ exercise: String) {
            switch exercise {
            case "softmaxJacobian", "crossEntropyDerivative", "outputGradient": self = .outputs
            case "scalarForwardBackward", "scalarLoss", "scalarGradients": self = .scalarPass
            case "forwardBackward", "forwardLoss", "forwardGradients": self = .vectorPass
            case "batchForwardBackward", "batchLoss", "batchGradients": self = .batchPass
            case "trainScalar", "sgdEpoch", "train": self = .training
            default: self = .unknown
            }
        }
    }

    /// Question 3's pass on the fixed network, computed by the reference: its `o` and `y` are the
    /// lab's numbers for Questions 1 and 2.
    static var fixedPass: VUPass {
        VUAssignment1().scalarForwardBackward(x: VUFixedNetwork.x, target: VUFixedNetwork.target, VUFixedNetwork.parameters)
    }

    /// The report's start of Question 4: `load_synth()`, then a 2–3–2 network drawn from the
    /// generator `load_synth` reseeded; the generator continues from there.
    static func labStart() -> (data: VUData, initial: TwoLayerParameters, random: NumPyRandomState) {
        var random = NumPyRandomState(seed: 0)
        let data = VUData.loadSynth(random: &random)
        let initial = VUInitialisation.standardNormal(inputs: 2, hidden: 3, outputs: 2, random: &random)
        return (data, initial, random)
    }

    /// The arguments of a Question 1 or 2 exercise at output pre-activations `o`.
    private static func outputArguments(_ exercise: String, o: [Double], target: Int) -> [(String, any Encodable)] {
        switch exercise {
        case "softmaxJacobian": return [("o", o)]
        case "crossEntropyDerivative": return [("y", softmax(o)), ("target", target)]
        default: return [("o", o), ("target", target)]
        }
    }

    /// Random layer sizes: 3–6 more inputs than classes, 1–5 more hidden units than classes, 2–4 classes.
    static func randomSizes(_ random: inout NumPyRandomState) -> (inputs: Int, hidden: Int, outputs: Int) {
        let outputs = random.randint(low: 2, high: 5)
        let inputs = outputs + random.randint(low: 1, high: 5)
        return (inputs, outputs + random.randint(low: 1, high: 6), outputs)
    }

    /// The report's N(0, 1) weights with biases drawn from N(0, ¼), so that no bias gradient
    /// could pass by being multiplied with a zero bias.
    static func randomNetwork(_ sizes: (inputs: Int, hidden: Int, outputs: Int), random: inout NumPyRandomState) -> TwoLayerParameters {
        var parameters = VUInitialisation.standardNormal(
            inputs: sizes.inputs, hidden: sizes.hidden, outputs: sizes.outputs, random: &random)
        parameters.b1 = 0.5 * random.randn(rows: 1, cols: sizes.hidden)
        parameters.b2 = 0.5 * random.randn(rows: 1, cols: sizes.outputs)
        return parameters
    }

    /// `exp(o_i − max o) / Σ_j exp(o_j − max o)`.
    static func softmax(_ o: [Double]) -> [Double] {
        let top = o.max() ?? 0
        let e = o.map { exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }
}
