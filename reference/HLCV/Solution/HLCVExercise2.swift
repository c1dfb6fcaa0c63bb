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
        dataLoss(forward(X, parameters).probabilities, labels) + penalty(parameters, reg: reg)
    }

    public func gradients(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double)
        -> TwoLayerParameters
    {
        backward(X, labels: labels, forward(X, parameters), parameters, reg: reg)
    }

    /// `−mean log p[i, yᵢ]` of the softmax probabilities.
    private func dataLoss(_ probabilities: Matrix, _ labels: [Int]) -> Double {
        var total = 0.0
        for (i, label) in labels.enumerated() {
            total -= log(probabilities[i, label])
        }
        return total / Double(probabilities.rows)
    }

    /// The L2 penalty `reg · (‖W1‖² + ‖W2‖²)`.
    private func penalty(_ parameters: TwoLayerParameters, reg: Double) -> Double {
        reg * (parameters.W1.sumOfSquares() + parameters.W2.sumOfSquares())
    }

    /// Backpropagation through a forward pass already made: the transposed products go straight
    /// to BLAS, and each weight gradient starts as the penalty's part, the data's added in place.
    private func backward(
        _ X: Matrix, labels: [Int], _ f: (z2: Matrix, a2: Matrix, probabilities: Matrix), _ p: TwoLayerParameters,
        reg: Double
    ) -> TwoLayerParameters {
        var dz3 = f.probabilities - Matrix.oneHot(labels, classes: f.probabilities.cols)
        dz3 /= Double(X.rows)
        var dW2 = 2 * reg * p.W2
        Matrix.multiply(f.a2, dz3, addingTo: &dW2, transposeA: true)
        var dz2 = Matrix.product(dz3, p.W2, transposeB: true)
        dz2 *= f.z2.map { $0 > 0 ? 1 : 0 }
        var dW1 = 2 * reg * p.W1
        Matrix.multiply(X, dz2, addingTo: &dW1, transposeA: true)
        return TwoLayerParameters(W1: dW1, b1: dz2.sum(axis: 0), W2: dW2, b2: dz3.sum(axis: 0))
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
            // One forward pass serves the loss (recorded before the step) and the gradients.
            let f = forward(XBatch, parameters)
            result.lossHistory.append(dataLoss(f.probabilities, yBatch) + penalty(parameters, reg: options.reg))
            parameters.descend(backward(XBatch, labels: yBatch, f, parameters, reg: options.reg), learningRate: learningRate)
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
