// UppsalaAutoTraining: Task 3.1's gradient descent on the Auto data, judged by the cost the
// returned parameters reach, computed by the reference.
import LabKit
import Reference

/// The training tasks of Task 3.1: the notebook's run on all 392 cars, and a run on a random part
/// of them judged on the cars left out, whose `mpg` the submission never sees.
enum UppsalaAutoTraining {
    /// Cars in a held-out run's training part; the other 100 are held out.
    static let heldOutTrainingCars = 292

    /// The notebook: all seven normalised features of every car, zero start, 100 steps at `α = 0.1`;
    /// judged, as the notebook does, by the cost on the same cars ("should be less than 12").
    static func notebookTask() throws -> TrainingTask {
        let (X, y) = try UppsalaProblems.auto(horsepowerOnly: false)
        return try task(X: X, y: y, evaluationX: X, evaluationY: y)
    }

    /// The same run on a random 292 cars, normalised with their own mean and population standard
    /// deviation; judged by the cost on the 100 other cars, normalised with the same statistics.
    static func heldOutTask(_ random: inout NumPyRandomState) throws -> TrainingTask {
        let (x, y) = try UppsalaAutoRegression.trainingData()
        let order = random.permutation(x.rows)
        let train = Array(order.prefix(heldOutTrainingCars)), heldOut = Array(order.dropFirst(heldOutTrainingCars))
        let mean = x[rows: train].mean(axis: 0)
        let std = (x[rows: train] - mean).squared().mean(axis: 0).sqrt()
        return try task(
            X: (x[rows: train] - mean) / std, y: y[rows: train], evaluationX: (x[rows: heldOut] - mean) / std,
            evaluationY: y[rows: heldOut])
    }

    private static func task(X: Matrix, y: Matrix, evaluationX: Matrix, evaluationY: Matrix) throws -> TrainingTask {
        let request = try UppsalaDriver.request(
            "trainLinearRegression", ("X", X), ("y", y),
            ("parameters", UppsalaAutoRegression.initialParameters(inputDimension: X.cols)),
            ("iterations", UppsalaAutoRegression.iterations), ("learningRate", UppsalaAutoRegression.learningRate))
        return TrainingTask(
            request: request,
            evaluate: { reply in
                let parameters = try trainedParameters(reply, features: X.cols)
                let lab = UppsalaLab1()
                return lab.leastSquaresCost(lab.linearRegressionOutput(evaluationX, parameters), evaluationY)
            },
            curve: { try? $0.value(UppsalaLinearRegressionTraining.self).trainCosts })
    }

    /// The returned parameters, checked to have the shapes the reference's cost needs.
    private static func trainedParameters(_ reply: OracleReply, features: Int) throws -> UppsalaLinearParameters {
        let result: UppsalaLinearRegressionTraining
        do {
            result = try reply.value(UppsalaLinearRegressionTraining.self)
        } catch {
            throw DriverError.unusableResult("the training result could not be read: \(error)")
        }
        let (w, b) = (result.parameters.weights, result.parameters.bias)
        guard w.rows == features, w.cols == 1, b.rows == 1, b.cols == 1 else {
            throw DriverError.unusableResult(
                "the returned parameters have shapes weights \(w.shapeDescription), bias \(b.shapeDescription); "
                    + "expected weights (\(features), 1), bias (1, 1)")
        }
        return result.parameters
    }
}
