// ECE285Driver: the instances ECE 285 Assignment 1's checks run on — the lab's seed-0 probe and
// network on MNIST-5k digits, and hidden instances of other sizes, seeds and logit ranges.
import LabKit
import Reference

/// Instances for ECE 285 Assignment 1 (samples are columns, as in the lab).
struct ECE285Driver: LabDriver {
    var reference: any OracleResponder { ECE285Responder(ECE285Assignment1()) }

    func publishedRequest(for check: Check) throws -> OracleRequest {
        let exercise = check.exercise
        let (a, e) = ECE285ActivationProbe.inputs()
        switch exercise {
        case "normalizeMNISTImages":
            // Five published digits' raw pixels, recovered from the cached normalised ones.
            let x = try ECE285Instances.publishedDigits().x[cols: 0..<5]
            return try OracleRequest(exercise, ("x", ((x + 1) * 127.5).map { $0.rounded() }))
        case "labelToOneHot":
            return try OracleRequest(exercise, ("labels", ECE285Instances.publishedDigits().labels), ("classes", 10))
        case "oneHotToLabel":
            return try OracleRequest(exercise, ("d", ECE285Instances.oneHot(ECE285Instances.publishedDigits().labels, classes: 10)))
        case "softmax", "relu":
            return try OracleRequest(exercise, ("a", a))
        case "softmaxp", "relup":
            return try OracleRequest(exercise, ("a", a), ("e", e))
        case "evalLoss", "evalPerfs":
            let problem = try ECE285Instances.publishedProblem()
            let y = ECE285Assignment1().forwardpropShallow(problem.x, problem.net)
            return exercise == "evalLoss"
                ? try OracleRequest(exercise, ("y", y), ("d", problem.d)) : try OracleRequest(exercise, ("y", y), ("labels", problem.labels))
        default:
            // T = 2 as the lab's first try of backprop_shallow; minibatches of the lab's B = 100 drawn
            // from the seed-0 stream that init_shallow continues, as in the lab's notebook.
            let problem = try ECE285Instances.publishedProblem()
            let random = ECE285Instances.labNetwork().random
            return try networkRequest(
                check, problem, gamma: ECE285Network.gamma, T: 2, B: ECE285Network.minibatchSize, random: random)
        }
    }

    func randomRequest(for check: Check, random: inout NumPyRandomState) throws -> OracleRequest {
        let exercise = check.exercise
        let rows = random.randint(low: 2, high: 13), cols = random.randint(low: 1, high: 7)
        switch exercise {
        case "normalizeMNISTImages":
            let x = Matrix(rows: rows, cols: cols, elements: random.randint(high: 256, count: rows * cols).map(Double.init))
            return try OracleRequest(exercise, ("x", x))
        case "labelToOneHot":
            // The top class never occurs, so sizing the codes by the largest label (the lab's
            // `lbl.max() + 1`) instead of by `classes` gives the wrong number of rows.
            let classes = random.randint(low: 3, high: 13)
            return try OracleRequest(exercise, ("labels", random.randint(high: classes - 1, count: random.randint(low: 1, high: 25))), ("classes", classes))
        case "oneHotToLabel":
            return try OracleRequest(exercise, ("d", random.randn(rows: rows, cols: random.randint(low: 1, high: 21))))
        case "softmax":
            return try OracleRequest(exercise, ("a", ECE285Instances.largeLogits(rows: rows, cols: cols, &random)))
        case "softmaxp":
            let a = ECE285Instances.largeLogits(rows: rows, cols: cols, &random)
            return try OracleRequest(exercise, ("a", a), ("e", random.randn(rows: rows, cols: cols)))
        case "relu":
            return try OracleRequest(exercise, ("a", ECE285Instances.withZeros(rows: rows, cols: cols, &random)))
        case "relup":
            let a = ECE285Instances.withZeros(rows: rows, cols: cols, &random)
            return try OracleRequest(exercise, ("a", a), ("e", random.randn(rows: rows, cols: cols)))
        case "evalLoss", "evalPerfs":
            return try predictionRequest(exercise, classes: rows, samples: random.randint(low: 1, high: 21), &random)
        default:
            return try randomNetworkRequest(check, &random)
        }
    }

    /// `eval_loss` or `eval_perfs` on random predictions; about half the labels agree with the
    /// predicted class, so the error rate is neither 0 nor that of chance.
    private func predictionRequest(_ exercise: String, classes: Int, samples: Int, _ random: inout NumPyRandomState) throws
        -> OracleRequest
    {
        let y = ECE285Instances.randomPredictions(classes: classes, samples: samples, &random)
        let predicted = y.argmax(axis: 0)
        let labels = predicted.map { random.randomSample() < 0.5 ? $0 : random.randint(high: classes) }
        return exercise == "evalLoss"
            ? try OracleRequest(exercise, ("y", y), ("d", ECE285Instances.oneHot(labels, classes: classes)))
            : try OracleRequest(exercise, ("y", y), ("labels", labels))
    }

    /// A random small network problem for the forward pass, one update or a training run. An
    /// update's network has a dead hidden unit (all-zero weights and bias), where ReLU's derivative at
    /// the kink decides whether the unit comes back to life; minibatches do not divide `N` evenly.
    /// The training exercises' hidden instances all have the same sizes (drawn from a fixed stream)
    /// and fresh data: a solution that keeps state between calls, such as a cache of the images
    /// keyed on their shape, then trains on stale data and fails.
    private func randomNetworkRequest(_ check: Check, _ random: inout NumPyRandomState) throws -> OracleRequest {
        let training = ["backpropShallow", "backpropMinibatchShallow"].contains(check.exercise)
        var problem = ECE285Instances.randomProblem(&random, sizes: training ? NumPyRandomState(seed: 285) : nil)
        if check.exercise == "updateShallow" { problem = ECE285Instances.withDeadUnit(problem, &random) }
        let gamma = [0.05, 0.1, 0.5, 1.0][random.randint(high: 4)]
        let N = problem.x.cols
        let sizes = (2..<N).filter { N % $0 != 0 }
        let B = sizes[random.randint(high: sizes.count)]
        let T = random.randint(low: 2, high: 5)
        return try networkRequest(check, problem, gamma: gamma, T: T, B: B, random: NumPyRandomState(seed: random.nextUInt32()))
    }

    /// The request of a network exercise on `problem`, with the arguments that exercise takes.
    private func networkRequest(
        _ check: Check, _ problem: ECE285Problem, gamma: Double, T: Int, B: Int, random: NumPyRandomState
    ) throws -> OracleRequest {
        let exercise = check.exercise
        var request = OracleRequest(exercise: exercise)
        try request.set("x", problem.x)
        try request.set("net", problem.net)
        switch exercise {
        case "forwardpropShallow":
            return request
        case "updateShallow", "backpropShallow", "backpropMinibatchShallow":
            try request.set("d", problem.d)
            try request.set("gamma", gamma)
            if exercise != "updateShallow" { try request.set("T", T) }
            if exercise == "backpropMinibatchShallow" {
                try request.set("B", B)
                try request.set("random", random)
            }
            return request
        default:
            throw DriverError.unsupported(check: check.id, reason: "no exercise \(exercise) in ECE 285 Assignment 1")
        }
    }

    func trainingTask(for check: Check, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask {
        try ECE285TrainingTasks.task(for: check, published: published, random: &random)
    }

    func verifyProperty(
        _ check: Check, published: Bool, random: inout NumPyRandomState, call: (OracleRequest) -> OracleCallOutcome
    ) throws -> InstanceOutcome {
        try ECE285Properties.verify(check, published: published, random: &random, call: call)
    }
}
