// ECE285Benchmark: ECE 285's full-size training runs (T = 100 full-batch steps, 5 minibatch epochs).
import Foundation
import LabKit
import Reference

/// Runs the lab's Questions 18–21 on the installed stand-ins for MNIST and prints loss, errors and time.
///
/// The lab expects "about 13%" training error after 100 full-batch steps on all 60,000 MNIST
/// images; only MNIST-5k (4,000 training images) and Fashion-MNIST are installed, so the numbers
/// here are for those. Every run starts from `np.random.seed(0); init_shallow(784, 64, 10)`, and
/// the minibatch runs draw their permutations from the same continuing stream.
struct ECE285Benchmark {
    private let lab = ECE285Assignment1()
    private let checkpoints = [1, 10, 25, 50, 100]

    func run() {
        do {
            let mnistTrain = try prepared(.mnist5k, .train)
            let mnistTest = try prepared(.mnist5k, .test)
            let fashionTrain = try prepared(.fashionMNIST, .train)
            let fashionTest = try prepared(.fashionMNIST, .test)
            let fashionSubset = (x: fashionTrain.x[cols: 0..<10_000], labels: Array(fashionTrain.labels[0..<10_000]))
            fullBatch("MNIST-5k 4000/1000", train: mnistTrain, test: mnistTest)
            fullBatch("Fashion-MNIST first 10000 / test 10000", train: fashionSubset, test: fashionTest)
            minibatch("MNIST-5k 4000/1000", train: mnistTrain, test: mnistTest)
            minibatch("Fashion-MNIST 60000/10000", train: fashionTrain, test: fashionTest)
        } catch {
            print("ece285: \(error)")
        }
    }

    /// Loads a split and normalises it to `[−1, 1]` (Question 4).
    private func prepared(_ source: ECE285Data.Source, _ split: DataSplit) throws -> (x: Matrix, labels: [Int]) {
        let (x, labels) = try ECE285Data.load(source, split: split)
        return (lab.normalizeMNISTImages(x), labels)
    }

    /// The lab's starting network for `Ni` inputs, and the seed-0 stream after drawing it.
    private func initialNetwork(inputs: Int) -> (net: TwoLayerParameters, random: NumPyRandomState) {
        var random = NumPyRandomState(seed: 0)
        let net = ECE285Network.initShallow(Ni: inputs, Nh: ECE285Network.hiddenSize, No: 10, random: &random)
        return (net, random)
    }

    /// Question 18: `T = 100` full-batch steps with `γ = .05`.
    private func fullBatch(_ name: String, train: (x: Matrix, labels: [Int]), test: (x: Matrix, labels: [Int])) {
        let d = lab.labelToOneHot(train.labels, classes: 10)
        let (net, _) = initialNetwork(inputs: train.x.rows)
        print("\nECE 285 Q18 full batch, T = \(ECE285Network.fullBatchSteps), γ = \(ECE285Network.gamma): \(name)")
        report("init", lab.forwardpropShallow(train.x, net), d, train.labels)
        let start = Date()
        let result = lab.backpropShallow(train.x, d, net, T: ECE285Network.fullBatchSteps, gamma: ECE285Network.gamma)
        let seconds = Date().timeIntervalSince(start)
        for t in checkpoints where t <= result.lossHistory.count {
            print(String(format: "  t = %3d   loss %.4f (mean CE %.3f)   train error %5.2f %%",
                         t, result.lossHistory[t - 1], 10 * result.lossHistory[t - 1], result.errorHistory[t - 1]))
        }
        finish(result, test: test, seconds: seconds)
    }

    /// Questions 20–21: 5 epochs of minibatch gradient descent with `B = 100`, `γ = .05`.
    private func minibatch(_ name: String, train: (x: Matrix, labels: [Int]), test: (x: Matrix, labels: [Int])) {
        let d = lab.labelToOneHot(train.labels, classes: 10)
        let (net, seeded) = initialNetwork(inputs: train.x.rows)
        var random = seeded
        print("\nECE 285 Q20 minibatch, \(ECE285Network.minibatchEpochs) epochs, B = \(ECE285Network.minibatchSize), "
            + "γ = \(ECE285Network.gamma): \(name)")
        report("init", lab.forwardpropShallow(train.x, net), d, train.labels)
        let start = Date()
        let result = lab.backpropMinibatchShallow(
            train.x, d, net, T: ECE285Network.minibatchEpochs, B: ECE285Network.minibatchSize,
            gamma: ECE285Network.gamma, random: &random)
        let seconds = Date().timeIntervalSince(start)
        for (epoch, (loss, error)) in zip(result.lossHistory, result.errorHistory).enumerated() {
            print(String(format: "  epoch %d   loss %.4f (mean CE %.3f)   train error %5.2f %%", epoch + 1, loss, 10 * loss, error))
        }
        finish(result, test: test, seconds: seconds)
    }

    private func report(_ label: String, _ y: Matrix, _ d: Matrix, _ labels: [Int]) {
        let loss = lab.evalLoss(y, d)
        print(String(format: "  %@   loss %.4f (mean CE %.3f)   train error %5.2f %%", label, loss, 10 * loss,
                     lab.evalPerfs(y, labels)))
    }

    private func finish(_ result: ECE285TrainingResult, test: (x: Matrix, labels: [Int]), seconds: Double) {
        let testError = lab.evalPerfs(lab.forwardpropShallow(test.x, result.parameters), test.labels)
        print(String(format: "  test error %5.2f %% on %d images; training took %.1f s", testError, test.labels.count, seconds))
    }
}
