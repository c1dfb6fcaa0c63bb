// VUAssignment1, Questions 5–7: the vectorised and batched MLP and its training loops.
import Foundation
import LabKit

extension VUAssignment1 {
    /// The forward pass of a batch stored as rows, with what the loss and the backward pass need.
    private struct Forward {
        let k, h, o, y: Matrix
        /// `−log y[n, c_n]` of every row.
        let losses: [Double]
    }

    private func forward(_ X: Matrix, labels: [Int], _ p: TwoLayerParameters) -> Forward {
        let k = X.dot(p.W1) + p.b1
        let h = sigmoid(k)
        let o = h.dot(p.W2) + p.b2
        // Softmax per row: each sample is normalised on its own, never across the batch.
        let shifted = o - o.max(axis: 1)
        let e = exp(shifted)
        let totals = e.sum(axis: 1)
        let losses = labels.enumerated().map { n, label in log(totals[n, 0]) - shifted[n, label] }
        return Forward(k: k, h: h, o: o, y: e / totals, losses: losses)
    }

    /// A single instance is a batch of one: the mean over one row is that row's loss.
    public func forwardBackward(_ x: Matrix, target: Int, _ parameters: TwoLayerParameters) -> VUPass {
        batchForwardBackward(x, labels: [target], parameters)
    }

    public func sgdEpoch(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double,
        random: inout NumPyRandomState
    ) -> VUTrainingResult {
        var parameters = initial
        var losses: [Double] = []
        for n in random.permutation(X.rows) {
            let pass = forwardBackward(X.row(n), target: labels[n], parameters)
            losses.append(pass.loss)
            parameters.descend(pass.gradients, learningRate: learningRate)
        }
        return VUTrainingResult(parameters: parameters, lossHistory: losses, epochLosses: [mean(losses)])
    }

    public func batchForwardBackward(_ X: Matrix, labels: [Int], _ p: TwoLayerParameters) -> VUPass {
        let f = forward(X, labels: labels, p)
        let batchSize = Double(X.rows)
        // The loss is the batch mean, so every gradient carries the 1/B.
        let dO = (f.y - Matrix.oneHot(labels, classes: f.y.cols)) / batchSize
        let dV = Matrix.product(f.h, dO, transposeA: true)
        let dH = Matrix.product(dO, p.W2, transposeB: true)
        var dK = dH * f.h
        dK *= 1 - f.h
        let dW = Matrix.product(X, dK, transposeA: true)
        let gradients = TwoLayerParameters(W1: dW, b1: dK.sum(axis: 0), W2: dV, b2: dO.sum(axis: 0))
        return VUPass(k: f.k, h: f.h, o: f.o, y: f.y, loss: mean(f.losses), gradients: gradients)
    }

    public func train(
        _ X: Matrix, labels: [Int], validation Xval: Matrix, validationLabels: [Int],
        from initial: TwoLayerParameters, options: VUTrainingOptions, random: inout NumPyRandomState
    ) -> VUTrainingResult {
        var result = VUTrainingResult(parameters: initial, lossHistory: [], epochLosses: [])
        for _ in 0..<options.epochs {
            let order = random.permutation(X.rows)
            var batchLosses: [Double] = []
            for start in stride(from: 0, to: order.count, by: options.batchSize) {
                let batch = Array(order[start..<Swift.min(start + options.batchSize, order.count)])
                let pass = batchForwardBackward(X[rows: batch], labels: batch.map { labels[$0] }, result.parameters)
                batchLosses.append(pass.loss)
                result.parameters.descend(pass.gradients, learningRate: options.learningRate)
            }
            result.lossHistory += batchLosses
            result.epochLosses.append(mean(batchLosses))
            if Xval.rows > 0 {
                let validation = forward(Xval, labels: validationLabels, result.parameters)
                let correct = zip(validation.o.argmax(axis: 1), validationLabels).filter { $0 == $1 }.count
                result.validationLosses.append(mean(validation.losses))
                result.validationAccuracies.append(Double(correct) / Double(Xval.rows))
            }
        }
        return result
    }
}
