// ECE285TrainingTasks: Questions 18–21 on real digits — full-batch and minibatch training on MNIST-5k,
// judged on held-out test digits with the reference's own forward pass, loss and error rate.
import LabKit
import Reference

/// The training runs of ECE 285 Assignment 1. The submission gets training digits, their one-hot
/// codes and a starting network; the test digits it is judged on never reach it.
enum ECE285TrainingTasks {
    /// Full-batch steps of Question 18's check: few enough to stay fast, enough to move the loss.
    static let fullBatchSteps = 10

    static func task(for check: Check, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask {
        guard let options = check.training else { throw DriverError.unsupported(check: check.id, reason: "no training section") }
        guard options.dataset == "mnist5k" else {
            throw DriverError.unsupported(check: check.id, reason: "ECE 285 trains on mnist5k, not \(options.dataset)")
        }
        let train = try ECE285Instances.trainingDigits(), test = try ECE285Instances.testDigits()
        let trainIndices = published
            ? spread(options.trainSamples, over: train.labels.count) : Array(random.permutation(train.labels.count).prefix(options.trainSamples))
        let testIndices = published
            ? spread(options.evaluationSamples, over: test.labels.count)
            : Array(random.permutation(test.labels.count).prefix(options.evaluationSamples))
        let (x, labels) = ECE285Instances.subset(train, trainIndices)
        let heldOut = ECE285Instances.subset(test, testIndices)
        let (net, stream) = ECE285Instances.labNetwork(inputs: x.rows, seed: published ? 0 : random.nextUInt32())

        var request = try OracleRequest(
            check.exercise, ("x", x), ("d", ECE285Instances.oneHot(labels, classes: 10)), ("net", net),
            ("gamma", ECE285Network.gamma))
        switch check.exercise {
        case "backpropShallow":
            try request.set("T", fullBatchSteps)
        case "backpropMinibatchShallow":
            try request.set("T", ECE285Network.minibatchEpochs)
            try request.set("B", ECE285Network.minibatchSize)
            try request.set("random", stream)
        default:
            throw DriverError.unsupported(check: check.id, reason: "\(check.exercise) does not train")
        }
        return TrainingTask(
            request: request,
            evaluate: { reply in try evaluate(reply, on: heldOut, metric: options.metric, inputs: x.rows) },
            curve: { try? $0.value(ECE285TrainingResult.self).lossHistory })
    }

    /// `count` indices evenly spread over `0..<total` (every class of the sorted digits alike).
    private static func spread(_ count: Int, over total: Int) -> [Int] {
        (0..<Swift.min(count, total)).map { $0 * total / Swift.min(count, total) }
    }

    /// The returned network's held-out loss (`eval_loss`) or accuracy (`1 − eval_perfs / 100`),
    /// computed with the reference.
    private static func evaluate(
        _ reply: OracleReply, on heldOut: ECE285Instances.Digits, metric: Check.TrainingOptions.Metric, inputs: Int
    ) throws -> Double {
        let result: ECE285TrainingResult
        do {
            result = try reply.value(ECE285TrainingResult.self)
        } catch {
            throw DriverError.unusableResult("the training result could not be read: \(error)")
        }
        let p = result.parameters
        guard p.W1.cols == inputs, p.b1.rows == p.W1.rows, p.b1.cols == 1, p.W2.cols == p.W1.rows, p.W2.rows == 10,
            p.b2.rows == 10, p.b2.cols == 1
        else {
            throw DriverError.unusableResult(
                "the returned network has shapes W1 \(p.W1.shapeDescription), b1 \(p.b1.shapeDescription), "
                    + "W2 \(p.W2.shapeDescription), b2 \(p.b2.shapeDescription); expected W1 (Nh, \(inputs)), b1 (Nh, 1), "
                    + "W2 (10, Nh), b2 (10, 1)")
        }
        let lab = ECE285Assignment1()
        let y = lab.forwardpropShallow(heldOut.x, p)
        switch metric {
        case .loss: return lab.evalLoss(y, ECE285Instances.oneHot(heldOut.labels, classes: 10))
        case .accuracy: return 1 - lab.evalPerfs(y, heldOut.labels) / 100
        }
    }
}
