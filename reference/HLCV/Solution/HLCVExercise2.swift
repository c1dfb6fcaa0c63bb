// HLCVExercise2: the model solution of HLCV Exercise 2, Questions 1–3.
import Foundation
import LabKit

/// The reference two-layer network: forward pass, loss, backpropagation, SGD and prediction.
public struct HLCVExercise2: HLCVTwoLayerNetLab {
    public init() {}

    /// The forward pass, keeping the intermediate values the backward pass needs.
    private func forward(_ X: Matrix, _ p: TwoLayerParameters) -> (z2: Matrix, a2: Matrix, probabilities: Matrix) {
        let z2 = X.dot(p.W1) + p.b1
        let a2 = maximum(z2, 0)
        let z3 = a2.dot(p.W2) + p.b2
        let shifted = exp(z3 - z3.max(axis: 1))
        return (z2, a2, shifted / shifted.sum(axis: 1))
    }

    public func scores(_ X: Matrix, _ parameters: TwoLayerParameters) -> Matrix {
        forward(X, parameters).probabilities
    }

    public func loss(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) -> Double {
        let probabilities = scores(X, parameters)
        var dataLoss = 0.0
        for (i, label) in labels.enumerated() {
            dataLoss -= log(probabilities[i, label])
        }
        dataLoss /= Double(X.rows)
        return dataLoss + reg * (parameters.W1.sumOfSquares() + parameters.W2.sumOfSquares())
    }

    public func gradients(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double)
        -> TwoLayerParameters
    {
        let (z2, a2, probabilities) = forward(X, parameters)
        let dz3 = (probabilities - Matrix.oneHot(labels, classes: probabilities.cols)) / Double(X.rows)
        let dW2 = a2.T.dot(dz3) + 2 * reg * parameters.W2
        let db2 = dz3.sum(axis: 0)
        let da2 = dz3.dot(parameters.W2.T)
        let dz2 = da2 * z2.map { $0 > 0 ? 1 : 0 }
        let dW1 = X.T.dot(dz2) + 2 * reg * parameters.W1
        let db1 = dz2.sum(axis: 0)
        return TwoLayerParameters(W1: dW1, b1: db1, W2: dW2, b2: db2)
    }

    public func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: HLCVTrainingOptions, random: inout NumPyRandomState
    ) -> HLCVTrainingResult {
        let iterationsPerEpoch = Swift.max(Double(X.rows) / Double(options.batchSize), 1)
        var parameters = initial
        var learningRate = options.learningRate
        var result = HLCVTrainingResult(
            parameters: initial, lossHistory: [], trainAccuracyHistory: [], validationAccuracyHistory: [])
        for it in 0..<options.iterations {
            let batch = random.choice(X.rows, count: options.batchSize)
            let (XBatch, yBatch) = (X[rows: batch], batch.map { labels[$0] })
            result.lossHistory.append(loss(XBatch, labels: yBatch, parameters, reg: options.reg))
            let grads = gradients(XBatch, labels: yBatch, parameters, reg: options.reg)
            parameters = parameters.descending(grads, learningRate: learningRate)
            if Double(it).truncatingRemainder(dividingBy: iterationsPerEpoch) == 0 {
                result.trainAccuracyHistory.append(accuracy(predict(XBatch, parameters), yBatch))
                result.validationAccuracyHistory.append(accuracy(predict(Xval, parameters), validationLabels))
                learningRate *= options.learningRateDecay
            }
        }
        result.parameters = parameters
        return result
    }

    public func predict(_ X: Matrix, _ parameters: TwoLayerParameters) -> [Int] {
        scores(X, parameters).argmax(axis: 1)
    }

    private func accuracy(_ predicted: [Int], _ labels: [Int]) -> Double {
        Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }
}
