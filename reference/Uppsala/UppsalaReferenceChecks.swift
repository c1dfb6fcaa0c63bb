// UppsalaReferenceChecks: the reference runs behind the Uppsala rows, from the lab's own seeds and inputs.
import LabKit

/// Runs the reference solution on the lab's instances; each function starts from the given code.
enum UppsalaReferenceChecks {
    /// One forward and backward pass of the K-layer network: its output, cost and gradients.
    struct NetworkRun {
        /// `f_K`, in the layout of the run.
        let output: Matrix
        /// The cost of `output`.
        let cost: Double
        /// `∂L/∂Ω_k` and `∂L/∂β_k` for every layer.
        let gradients: UppsalaNetworkParameters
    }

    /// The notebook's loss functions for the network, samples as columns.
    enum Loss {
        /// The given least-squares `compute_cost` / `d_cost_d_output`.
        case leastSquares
        /// Task 3.6's softmax cross-entropy.
        case crossEntropy

        /// The cost of `output` against `y`.
        func cost(_ output: Matrix, _ y: Matrix) -> Double {
            switch self {
            case .leastSquares: UppsalaNetworkCost.leastSquares(output, y)
            case .crossEntropy: UppsalaLab1().crossEntropyCost(output, y)
            }
        }

        /// `∂L/∂f_K`.
        func derivative(_ output: Matrix, _ y: Matrix) -> Matrix {
            switch self {
            case .leastSquares: UppsalaNetworkCost.leastSquaresDerivative(output, y)
            case .crossEntropy: UppsalaLab1().crossEntropyCostGradient(output, y)
            }
        }
    }

    // MARK: Task 3.1

    /// The notebook's inputs and output: all seven features or `horsepower` alone, normalised
    /// unless asked otherwise.
    static func autoData(horsepowerOnly: Bool, normalised: Bool = true) throws -> (X: Matrix, y: Matrix) {
        let (x, y) = try UppsalaAutoRegression.trainingData()
        let inputs = normalised ? UppsalaAutoRegression.normalized(x) : x
        return (horsepowerOnly ? inputs[cols: [UppsalaAutoRegression.horsepowerColumn]] : inputs, y)
    }

    /// `train_model(x, y_train, iterations=100, alpha=learningRate)` from zeros.
    static func autoTraining(
        horsepowerOnly: Bool, learningRate: Double = UppsalaAutoRegression.learningRate, normalised: Bool = true
    ) throws -> UppsalaLinearRegressionTraining {
        let (X, y) = try autoData(horsepowerOnly: horsepowerOnly, normalised: normalised)
        return UppsalaLab1().trainLinearRegression(
            X, y, from: UppsalaAutoRegression.initialParameters(inputDimension: X.cols),
            iterations: UppsalaAutoRegression.iterations, learningRate: learningRate)
    }

    /// The cost of the trained model, after its last update (one more than `train_costs` sees).
    static func autoCostAfterTraining(horsepowerOnly: Bool) throws -> Double {
        let lab = UppsalaLab1()
        let (X, y) = try autoData(horsepowerOnly: horsepowerOnly)
        let parameters = try autoTraining(horsepowerOnly: horsepowerOnly).parameters
        return lab.leastSquaresCost(lab.linearRegressionOutput(X, parameters), y)
    }

    // MARK: Task 3.2

    /// Step 1 on the notebook's values.
    static func toyForward() -> UppsalaToyForwardPass {
        UppsalaLab1().toyForwardPass(x: UppsalaToyModel.x, y: UppsalaToyModel.y, UppsalaToyModel.parameters)
    }

    /// Step 2 on the notebook's values.
    static func toyBackward() -> UppsalaToyBackwardPass {
        UppsalaLab1().toyBackwardPass(toyForward(), y: UppsalaToyModel.y, UppsalaToyModel.parameters)
    }

    /// Step 3 on the notebook's values.
    static func toyParameterGradients() -> UppsalaToyParameters {
        UppsalaLab1().toyParameterGradients(toyForward(), toyBackward(), x: UppsalaToyModel.x)
    }

    // MARK: Tasks 3.3–3.6

    /// Forward, cost and backward with the samples as columns.
    static func columnsRun(_ input: Matrix, _ y: Matrix, _ parameters: UppsalaNetworkParameters, _ loss: Loss)
        -> NetworkRun
    {
        let lab = UppsalaLab1()
        let forward = lab.forwardPass(input, parameters)
        let gradients = lab.backwardPass(parameters, forward, outputGradient: loss.derivative(forward.output, y))
        return NetworkRun(output: forward.output, cost: loss.cost(forward.output, y), gradients: gradients)
    }

    /// udlbook 7.2: the seed-0 network on input 1.2 and target 20.
    static func udlbook() -> NetworkRun {
        let (input, y) = UppsalaNetworkSetup.udlbookData()
        return columnsRun(input, y, UppsalaNetworkSetup.network(), .leastSquares)
    }

    /// The Uppsala notebook with `samples` columns (Task 3.3 with 1, Task 3.4 with more).
    static func uppsala(samples: Int) -> NetworkRun {
        let (input, y) = UppsalaNetworkSetup.leastSquaresData(samples: samples)
        return columnsRun(input, y, UppsalaNetworkSetup.network(), .leastSquares)
    }

    /// Task 3.5: the Uppsala data transposed, samples as rows, with the rows least-squares cost.
    static func uppsalaRows(samples: Int) -> NetworkRun {
        let lab = UppsalaLab1()
        let (input, target) = UppsalaNetworkSetup.leastSquaresData(samples: samples)
        let (X, y) = (input.T, target.T)
        let parameters = UppsalaNetworkSetup.network()
        let forward = lab.forwardPassRows(X, parameters)
        let dLdf = lab.leastSquaresCostGradient(forward.output, y)
        return NetworkRun(
            output: forward.output, cost: lab.leastSquaresCost(forward.output, y),
            gradients: lab.backwardPassRows(parameters, forward, outputGradient: dLdf))
    }

    /// Task 3.6: this port's softmax configuration (K 5, D 6, D_i 1, D_o 3, 5 samples).
    static func crossEntropy() -> NetworkRun {
        let (input, y) = UppsalaNetworkSetup.crossEntropyData()
        return columnsRun(
            input, y, UppsalaNetworkSetup.network(outputDimension: UppsalaNetworkSetup.classes), .crossEntropy)
    }

    /// The notebook's forward-difference check: how many of the `2(K + 1)` tensors match backprop.
    static func matchingTensors(
        _ input: Matrix, _ y: Matrix, _ parameters: UppsalaNetworkParameters, _ loss: Loss,
        check: UppsalaForwardDifferenceCheck = UppsalaForwardDifferenceCheck()
    ) -> Double {
        let lab = UppsalaLab1()
        let run = columnsRun(input, y, parameters, loss)
        let differences = check.gradients(at: parameters) { probe in loss.cost(lab.forwardPass(input, probe).output, y)
        }
        return Double(check.matchingTensors(run.gradients, differences))
    }
}
