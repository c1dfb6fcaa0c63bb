// UppsalaBenchmark: runs Uppsala Lab 1's full Auto training jobs (Task 3.1) and prints their costs and wall time.
import Foundation
import LabKit
import Reference

/// The notebook's training runs on the whole Auto table: both models at every learning rate of
/// the sweep, the unnormalised runs, and the Task 3.1 rows of the reference table.
struct UppsalaBenchmark {
    /// The printed columns and their widths.
    private let columns = [
        ("model", 17), ("lr", 9), ("train_costs[0]", 22), ("train_costs[-1]", 22), ("after last update", 22),
        ("OLS minimum", 22), ("time", 0),
    ]

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
        print(line(columns.map(\.0)))
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
        let costs = [result.trainCosts.first ?? .nan, result.trainCosts.last ?? .nan, after, minimum]
        print(
            line(
                [name, String(format: "%g", learningRate)] + costs.map { String(format: "%.17g", $0) }
                    + [String(format: "%.2f ms", seconds * 1e3)]))
    }

    /// One table line: each field padded to its column's width.
    private func line(_ fields: [String]) -> String {
        "  "
            + zip(fields, columns).map { $0.padding(toLength: max($1.1, $0.count + 1), withPad: " ", startingAt: 0) }
            .joined()
    }

    /// The exact minimum of the cost, from the normal equations, for comparison with gradient descent.
    private func leastSquaresMinimum(_ X: Matrix, _ y: Matrix) -> Double {
        let design = Matrix.hstack([X, Matrix.ones(rows: X.rows, cols: 1)])
        guard let solution = try? Matrix.leastSquares(design, y) else { return .nan }
        return UppsalaLab1().leastSquaresCost(design.dot(solution), y)
    }
}
