// VUDriver's training tasks: Question 4 on load_synth, Questions 5 and 7 on real MNIST digits,
// each judged on held-out data by the reference's own forward pass.
import Foundation
import LabKit
import Reference

extension VUDriver {
    func trainingTask(for check: Check, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask {
        guard let options = check.training else { throw DriverError.unsupported(check: check.id, reason: "no training section") }
        switch (check.exercise, options.dataset) {
        case ("trainScalar", "synth"): return try synthTask(options, published: published, random: &random)
        case ("sgdEpoch", "mnist5k"), ("train", "mnist5k"): return try mnistTask(check.exercise, options, random: &random)
        default:
            throw DriverError.unsupported(check: check.id, reason: "no training task for \(check.exercise) on \(options.dataset)")
        }
    }

    /// Question 4, judged on `load_synth`'s validation rows. Published: the report's data and
    /// weights — `load_synth()` (seed 0) and the 2–3–2 network drawn from the same stream — on its
    /// first `trainSamples` rows. Hidden: `load_synth` with a random seed and 3–6 hidden units.
    /// Both train 2 epochs at learning rate 0.02: the report's own run (60,000 rows, 5 epochs at
    /// 0.001) takes 300,000 steps, and its learning curve alone would be 300,000 numbers to send back.
    private func synthTask(_ options: Check.TrainingOptions, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask {
        let (train, evaluate) = (options.trainSamples, options.evaluationSamples)
        let data: VUData, initial: TwoLayerParameters
        if published {
            let start = Self.labStart()
            initial = start.initial
            data = VUData(
                xtrain: start.data.xtrain[rows: 0..<train], ytrain: Array(start.data.ytrain[0..<train]),
                xval: start.data.xval[rows: 0..<evaluate], yval: Array(start.data.yval[0..<evaluate]), numClasses: 2)
        } else {
            var stream = NumPyRandomState(seed: 0)
            data = VUData.loadSynth(numTrain: train, numVal: evaluate, seed: random.nextUInt32(), random: &stream)
            initial = VUInitialisation.standardNormal(inputs: 2, hidden: random.randint(low: 3, high: 7), outputs: 2, random: &stream)
        }
        let request = try OracleRequest(
            "trainScalar", ("X", data.xtrain), ("labels", data.ytrain), ("parameters", initial), ("learningRate", 0.02), ("epochs", 2))
        return task(request, initial: initial, heldOut: data.xval, labels: data.yval, metric: options.metric) { $0.epochLosses }
    }

    /// Questions 5 and 7 on MNIST-5k: `load_mnist(final=False)`'s split of its 4,000 training
    /// digits (3,500 train, 500 validate), judged on the 1,000 test digits, whose labels are never
    /// sent. Pixels are scaled to [0, 1] and the weights drawn N(0, 1/fan-in), so that a few
    /// thousand steps learn (raw pixels with N(0, 1) weights saturate every sigmoid).
    /// The digits are sent in file order, sorted by class, as data sets often come; the lab's loops
    /// shuffle them. `sgdEpoch` (Question 5) gets one epoch over a random `trainSamples` of the training digits
    /// at learning rate 0.1; `train` (Question 7) gets a random `trainSamples` of them, batches of 25, learning rate 0.5, 2 epochs.
    private func mnistTask(_ exercise: String, _ options: Check.TrainingOptions, random: inout NumPyRandomState) throws
        -> TrainingTask
    {
        let (data, test) = try Self.mnist.get()
        let evaluation = Array(random.permutation(test.count).prefix(options.evaluationSamples))
        let heldOut = test.images[rows: evaluation] / 255
        let heldOutLabels = evaluation.map { test.labels[$0] }
        var stream = NumPyRandomState(seed: random.nextUInt32())
        var initial = VUInitialisation.standardNormal(inputs: 784, hidden: 300, outputs: 10, random: &stream)
        initial.W1 = initial.W1 / Double(784).squareRoot()
        initial.W2 = initial.W2 / Double(300).squareRoot()
        // In file order, which is sorted by digit: a loop that does not shuffle sees the classes one after another.
        let rows = random.permutation(data.xtrain.rows).prefix(options.trainSamples).sorted()
        var arguments: [(String, any Encodable)] = [
            ("X", data.xtrain[rows: rows] / 255), ("labels", rows.map { data.ytrain[$0] }), ("parameters", initial),
        ]
        if exercise == "sgdEpoch" {
            arguments += [("learningRate", 0.1), ("random", stream)]
        } else {
            arguments += [
                ("validationX", data.xval / 255), ("validationLabels", data.yval),
                ("options", VUTrainingOptions(learningRate: 0.5, batchSize: 25, epochs: 2)), ("random", stream),
            ]
        }
        let request = try OracleRequest(exercise, arguments: arguments)
        return task(request, initial: initial, heldOut: heldOut, labels: heldOutLabels, metric: options.metric) { $0.lossHistory }
    }

    /// MNIST-5k split as `load_mnist(final=False)` splits it, and its test digits; read once per process.
    private static let mnist = Result { try (VUData.loadMNIST5k(), Datasets.mnist5k(split: .test)) }

    /// A task judging the returned network on `heldOut` with the reference's batched pass: its mean
    /// loss, or the fraction of rows whose largest probability is the label's.
    private func task(
        _ request: OracleRequest, initial: TwoLayerParameters, heldOut: Matrix, labels: [Int],
        metric: Check.TrainingOptions.Metric, curve: @escaping (VUTrainingResult) -> [Double]
    ) -> TrainingTask {
        TrainingTask(
            request: request,
            evaluate: { reply in
                let parameters = try Self.trainedParameters(reply, like: initial)
                let pass = VUAssignment1().batchForwardBackward(heldOut, labels: labels, parameters)
                guard metric == .accuracy else { return pass.loss }
                let correct = zip(pass.y.argmax(axis: 1), labels).filter { $0 == $1 }.count
                return Double(correct) / Double(labels.count)
            },
            curve: { reply in (try? reply.value(VUTrainingResult.self)).map(curve) })
    }

    /// The returned network, checked to have the initial network's shapes before the reference runs it.
    private static func trainedParameters(_ reply: OracleReply, like initial: TwoLayerParameters) throws -> TwoLayerParameters {
        let result: VUTrainingResult
        do {
            result = try reply.value(VUTrainingResult.self)
        } catch {
            throw DriverError.unusableResult("the training result could not be read: \(error)")
        }
        let wrong = zip(result.parameters.named, initial.named).filter { $0.value.rows != $1.value.rows || $0.value.cols != $1.value.cols }
        guard wrong.isEmpty else {
            let shapes = wrong.map { "\($0.name) \($0.value.shapeDescription) (expected \($1.value.shapeDescription))" }
            throw DriverError.unusableResult("the returned network has the wrong shapes: " + shapes.joined(separator: ", "))
        }
        return result.parameters
    }
}
