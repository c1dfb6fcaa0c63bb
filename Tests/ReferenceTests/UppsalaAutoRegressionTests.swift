// The Task 3.1 reference on the real Auto table (392 cars): the notebook's data, normalisation and training runs.
import LabKit
import Reference
import XCTest

final class UppsalaAutoRegressionTests: XCTestCase {
    let lab = UppsalaLab1()

    func testTrainingDataIsTheNotebooksTable() throws {
        let (x, y) = try UppsalaAutoRegression.trainingData()
        XCTAssertEqual(x.shapeDescription, "(392, 7)")
        XCTAssertEqual(y.shapeDescription, "(392, 1)")
        XCTAssertEqual(x.mean(axis: 0).elements, try LabReferenceJSON.numbers("auto", "mean"), accuracy: 1e-12)
        XCTAssertEqual(y.mean(), try LabReferenceJSON.number("auto", "mpg_mean"), accuracy: 1e-12)
    }

    func testNormalisationDividesByThePopulationStandardDeviation() throws {
        let (x, _) = try UppsalaAutoRegression.trainingData()
        let std = try LabReferenceJSON.numbers("auto", "std_ddof0")
        let normalised = UppsalaAutoRegression.normalized(x)
        XCTAssertEqual(normalised.mean(axis: 0).elements, [Double](repeating: 0, count: 7), accuracy: 1e-13)
        XCTAssertEqual(normalised.squared().mean(axis: 0).elements, [Double](repeating: 1, count: 7), accuracy: 1e-13)
        XCTAssertEqual(normalised[0, 2], (x[0, 2] - x.column(2).mean()) / std[2], accuracy: 1e-13)
    }

    func testHorsepowerModelFollowsTheNotebooksRun() throws {
        try assertFollowsTheNotebooksRun(horsepowerOnly: true, key: "horsepower_only")
    }

    func testAllFeaturesModelFollowsTheNotebooksRun() throws {
        try assertFollowsTheNotebooksRun(horsepowerOnly: false, key: "all_7_features")
    }

    func testHorsepowerModelReachesTheLeastSquaresMinimumWithinHundredIterations() throws {
        let (X, y) = try autoData(horsepowerOnly: true)
        let design = Matrix.hstack([X, Matrix.ones(rows: X.rows, cols: 1)])
        let minimum = lab.leastSquaresCost(design.dot(try Matrix.leastSquares(design, y)), y)
        XCTAssertEqual(minimum, try LabReferenceJSON.number("auto", "horsepower_only", "ols_min_cost"), accuracy: 1e-11)
        XCTAssertEqual(try train(horsepowerOnly: true).trainCosts.last ?? .nan, minimum, accuracy: 1e-11)
    }

    func testHorsepowerModelAtLearningRateOneKeepsItsStartingCost() throws {
        let costs = try train(horsepowerOnly: true, learningRate: 1).trainCosts
        XCTAssertEqual(costs, [Double](repeating: costs[0], count: costs.count), accuracy: 1e-9 * costs[0])
    }

    func testUnnormalisedInputsDivergeAtTheNotebooksLearningRate() throws {
        let (x, y) = try UppsalaAutoRegression.trainingData()
        let result = lab.trainLinearRegression(
            x, y, from: UppsalaAutoRegression.initialParameters(inputDimension: 7), iterations: 100, learningRate: 0.1)
        XCTAssertFalse(result.trainCosts.last?.isFinite ?? true, "lab_reference.json: nan")
    }

    private func assertFollowsTheNotebooksRun(horsepowerOnly: Bool, key: String, line: UInt = #line) throws {
        let result = try train(horsepowerOnly: horsepowerOnly)
        let costs = result.trainCosts
        XCTAssertEqual(costs.count, 100, line: line)
        let first3 = try LabReferenceJSON.numbers("auto", key, "train_costs_first3")
        XCTAssertEqual(Array(costs.prefix(3)), first3, accuracy: 1e-12 * first3[0], line: line)
        let final = try LabReferenceJSON.number("auto", key, "final_train_cost_(costs[-1])")
        XCTAssertEqual(costs.last ?? .nan, final, accuracy: 1e-12 * final, line: line)
        let weights = try LabReferenceJSON.numbers("auto", key, "weights")
        XCTAssertEqual(result.parameters.weights.elements, weights, accuracy: 1e-12, line: line)
        XCTAssertEqual(
            result.parameters.bias.elements, try LabReferenceJSON.numbers("auto", key, "bias"), accuracy: 1e-12,
            line: line)
    }

    private func autoData(horsepowerOnly: Bool) throws -> (X: Matrix, y: Matrix) {
        let (x, y) = try UppsalaAutoRegression.trainingData()
        let normalised = UppsalaAutoRegression.normalized(x)
        return (horsepowerOnly ? normalised[cols: [UppsalaAutoRegression.horsepowerColumn]] : normalised, y)
    }

    private func train(horsepowerOnly: Bool, learningRate: Double = 0.1) throws -> UppsalaLinearRegressionTraining {
        let (X, y) = try autoData(horsepowerOnly: horsepowerOnly)
        return lab.trainLinearRegression(
            X, y, from: UppsalaAutoRegression.initialParameters(inputDimension: X.cols), iterations: 100,
            learningRate: learningRate)
    }
}
