// VUBenchmark: the VU assignment's full-size runs (Questions 4, 5 and 7) with the reference solution.
import Foundation
import LabKit
import Reference

/// Runs the VU reference on whole data sets with the report's hyperparameters and prints the
/// learning curves, validation figures and wall times.
struct VUBenchmark {
    private let lab = VUAssignment1()

    func run() {
        scalarSynthetic()
        do {
            let mnist = try VUData.loadMNIST5k()
            sgdEpoch("MNIST-5k", mnist)
            minibatch("MNIST-5k", mnist, options: VUTrainingOptions(), seed: 0)
            seeds(mnist)
            learningRates(mnist)
            minibatch("MNIST-5k final (4000 train / 1000 test)", try VUData.loadMNIST5k(final: true), options: VUTrainingOptions(), seed: 0)
            let fashion = try VUData.loadFashionMNIST()
            sgdEpoch("Fashion-MNIST", fashion)
            minibatch("Fashion-MNIST", fashion, options: VUTrainingOptions(epochs: 5), seed: 0)
        } catch {
            print("VU: \(error)")
        }
    }

    /// Question 4 as the report runs it: 60,000 synthetic rows, a 2-3-2 net, lr 0.001, 5 epochs.
    private func scalarSynthetic() {
        var random = NumPyRandomState(seed: 0)
        let data = VUData.loadSynth(random: &random)
        let initial = VUInitialisation.standardNormal(inputs: 2, hidden: 3, outputs: 2, random: &random)
        let (result, seconds) = timed {
            lab.trainScalar(data.xtrain, labels: data.ytrain, from: initial, learningRate: 0.001, epochs: 5)
        }
        print("Q4 scalar SGD, load_synth 60000 rows, 2-3-2, lr 0.001, 5 epochs: \(format(seconds)) s")
        print("  epoch losses \(format(result.epochLosses))")
        print("  validation (10000 rows) \(evaluate(result.parameters, data))")
    }

    /// Question 5: one epoch of single-instance SGD with the 784-300-10 net, lr 0.003.
    private func sgdEpoch(_ name: String, _ data: VUData) {
        var random = NumPyRandomState(seed: 0)
        let initial = VUInitialisation.standardNormal(inputs: 784, hidden: 300, outputs: 10, random: &random)
        let (result, seconds) = timed {
            lab.sgdEpoch(data.xtrain, labels: data.ytrain, from: initial, learningRate: 0.003, random: &random)
        }
        print("Q5 one SGD epoch, \(name) \(data.xtrain.rows) images, lr 0.003: \(format(seconds)) s")
        print("  epoch loss \(format(result.epochLosses)), validation \(evaluate(result.parameters, data))")
    }

    /// Question 7: minibatch training; the learning curve is summarised per epoch.
    @discardableResult
    private func minibatch(_ name: String, _ data: VUData, options: VUTrainingOptions, seed: UInt32, quiet: Bool = false)
        -> VUTrainingResult
    {
        var random = NumPyRandomState(seed: seed)
        let initial = VUInitialisation.standardNormal(inputs: 784, hidden: 300, outputs: 10, random: &random)
        let (result, seconds) = timed {
            lab.train(
                data.xtrain, labels: data.ytrain, validation: data.xval, validationLabels: data.yval, from: initial,
                options: options, random: &random)
        }
        if !quiet {
            print("Q7 minibatch, \(name) \(data.xtrain.rows)/\(data.xval.rows), lr \(options.learningRate), "
                + "B \(options.batchSize), \(options.epochs) epochs, seed \(seed): \(format(seconds)) s "
                + "(\(result.lossHistory.count) batches)")
            print("  train loss per epoch      \(format(result.epochLosses))")
            print("  validation loss per epoch \(format(result.validationLosses))")
            print("  validation accuracy       \(format(result.validationAccuracies))")
        }
        return result
    }

    /// Question 7.2: three runs from different initial weights; mean and standard deviation per epoch.
    private func seeds(_ data: VUData) {
        let options = VUTrainingOptions(learningRate: 0.001, epochs: 5)
        let runs = (0..<3).map { minibatch("MNIST-5k", data, options: options, seed: UInt32($0), quiet: true).epochLosses }
        let losses = Matrix(runs)  // one row per run, one column per epoch
        let means = losses.mean(axis: 0)
        let deviations = (losses - means).squared().mean(axis: 0).sqrt()
        print("Q7.2 MNIST-5k, 3 seeds, lr 0.001, B 8, 5 epochs: train loss mean \(format(means.elements)), std \(format(deviations.elements))")
    }

    /// Question 7.3: the report's learning rates, 5 epochs each.
    private func learningRates(_ data: VUData) {
        for rate in [0.001, 0.003, 0.01, 0.03] {
            let result = minibatch("MNIST-5k", data, options: VUTrainingOptions(learningRate: rate, epochs: 5), seed: 0, quiet: true)
            print("Q7.3 MNIST-5k lr \(rate): final train loss \(format(result.epochLosses.last ?? .nan)), "
                + "validation loss \(format(result.validationLosses.last ?? .nan)), "
                + "accuracy \(format(result.validationAccuracies.last ?? .nan))")
        }
    }

    private func evaluate(_ parameters: TwoLayerParameters, _ data: VUData) -> String {
        let pass = lab.batchForwardBackward(data.xval, labels: data.yval, parameters)
        let correct = zip(pass.y.argmax(axis: 1), data.yval).filter { $0 == $1 }.count
        return "loss \(format(pass.loss)), accuracy \(format(Double(correct) / Double(data.yval.count)))"
    }

    private func timed<T>(_ body: () -> T) -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    private func format(_ value: Double) -> String { String(format: "%.4f", value) }

    private func format(_ values: [Double]) -> String { "[" + values.map(format).joined(separator: ", ") + "]" }
}
