// UppsalaProblems: the instances Uppsala Lab 1's checks run on — the lab's own data and seeds, and
// random ones of other sizes and depths drawn from the check's generator.
import LabKit
import Reference

/// The published and randomized instances of Uppsala Lab 1, one kind per part of the lab.
enum UppsalaProblems {
    /// A linear regression instance (Section 2.1, Task 3.1), samples as rows.
    struct Linear {
        /// `X`, `(I, D_i)`.
        var X: Matrix
        /// The targets `y`, `(I, 1)`.
        var y: Matrix
        /// `ω, β`: the point of the output and of the gradient check, or the start of training.
        var parameters: UppsalaLinearParameters
        /// A model output `(I, 1)` for the cost and its gradient.
        var output: Matrix
        /// Gradient-descent steps.
        var iterations: Int
        /// `α`.
        var learningRate: Double
    }

    /// A network instance (Tasks 3.3–3.6), samples as columns; the rows layout transposes it.
    struct Network {
        /// `Ω_k, β_k`.
        var parameters: UppsalaNetworkParameters
        /// `(D_i, I)`.
        var input: Matrix
        /// `(D_o, I)`: real targets, or one-hot columns for the cross-entropy.
        var y: Matrix
    }

    /// A toy-model instance (Task 3.2).
    struct Toy {
        /// `x`.
        var x: Double
        /// `y`.
        var y: Double
        /// `β0…β3, ω0…ω3`.
        var parameters: UppsalaToyParameters
    }

    // MARK: The lab's own instances

    /// Task 3.1's inputs: the notebook's normalised Auto features (all seven, or `horsepower`) and `mpg`.
    static func auto(horsepowerOnly: Bool) throws -> (X: Matrix, y: Matrix) {
        let (x, y) = try UppsalaAutoRegression.trainingData()
        let normalized = UppsalaAutoRegression.normalized(x)
        return (horsepowerOnly ? normalized[cols: [UppsalaAutoRegression.horsepowerColumn]] : normalized, y)
    }

    /// The notebook's run: the given data from zeros, 100 steps at `α = 0.1`, with `output` the zero
    /// model's (whose cost is the notebook's first `train_costs` entry).
    static func publishedLinear(horsepowerOnly: Bool) throws -> Linear {
        let (X, y) = try auto(horsepowerOnly: horsepowerOnly)
        return Linear(
            X: X, y: y, parameters: UppsalaAutoRegression.initialParameters(inputDimension: X.cols),
            output: .zeros(rows: X.rows, cols: 1), iterations: UppsalaAutoRegression.iterations,
            learningRate: UppsalaAutoRegression.learningRate)
    }

    /// The notebook's seed-0 network on its seed-0 data with `samples` columns (Task 3.3: 1, Task 3.4: 5).
    static func publishedNetwork(samples: Int) -> Network {
        let (input, y) = UppsalaNetworkSetup.leastSquaresData(samples: samples)
        return Network(parameters: UppsalaNetworkSetup.network(), input: input, y: y)
    }

    /// Task 3.6's configuration: the seed-0 network with 3 outputs and one-hot targets.
    static func publishedCrossEntropy() -> Network {
        let (input, y) = UppsalaNetworkSetup.crossEntropyData()
        return Network(
            parameters: UppsalaNetworkSetup.network(outputDimension: UppsalaNetworkSetup.classes), input: input, y: y)
    }

    /// The toy notebook's values.
    static var publishedToy: Toy {
        Toy(x: UppsalaToyModel.x, y: UppsalaToyModel.y, parameters: UppsalaToyModel.parameters)
    }

    // MARK: Random instances

    /// A random regression problem of `2…30` samples and `1…6` features, targets linear plus noise,
    /// a random (not zero) point, and a short run of gradient descent.
    static func randomLinear(_ random: inout NumPyRandomState) -> Linear {
        let samples = random.randint(low: 2, high: 31), features = random.randint(low: 1, high: 7)
        let X = random.normal(loc: 0, scale: 1.5, rows: samples, cols: features)
        let truth = random.normal(loc: 0, scale: 3, rows: features, cols: 1)
        let y = X.dot(truth) + random.normal(loc: 5, scale: 2) + random.normal(loc: 0, scale: 0.5, rows: samples, cols: 1)
        let parameters = UppsalaLinearParameters(
            weights: random.normal(loc: 0, scale: 1, rows: features, cols: 1), bias: random.normal(rows: 1, cols: 1))
        return Linear(
            X: X, y: y, parameters: parameters, output: UppsalaLab1().linearRegressionOutput(X, parameters),
            iterations: random.randint(low: 2, high: 16), learningRate: [0.01, 0.05, 0.1][random.randint(high: 3)])
    }

    /// A random toy instance, with `ω1, β1` kept small enough that `exp f1` stays below about 20.
    static func randomToy(_ random: inout NumPyRandomState) -> Toy {
        let values = [
            random.normal(), random.normal(loc: 0, scale: 0.5), random.normal(loc: 0, scale: 2), random.normal(),
            random.normal(loc: 0, scale: 1), random.normal(loc: 0, scale: 0.7), random.normal(), random.normal(loc: 0, scale: 2),
        ]
        let x = random.normal(loc: 0, scale: 2), y = random.normal(loc: 0, scale: 2)
        return Toy(x: x, y: y, parameters: UppsalaToyParameters(values: values))
    }

    /// How a random network is drawn.
    struct NetworkShape {
        /// Hidden layers `K`, drawn from this range.
        var depth: ClosedRange<Int> = 0...4
        /// Samples `I`, drawn from this range.
        var samples: ClosedRange<Int>
        /// Outputs `D_o`, drawn from this range.
        var outputs: ClosedRange<Int> = 1...3
        /// Every hidden pre-activation is at least this far from the ReLU kink at 0, so central
        /// differences and differently rounded forward passes never cross it.
        var kinkMargin: Double = 1e-6
        /// One-hot targets (Task 3.6) instead of real ones.
        var oneHot = false
    }

    /// A random network of `K` hidden layers of width `2…7` on `1…4` inputs, drawn with the
    /// notebook's own parameter order, redrawn until its hidden pre-activations keep `shape.kinkMargin`.
    static func randomNetwork(_ shape: NetworkShape, _ random: inout NumPyRandomState) -> Network {
        while true {
            let K = random.randint(low: shape.depth.lowerBound, high: shape.depth.upperBound + 1)
            let width = random.randint(low: 2, high: 8), inputs = random.randint(low: 1, high: 5)
            let outputs = random.randint(low: shape.outputs.lowerBound, high: shape.outputs.upperBound + 1)
            let samples = random.randint(low: shape.samples.lowerBound, high: shape.samples.upperBound + 1)
            let parameters = UppsalaNetworkSetup.initialParameters(
                hiddenLayers: K, width: width, inputDimension: inputs, outputDimension: outputs, random: &random)
            let input = random.normal(loc: 0, scale: 1, rows: inputs, cols: samples)
            let y = shape.oneHot
                ? Matrix.oneHot(random.choice(outputs, count: samples), classes: outputs).T
                : random.normal(loc: 0, scale: 1, rows: outputs, cols: samples)
            if hiddenPreactivations(parameters, input).allSatisfy({ $0.abs().min() >= shape.kinkMargin }) {
                return Network(parameters: parameters, input: input, y: y)
            }
        }
    }

    /// A network whose weights, biases and inputs are small multiples of ½, so that its
    /// pre-activations are exact and several hidden ones are exactly 0 where the ReLU derivative
    /// matters: a derivative taken as `f ≥ 0` instead of `f > 0` changes the gradients.
    static func networkWithZeroPreactivations(_ random: inout NumPyRandomState) -> Network {
        func draw(_ values: [Double], _ rows: Int, _ cols: Int) -> Matrix {
            Matrix(rows: rows, cols: cols, elements: (0..<rows * cols).map { _ in values[random.randint(high: values.count)] })
        }
        while true {
            let K = random.randint(low: 1, high: 4), width = random.randint(low: 3, high: 7)
            let inputs = random.randint(low: 1, high: 4), outputs = random.randint(low: 1, high: 3)
            let samples = random.randint(low: 3, high: 7)
            let widths = [inputs] + Array(repeating: width, count: K) + [outputs]
            let parameters = UppsalaNetworkParameters(
                weights: (0...K).map { draw([-1, -0.5, 0.5, 1], widths[$0 + 1], widths[$0]) },
                biases: (0...K).map { draw([-0.5, 0, 0.5], widths[$0 + 1], 1) })
            let network = Network(
                parameters: parameters, input: draw([-1, -0.5, 0, 0.5, 1], inputs, samples),
                y: draw([-1, 0, 1], outputs, samples))
            if zerosThatMatter(network) >= 2 { return network }
        }
    }

    /// How many hidden pre-activations are exactly 0 while `Ω_kᵀ ∂L/∂f_k` there is not, following
    /// the correct backward pass from the given least-squares derivative.
    private static func zerosThatMatter(_ network: Network) -> Int {
        let forward = UppsalaLab1().forwardPass(network.input, network.parameters)
        var dLdf = UppsalaNetworkCost.leastSquaresDerivative(forward.output, network.y)
        var count = 0
        for layer in stride(from: network.parameters.hiddenLayers, to: 0, by: -1) {
            let dLdh = Matrix.product(network.parameters.weights[layer], dLdf, transposeA: true)
            let f = forward.preactivations[layer - 1]
            count += zip(f.elements, dLdh.elements).filter { $0 == 0 && $1 != 0 }.count
            dLdf = f.map { $0 > 0 ? 1 : 0 } * dLdh
        }
        return count
    }

    /// `f_0 … f_{K−1}` of the reference forward pass.
    private static func hiddenPreactivations(_ parameters: UppsalaNetworkParameters, _ input: Matrix) -> [Matrix] {
        Array(UppsalaLab1().forwardPass(input, parameters).preactivations.dropLast())
    }

    /// Random network outputs `(D_o, I)` with one-hot targets; with `extreme`, the first column is
    /// shifted up by about 1000 and the second down by about 1000, where a softmax or log-sum-exp
    /// that does not subtract the column maximum overflows or takes `log 0`.
    static func randomScores(extreme: Bool, _ random: inout NumPyRandomState) -> (f: Matrix, y: Matrix) {
        let classes = random.randint(low: 2, high: 7), samples = random.randint(low: extreme ? 2 : 1, high: 9)
        var f = random.normal(loc: 0, scale: 3, rows: classes, cols: samples)
        let y = Matrix.oneHot(random.choice(classes, count: samples), classes: classes).T
        if extreme {
            for row in 0..<classes {
                f[row, 0] += 1000
                f[row, 1] -= 1000
            }
        }
        return (f, y)
    }

    /// `∂L/∂f` `(D_o, I)` and `h` `(D_i, I)` of random sizes for Question 2.5.
    static func randomLayerGradient(_ random: inout NumPyRandomState) -> (dLdf: Matrix, h: Matrix) {
        let outputs = random.randint(low: 1, high: 6), inputs = random.randint(low: 1, high: 7)
        let samples = random.randint(low: 1, high: 6)
        let dLdf = random.normal(loc: 0, scale: 1, rows: outputs, cols: samples)
        // h is a layer's input, an activation: ReLU outputs are never negative.
        return (dLdf, random.normal(loc: 0, scale: 1, rows: inputs, cols: samples).clamp(min: 0))
    }
}
