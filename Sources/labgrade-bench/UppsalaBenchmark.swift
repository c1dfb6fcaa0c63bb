// UppsalaBenchmark: runs Uppsala Lab 1's full Auto training jobs (Task 3.1) and prints their costs and wall time.
import Foundation
import LabKit
import Reference

/// The notebook's training runs on the whole Auto table: both models at every learning rate of
/// the sweep, the unnormalised runs, and the Task 3.1 rows of the reference table.
struct UppsalaBenchmark {
    func run() {
        let data: (x: Matrix, y: Matrix)
        do {
            data = try UppsalaAutoRegression.trainingData()
        } catch {
            print("uppsala: \(error)")
            return
        }
        let normalised = UppsalaAutoRegression.normalized(data.x)
        let models = [
            ("horsepower only", normalised[cols: [UppsalaAutoRegression.horsepowerColumn]]),
            ("all 7 features", normalised),
        ]
        print("Uppsala Lab 1, Task 3.1: \(data.x.rows) cars, \(UppsalaAutoRegression.iterations) iterations from zero")
        print("  model            lr       train_costs[0]        train_costs[-1]       after last update     OLS minimum        time")
        for (name, X) in models {
            let minimum = leastSquaresMinimum(X, data.y)
            for learningRate in UppsalaAutoRegression.learningRateSweep {
                report(name, X, data.y, learningRate, minimum: minimum)
            }
        }
        for learningRate in [0.1, 1e-6, 1e-7, 1e-8] {
            report("unnormalised", data.x, data.y, learningRate, minimum: .nan)
        }
        print("Reference rows of Task 3.1:")
        for row in ReferenceValues.all where row.lab == .uppsala && row.name.hasPrefix("Task 3.1") {
            let outcome = row.verify()
            let computed = outcome.computed.map { String(format: "%.17g", $0) }.joined(separator: ", ")
            print("  \(outcome.passed ? "ok  " : "FAIL") \(row.name): \(computed) (\(row.tolerance))")
        }
    }

    private func report(_ name: String, _ X: Matrix, _ y: Matrix, _ learningRate: Double, minimum: Double) {
        let lab = UppsalaLab1()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = lab.trainLinearRegression(
            X, y, from: UppsalaAutoRegression.initialParameters(inputDimension: X.cols),
            iterations: UppsalaAutoRegression.iterations, learningRate: learningRate)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let after = lab.leastSquaresCost(lab.linearRegressionOutput(X, result.parameters), y)
        let figures = [result.trainCosts.first ?? .nan, result.trainCosts.last ?? .nan, after, minimum]
            .map { String(format: "%-21.17g", $0) }.joined(separator: " ")
        print("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0)
            + " " + String(format: "%-8g", learningRate) + " " + figures + String(format: " %6.2f ms", seconds * 1e3))
    }

    /// The exact minimum of the cost, from the normal equations, for comparison with gradient descent.
    private func leastSquaresMinimum(_ X: Matrix, _ y: Matrix) -> Double {
        let design = Matrix.hstack([X, Matrix.ones(rows: X.rows, cols: 1)])
        guard let solution = try? Matrix.leastSquares(design, y) else { return .nan }
        return UppsalaLab1().leastSquaresCost(design.dot(solution), y)
    }
}
