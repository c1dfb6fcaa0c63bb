// ECE285Assignment1: the model solution of UCSD ECE 285 MLIP Assignment 1, Questions 4–20.
import Foundation
import LabKit

/// The reference shallow network: data preparation, activations, forward pass, loss, error rate,
/// and full-batch and minibatch backpropagation, samples stored as columns.
public struct ECE285Assignment1: ECE285BackpropLab {
    public init() {}

    public func normalizeMNISTImages(_ x: Matrix) -> Matrix {
        x / 127.5 - 1
    }

    public func labelToOneHot(_ labels: [Int], classes: Int) -> Matrix {
        Matrix.oneHot(labels, classes: classes).T
    }

    public func oneHotToLabel(_ d: Matrix) -> [Int] {
        d.argmax(axis: 0)
    }

    public func softmax(_ a: Matrix) -> Matrix {
        let shifted = exp(a - a.max(axis: 0))
        return shifted / shifted.sum(axis: 0)
    }

    public func softmaxp(_ a: Matrix, _ e: Matrix) -> Matrix {
        let g = softmax(a)
        let ge = g * e
        return ge - ge.sum(axis: 0) * g
    }

    public func relu(_ a: Matrix) -> Matrix {
        maximum(a, 0)
    }

    public func relup(_ a: Matrix, _ e: Matrix) -> Matrix {
        a.map { $0 > 0 ? 1 : 0 } * e
    }

    public func forwardpropShallow(_ x: Matrix, _ net: TwoLayerParameters) -> Matrix {
        forward(x, net).y
    }

    public func evalLoss(_ y: Matrix, _ d: Matrix) -> Double {
        -(d * log(y)).sum() / Double(d.count)
    }

    public func evalPerfs(_ y: Matrix, _ labels: [Int]) -> Double {
        let wrong = zip(oneHotToLabel(y), labels).filter { $0 != $1 }.count
        return 100 * Double(wrong) / Double(labels.count)
    }

    public func updateShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, gamma: Double)
        -> TwoLayerParameters
    {
        let step = gamma / Double(x.cols)
        let (a1, h1, a2, y) = forward(x, net)
        let e2 = -d / y
        let delta2 = softmaxp(a2, e2)
        let delta1 = relup(a1, Matrix.product(net.W2, delta2, transposeA: true))
        // The transposed products go to BLAS as such: no copy of the 784 × N images per step.
        let gradient = TwoLayerParameters(
            W1: Matrix.product(delta1, x, transposeB: true), b1: delta1.sum(axis: 1),
            W2: Matrix.product(delta2, h1, transposeB: true), b2: delta2.sum(axis: 1))
        return net.descending(gradient, learningRate: step)
    }

    public func backpropShallow(_ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, gamma: Double)
        -> ECE285TrainingResult
    {
        let labels = oneHotToLabel(d)
        var result = ECE285TrainingResult(parameters: net, lossHistory: [], errorHistory: [])
        for _ in 0..<T {
            result.parameters = updateShallow(x, d, result.parameters, gamma: gamma)
            record(x, d, labels, into: &result)
        }
        return result
    }

    public func backpropMinibatchShallow(
        _ x: Matrix, _ d: Matrix, _ net: TwoLayerParameters, T: Int, B: Int, gamma: Double,
        random: inout NumPyRandomState
    ) -> ECE285TrainingResult {
        let N = x.cols
        let NB = (N + B - 1) / B
        let labels = oneHotToLabel(d)
        var result = ECE285TrainingResult(parameters: net, lossHistory: [], errorHistory: [])
        for _ in 0..<T {
            let shuffled = random.permutation(N)
            for l in 0..<NB {
                let minibatch = Array(shuffled[B * l..<Swift.min(B * (l + 1), N)])
                result.parameters = updateShallow(x[cols: minibatch], d[cols: minibatch], result.parameters, gamma: gamma)
            }
            record(x, d, labels, into: &result)
        }
        return result
    }

    /// The forward pass with the potentials and hidden features the backward pass needs.
    private func forward(_ x: Matrix, _ net: TwoLayerParameters) -> (a1: Matrix, h1: Matrix, a2: Matrix, y: Matrix) {
        let a1 = net.W1.dot(x) + net.b1
        let h1 = relu(a1)
        let a2 = net.W2.dot(h1) + net.b2
        return (a1, h1, a2, softmax(a2))
    }

    /// Appends the loss and training error of the current network on all of `x`.
    private func record(_ x: Matrix, _ d: Matrix, _ labels: [Int], into result: inout ECE285TrainingResult) {
        let y = forwardpropShallow(x, result.parameters)
        result.lossHistory.append(evalLoss(y, d))
        result.errorHistory.append(evalPerfs(y, labels))
    }
}
