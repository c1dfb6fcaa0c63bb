// The Section 2.1 / Task 3.1 reference (linear regression, rows) against finite differences and least squares.
import LabKit
import Reference
import XCTest

final class UppsalaLinearRegressionTests: XCTestCase {
    let lab = UppsalaLab1()

    func testOutputAddsTheOffsetToEveryRow() {
        let X = Matrix([[1, 2], [3, 4], [5, 6]])
        let parameters = UppsalaLinearParameters(weights: Matrix(column: [1, -1]), bias: Matrix([[10]]))
        XCTAssertEqual(lab.linearRegressionOutput(X, parameters), Matrix(column: [9, 9, 9]))
    }

    func testCostIsTheMeanSquaredResidual() {
        XCTAssertEqual(
            lab.leastSquaresCost(Matrix(column: [1, 2, 3, 4]), Matrix(column: [0, 0, 3, 6])), (1 + 4 + 0 + 4) / 4.0)
    }

    func testCostGradientMatchesCentralDifferences() {
        var random = NumPyRandomState(seed: 21)
        let (f, y) = (random.normal(rows: 7, cols: 1), random.normal(rows: 7, cols: 1))
        let numerical = GradientCheck.numericalGradient(at: f) { lab.leastSquaresCost($0, y) }
        XCTAssertLessThan(GradientCheck.relativeError(lab.leastSquaresCostGradient(f, y), numerical), 1e-9)
    }

    func testParameterGradientsMatchCentralDifferences() {
        var random = NumPyRandomState(seed: 22)
        for (samples, inputs) in [(1, 1), (10, 5), (40, 7)] {
            let X = random.normal(rows: samples, cols: inputs)
            let y = random.normal(rows: samples, cols: 1)
            let parameters = UppsalaLinearParameters(
                weights: random.normal(rows: inputs, cols: 1), bias: random.normal(rows: 1, cols: 1))
            let analytic = lab.linearRegressionGradients(X, output: lab.linearRegressionOutput(X, parameters), y)
            let dWeights = GradientCheck.numericalGradient(at: parameters.weights) { weights in
                lab.leastSquaresCost(
                    lab.linearRegressionOutput(X, UppsalaLinearParameters(weights: weights, bias: parameters.bias)), y)
            }
            let dBias = GradientCheck.numericalGradient(at: parameters.bias) { bias in
                lab.leastSquaresCost(
                    lab.linearRegressionOutput(X, UppsalaLinearParameters(weights: parameters.weights, bias: bias)), y)
            }
            XCTAssertLessThan(GradientCheck.relativeError(analytic.weights, dWeights), 1e-8, "I=\(samples)")
            XCTAssertLessThan(GradientCheck.relativeError(analytic.bias, dBias), 1e-8, "I=\(samples)")
        }
    }

    func testTrainingRecordsEachCostBeforeItsUpdate() {
        var random = NumPyRandomState(seed: 23)
        let X = random.normal(rows: 20, cols: 3)
        let y = random.normal(rows: 20, cols: 1)
        let start = UppsalaAutoRegression.initialParameters(inputDimension: 3)
        let one = lab.trainLinearRegression(X, y, from: start, iterations: 1, learningRate: 0.1)
        let two = lab.trainLinearRegression(X, y, from: start, iterations: 2, learningRate: 0.1)
        XCTAssertEqual(one.trainCosts, [lab.leastSquaresCost(lab.linearRegressionOutput(X, start), y)])
        XCTAssertEqual(two.trainCosts[1], lab.leastSquaresCost(lab.linearRegressionOutput(X, one.parameters), y))
    }

    func testTrainingOnNormalisedDataReachesTheLeastSquaresMinimum() throws {
        var random = NumPyRandomState(seed: 24)
        let raw = random.normal(loc: 5, scale: 3, rows: 200, cols: 4)
        let X = UppsalaAutoRegression.normalized(raw)
        let y = X.dot(Matrix(column: [1, -2, 0.5, 3])) + 7 + random.normal(rows: 200, cols: 1)
        let result = lab.trainLinearRegression(
            X, y, from: UppsalaAutoRegression.initialParameters(inputDimension: 4), iterations: 300, learningRate: 0.1)
        let design = Matrix.hstack([X, Matrix.ones(rows: 200, cols: 1)])
        let minimum = lab.leastSquaresCost(design.dot(try Matrix.leastSquares(design, y)), y)
        XCTAssertEqual(result.trainCosts.count, 300)
        XCTAssertTrue(
            zip(result.trainCosts, result.trainCosts.dropFirst()).allSatisfy { $0 >= $1 - 1e-12 }, "costs never rise")
        XCTAssertEqual(result.trainCosts.last ?? .nan, minimum, accuracy: 1e-9 * minimum)
    }

    func testNormalisationUsesThePopulationStandardDeviation() {
        let x = Matrix(column: [1, 2, 3, 4])
        let expected = (x - 2.5) / (1.25).squareRoot()
        XCTAssertEqual(UppsalaAutoRegression.normalized(x), expected, accuracy: 1e-15)
    }
}
