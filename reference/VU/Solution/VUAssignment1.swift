// VUAssignment1: the model solution of VU Deep Learning Assignment 1, Questions 1–4 (scalar terms).
import Foundation
import LabKit

/// The reference MLP of the VU assignment. This file holds the scalar questions, written with
/// loops over units as the assignment asks; the vectorised and batched questions are in
/// `VUAssignment1+Vectorised.swift`.
public struct VUAssignment1: VUMLPLab {
    public init() {}

    public func softmaxJacobian(_ o: [Double]) -> Matrix {
        let y = softmax(o)
        return Matrix(rows: y.count, cols: y.count) { i, j in i == j ? y[i] * (1 - y[i]) : -y[i] * y[j] }
    }

    public func crossEntropyDerivative(_ y: [Double], target: Int) -> [Double] {
        y.indices.map { $0 == target ? -1 / y[target] : 0 }
    }

    public func outputGradient(_ o: [Double], target: Int) -> [Double] {
        var gradient = softmax(o)
        gradient[target] -= 1
        return gradient
    }

    public func scalarForwardBackward(x: [Double], target: Int, _ p: TwoLayerParameters) -> VUPass {
        let (nInput, nHidden, nOut) = (p.W1.rows, p.W1.cols, p.W2.cols)
        var k = [Double](repeating: 0, count: nHidden)
        for j in 0..<nHidden {
            var sum = 0.0
            for i in 0..<nInput { sum += x[i] * p.W1[i, j] }
            k[j] = sum + p.b1[0, j]
        }
        let h = k.map { 1 / (1 + exp(-$0)) }
        var o = [Double](repeating: 0, count: nOut)
        for j in 0..<nOut {
            var sum = 0.0
            // Every hidden unit feeds every output: the sum runs over n_hidden, not n_out.
            for i in 0..<nHidden { sum += h[i] * p.W2[i, j] }
            o[j] = sum + p.b2[0, j]
        }
        let y = softmax(o)
        let loss = crossEntropy(o, target: target)

        let dO = outputGradient(o, target: target)
        let dV = Matrix(rows: nHidden, cols: nOut) { i, j in dO[j] * h[i] }
        var dK = [Double](repeating: 0, count: nHidden)
        for i in 0..<nHidden {
            var dH = 0.0
            for j in 0..<nOut { dH += dO[j] * p.W2[i, j] }
            dK[i] = h[i] * (1 - h[i]) * dH
        }
        let dW = Matrix(rows: nInput, cols: nHidden) { i, j in dK[j] * x[i] }
        let gradients = TwoLayerParameters(W1: dW, b1: Matrix(row: dK), W2: dV, b2: Matrix(row: dO))
        return VUPass(k: Matrix(row: k), h: Matrix(row: h), o: Matrix(row: o), y: Matrix(row: y), loss: loss, gradients: gradients)
    }

    public func trainScalar(
        _ X: Matrix, labels: [Int], from initial: TwoLayerParameters, learningRate: Double, epochs: Int
    ) -> VUTrainingResult {
        var parameters = initial
        var result = VUTrainingResult(parameters: initial, lossHistory: [], epochLosses: [])
        for _ in 0..<epochs {
            var epochLosses: [Double] = []
            for n in 0..<X.rows {
                let pass = scalarForwardBackward(x: X.row(n).elements, target: labels[n], parameters)
                epochLosses.append(pass.loss)
                parameters = parameters.descending(pass.gradients, learningRate: learningRate)
            }
            result.lossHistory += epochLosses
            result.epochLosses.append(mean(epochLosses))
        }
        result.parameters = parameters
        return result
    }

    /// `exp(o_i) / Σ_j exp(o_j)`, computed after subtracting `max o` so that no `exp` overflows.
    private func softmax(_ o: [Double]) -> [Double] {
        let top = o.max() ?? 0
        let e = o.map { exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// `−log y_target` as `log Σ_j exp(o_j − max o) − (o_target − max o)`, which stays finite
    /// when `y_target` underflows to 0.
    private func crossEntropy(_ o: [Double], target: Int) -> Double {
        let top = o.max() ?? 0
        return log(o.reduce(0) { $0 + exp($1 - top) }) - (o[target] - top)
    }

    /// The mean of `values`, the per-epoch loss the report prints.
    func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}
