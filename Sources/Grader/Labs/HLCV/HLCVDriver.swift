// HLCVDriver: the instances HLCV Exercise 2's checks run on — the lab's toy problem, random
// networks away from ReLU kinks, and real-image training.
import Foundation
import LabKit
import Reference

/// Instances for HLCV Exercise 2.
struct HLCVDriver: LabDriver {
    var reference: any OracleResponder { HLCVResponder(HLCVExercise2()) }

    func publishedRequest(for check: Check) throws -> OracleRequest {
        // The lab's toy run (Question 3 a), cut to its first ten steps.
        if check.exercise == "train" { return try toyTrainingRequest(iterations: 10) }
        let (X, y) = HLCVToyProblem.data()
        return try request(check.exercise, X: X, labels: y, parameters: HLCVToyProblem.model().parameters, reg: 0.05)
    }

    func randomRequest(for check: Check, random: inout NumPyRandomState) throws -> OracleRequest {
        if check.exercise == "train" { return try trajectoryRequest(&random) }
        if check.id.hasSuffix("-large") {
            let parameters = HLCVToyProblem.initialParameters(inputSize: 3072, hiddenSize: 50, outputSize: 10, std: 1e-2, random: &random)
            let X = random.randn(rows: 500, cols: 3072)
            return try request(check.exercise, X: X, labels: random.randint(high: 10, count: 500), parameters: parameters, reg: 0.25)
        }
        let problem = Self.randomProblem(&random)
        return try request(check.exercise, X: problem.X, labels: problem.labels, parameters: problem.parameters, reg: problem.reg)
    }

    /// Algorithm 1 records each minibatch's loss before its update, so the histories read as
    /// ``TrajectoryDiagnosis`` reads them; a replayed slip that fits says more.
    func explainTrajectory(
        _ request: OracleRequest, student: OracleReply, reference: OracleReply, tolerance: Check.ValueTolerance, withholdingExpected: Bool
    ) -> [Diagnosis] {
        guard let convention = trajectoryConvention(for: request.exercise) else { return [] }
        if let slip = HLCVTrajectory.explain(request, student: student, tolerance: tolerance) { return [slip] }
        return TrajectoryDiagnosis.diagnoses(
            student: student, reference: reference, tolerance: tolerance, withholdingExpected: withholdingExpected, convention: convention)
    }

    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? {
        exercise == "train" ? .hlcv : nil
    }

    /// A few SGD steps of Algorithm 1 on a small random problem, small enough to compare every
    /// number: 8–15 training rows in minibatches of 2–4, so an epoch is a few iterations and the
    /// learning rate decays (by a strong 0.5) several times; 6–10 iterations; validation rows of
    /// their own, so training on them changes the first minibatch's loss.
    private func trajectoryRequest(_ random: inout NumPyRandomState) throws -> OracleRequest {
        let n = random.randint(low: 8, high: 16), d = random.randint(low: 2, high: 6)
        let h = random.randint(low: 3, high: 8), c = random.randint(low: 2, high: 5)
        var parameters = HLCVToyProblem.initialParameters(inputSize: d, hiddenSize: h, outputSize: c, std: 0.5, random: &random)
        parameters.b1 = 0.1 * random.randn(rows: 1, cols: h)
        let X = 2 * random.randn(rows: n, cols: d), labels = random.randint(high: c, count: n)
        let validationX = 2 * random.randn(rows: 5, cols: d), validationLabels = random.randint(high: c, count: 5)
        let options = HLCVTrainingOptions(
            learningRate: [0.05, 0.1, 0.2][random.randint(high: 3)], learningRateDecay: 0.5, reg: [0.0, 0.01, 0.05][random.randint(high: 3)],
            iterations: random.randint(low: 6, high: 11), batchSize: random.randint(low: 2, high: 5))
        var request = OracleRequest(exercise: "train")
        try request.set("X", X)
        try request.set("labels", labels)
        try request.set("validationX", validationX)
        try request.set("validationLabels", validationLabels)
        try request.set("parameters", parameters)
        try request.set("options", options)
        try request.set("random", NumPyRandomState(seed: random.nextUInt32()))
        return request
    }

    /// A random small problem whose scores sit hundreds above zero (odd `index`) or below it
    /// (even): `exp` of them overflows to ∞ or underflows to 0, so a softmax that skips the lab's
    /// max shift returns NaN, while the shifted one (the lab's formula) is exact. The spread
    /// between a row's scores stays moderate, so no probability underflows and the loss is finite.
    func hostileRequest(for check: Check, index: Int, random: inout NumPyRandomState) throws -> OracleRequest {
        var problem = Self.randomProblem(&random)
        if check.exercise == "predict" {
            // Exact ties: two classes with zero weights and a bias well above the others' scores, so
            // every sample's top score is exactly 50 for both, whatever order a product sums in.
            // The lab's np.argmax takes the first of them.
            let c = problem.parameters.W2.cols
            let first = random.randint(high: c - 1), second = first + 1 + random.randint(high: c - 1 - first)
            var W2 = problem.parameters.W2, b2 = problem.parameters.b2
            for row in 0..<W2.rows {
                W2[row, first] = 0
                W2[row, second] = 0
            }
            b2[0, first] = 50
            b2[0, second] = 50
            problem.parameters.W2 = W2
            problem.parameters.b2 = b2
            return try request(check.exercise, X: problem.X, labels: problem.labels, parameters: problem.parameters, reg: problem.reg)
        }
        let offset = (index % 2 == 1 ? 1.0 : -1.0) * (720 + 60 * random.randomSample())
        problem.parameters.b2 = problem.parameters.b2 + offset
        return try request(check.exercise, X: problem.X, labels: problem.labels, parameters: problem.parameters, reg: problem.reg)
    }

    /// A random small problem whose hidden pre-activations all stay at least 1e-3 from the ReLU kink,
    /// so central differences with h = 1e-5 never cross it.
    static func randomProblem(_ random: inout NumPyRandomState) -> (X: Matrix, labels: [Int], parameters: TwoLayerParameters, reg: Double) {
        while true {
            let n = random.randint(low: 3, high: 13), d = random.randint(low: 2, high: 9)
            let h = random.randint(low: 3, high: 13), c = random.randint(low: 2, high: 7)
            var parameters = HLCVToyProblem.initialParameters(inputSize: d, hiddenSize: h, outputSize: c, std: 0.5, random: &random)
            parameters.b1 = 0.5 * random.randn(rows: 1, cols: h)
            parameters.b2 = 0.5 * random.randn(rows: 1, cols: c)
            let X = 2 * random.randn(rows: n, cols: d)
            let labels = random.randint(high: c, count: n)
            let reg = [0.0, 0.01, 0.05, 0.1, 0.5][random.randint(high: 5)]
            if (X.dot(parameters.W1) + parameters.b1).abs().min() > 1e-3 { return (X, labels, parameters, reg) }
        }
    }

    private func request(_ exercise: String, X: Matrix, labels: [Int], parameters: TwoLayerParameters, reg: Double) throws -> OracleRequest {
        var request = OracleRequest(exercise: exercise)
        try request.set("X", X)
        try request.set("parameters", parameters)
        if exercise != "scores" && exercise != "predict" {
            try request.set("labels", labels)
            try request.set("reg", reg)
        }
        return request
    }

    func trainingTask(for check: Check, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask {
        guard let options = check.training else { throw DriverError.unsupported(check: check.id, reason: "no training section") }
        return published || options.dataset == "toy" ? try toyTask() : try imageTask(options, random: &random)
    }

    /// The lab's toy SGD run: its model, data (also as validation data), generator and options.
    private func toyTrainingRequest(iterations: Int) throws -> OracleRequest {
        let model = HLCVToyProblem.model()
        let (X, y) = HLCVToyProblem.data()
        var request = OracleRequest(exercise: "train")
        for (name, value) in [("X", X), ("validationX", X)] { try request.set(name, value) }
        for (name, value) in [("labels", y), ("validationLabels", y)] { try request.set(name, value) }
        try request.set("parameters", model.parameters)
        try request.set("options", HLCVTrainingOptions(learningRate: 1e-1, reg: 5e-6, iterations: iterations))
        try request.set("random", model.random)
        return request
    }

    /// Question 3 a): the lab's toy SGD; judged by the loss of the returned net on the toy set.
    private func toyTask() throws -> TrainingTask {
        let (X, y) = HLCVToyProblem.data()
        return TrainingTask(
            request: try toyTrainingRequest(iterations: 100),
            evaluate: { reply in
                let result = try Self.trainingResult(reply, inputSize: 4, classes: 3)
                return HLCVExercise2().loss(X, labels: y, result.parameters, reg: 5e-6)
            },
            curve: { try? $0.value(HLCVTrainingResult.self).lossHistory })
    }

    /// Question 3 b) on real images: MNIST digits stand in for CIFAR-10 (not in any registry).
    /// Judged by accuracy on held-out digits whose labels are never sent.
    private func imageTask(_ options: Check.TrainingOptions, random: inout NumPyRandomState) throws -> TrainingTask {
        let train = try Datasets.mnist5k(split: .train), test = try Datasets.mnist5k(split: .test)
        var order = random.permutation(train.count)
        order = Array(order.prefix(options.trainSamples))
        let mean = train.images.mean(axis: 0)
        let X = (train.images[rows: order] - mean) / 255
        let labels = order.map { train.labels[$0] }
        let evaluation = Array(random.permutation(test.count).prefix(options.evaluationSamples))
        let heldOut = (test.images[rows: evaluation] - mean) / 255
        let heldOutLabels = evaluation.map { test.labels[$0] }
        let validation = Array(0..<Swift.min(200, X.rows))
        var initRandom = NumPyRandomState(seed: random.nextUInt32())
        let initial = HLCVToyProblem.initialParameters(inputSize: 784, hiddenSize: 50, outputSize: 10, std: 1e-2, random: &initRandom)
        var request = OracleRequest(exercise: "train")
        try request.set("X", X)
        try request.set("labels", labels)
        try request.set("validationX", X[rows: validation])
        try request.set("validationLabels", validation.map { labels[$0] })
        try request.set("parameters", initial)
        try request.set("options", HLCVTrainingOptions(learningRate: 0.5, learningRateDecay: 0.95, reg: 1e-4, iterations: 300, batchSize: 200))
        try request.set("random", initRandom)
        return TrainingTask(
            request: request,
            evaluate: { reply in
                let result = try Self.trainingResult(reply, inputSize: 784, classes: 10)
                let predicted = HLCVExercise2().predict(heldOut, result.parameters)
                return Double(zip(predicted, heldOutLabels).filter { $0 == $1 }.count) / Double(heldOutLabels.count)
            },
            curve: { try? $0.value(HLCVTrainingResult.self).lossHistory })
    }

    /// The returned training result, checked to hold a network of the right shapes.
    private static func trainingResult(_ reply: OracleReply, inputSize: Int, classes: Int) throws -> HLCVTrainingResult {
        let result: HLCVTrainingResult
        do {
            result = try reply.value(HLCVTrainingResult.self)
        } catch {
            throw DriverError.unusableResult("the training result could not be read: \(error)")
        }
        let p = result.parameters
        guard p.W1.rows == inputSize, p.b1.rows == 1, p.b1.cols == p.W1.cols, p.W2.rows == p.W1.cols, p.W2.cols == classes,
            p.b2.rows == 1, p.b2.cols == classes
        else {
            throw DriverError.unusableResult(
                "the returned network has shapes W1 \(p.W1.shapeDescription), b1 \(p.b1.shapeDescription), "
                    + "W2 \(p.W2.shapeDescription), b2 \(p.b2.shapeDescription); expected W1 (\(inputSize), H), b1 (1, H), "
                    + "W2 (H, \(classes)), b2 (1, \(classes))")
        }
        return result
    }
}
