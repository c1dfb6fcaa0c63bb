// UppsalaLab1: the model solution of Uppsala 1RT720 Lab 1, Section 2 and Task 3.1 (linear regression).
import Foundation
import LabKit

/// The reference solution of Uppsala Lab 1. This file holds the linear regression of Section 2.1
/// and Task 3.1 and Questions 2.5–2.6; the toy model and the network are in the extensions
/// `UppsalaLab1+ToyModel.swift` and `UppsalaLab1+Network.swift`.
public struct UppsalaLab1: UppsalaBackpropLab {
    public init() {}

    public func linearRegressionOutput(_ X: Matrix, _ parameters: UppsalaLinearParameters) -> Matrix {
        X.dot(parameters.weights) + parameters.bias
    }

    public func leastSquaresCost(_ output: Matrix, _ y: Matrix) -> Double {
        (output - y).sumOfSquares() / Double(y.rows)
    }

    public func leastSquaresCostGradient(_ output: Matrix, _ y: Matrix) -> Matrix {
        2 * (output - y) / Double(y.rows)
    }

    public func linearRegressionGradients(_ X: Matrix, output: Matrix, _ y: Matrix) -> UppsalaLinearParameters {
        let dLdf = leastSquaresCostGradient(output, y)
        return UppsalaLinearParameters(weights: Matrix.product(X, dLdf, transposeA: true), bias: dLdf.sum(axis: 0))
    }

    public func trainLinearRegression(
        _ X: Matrix, _ y: Matrix, from initial: UppsalaLinearParameters, iterations: Int, learningRate alpha: Double
    ) -> UppsalaLinearRegressionTraining {
        var parameters = initial
        var costs: [Double] = []
        costs.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let output = linearRegressionOutput(X, parameters)
            let gradients = linearRegressionGradients(X, output: output, y)
            parameters.weights -= alpha * gradients.weights
            parameters.bias -= alpha * gradients.bias
            costs.append(leastSquaresCost(output, y))
        }
        return UppsalaLinearRegressionTraining(parameters: parameters, trainCosts: costs)
    }

    public func linearLayerWeightGradient(_ dLdf: Matrix, _ h: Matrix) -> Matrix {
        Matrix.product(dLdf, h, transposeB: true)
    }

    public func softmaxCrossEntropyLossGradient(_ f: Matrix, _ yOneHot: Matrix) -> Matrix {
        softmax(f) - yOneHot
    }

    public func softmax(_ f: Matrix) -> Matrix {
        // Shifting each column by its maximum leaves softmax unchanged and keeps exp from overflowing.
        let shifted = exp(f - f.max(axis: 0))
        return shifted / shifted.sum(axis: 0)
    }
}
