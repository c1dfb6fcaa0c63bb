// HLCVTrajectory: Algorithm 1 replayed as the lab writes it and with the slips students make in its
// loop, to name the one a returned training run matches.
import Foundation
import LabKit
import Reference

/// HLCV's SGD loop (Algorithm 1) on the reference's loss, gradients and prediction, with one
/// switch per common slip. When a submission's `train` differs from the reference on a small
/// instance, each variant is replayed on the same request and generator; a variant whose every
/// history and final parameters match the submission's names the slip. Nothing is guessed: no
/// variant matches, no diagnosis.
enum HLCVTrajectory {
    /// One way to write the loop.
    struct Variant {
        var recordsLossAfterUpdate = false
        var decaysEveryIteration = false
        var decaysBeforeStep = false
        var trainsOnValidation = false
        var recordsAccuraciesBeforeUpdate = false
        var kind: Diagnosis.Kind
        var text: String
    }

    static let variants: [Variant] = [
        Variant(
            recordsLossAfterUpdate: true, kind: .historyAfterUpdate,
            text: "your run matches Algorithm 1 with each minibatch's loss recorded after that step's update instead of before it."),
        Variant(
            decaysEveryIteration: true, kind: .trajectoryParts,
            text: "your run matches Algorithm 1 with the learning rate decayed after every iteration instead of once per epoch."),
        Variant(
            decaysBeforeStep: true, kind: .trajectoryParts,
            text: "your run matches Algorithm 1 with the epoch's learning-rate decay applied before that step's update instead of after it."),
        Variant(
            trainsOnValidation: true, kind: .firstBatchDiffers,
            text: "your run matches Algorithm 1 with the minibatches drawn from the training and validation data together: "
                + "the validation data must never be trained on."),
        Variant(
            recordsAccuraciesBeforeUpdate: true, kind: .historyRecordedElsewhere,
            text: "your run matches Algorithm 1 with each epoch's accuracies measured before that step's update instead of after it."),
    ]

    /// The variant the submission's training run matches, as a diagnosis; `nil` when none does.
    static func explain(_ request: OracleRequest, student: OracleReply, tolerance: Check.ValueTolerance) -> Diagnosis? {
        guard request.exercise == "train", let yours = try? student.value(HLCVTrainingResult.self) else { return nil }
        for variant in variants {
            guard let replayed = try? replay(request, variant), matches(yours, replayed, tolerance) else { continue }
            return Diagnosis(variant.kind, variant.text.prefix(1).uppercased() + variant.text.dropFirst())
        }
        return nil
    }

    /// Algorithm 1 with `variant`'s slips, on `request`'s data, parameters, options and generator.
    static func replay(_ request: OracleRequest, _ variant: Variant) throws -> HLCVTrainingResult {
        let lab = HLCVExercise2()
        var X: Matrix = try request.argument("X")
        var labels: [Int] = try request.argument("labels")
        let validationX: Matrix = try request.argument("validationX")
        let validationLabels: [Int] = try request.argument("validationLabels")
        let options: HLCVTrainingOptions = try request.argument("options")
        var random: NumPyRandomState = try request.argument("random")
        var parameters: TwoLayerParameters = try request.argument("parameters")
        if variant.trainsOnValidation {
            X = Matrix.vstack([X, validationX])
            labels += validationLabels
        }
        let iterationsPerEpoch = Swift.max(Double(X.rows) / Double(options.batchSize), 1)
        var learningRate = options.learningRate
        var result = HLCVTrainingResult(parameters: parameters, lossHistory: [], trainAccuracyHistory: [], validationAccuracyHistory: [])
        let accuracy = { (predicted: [Int], truth: [Int]) in Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(truth.count) }
        for it in 0..<options.iterations {
            let batch = random.choice(X.rows, count: options.batchSize)
            let (XBatch, yBatch) = (X[rows: batch], batch.map { labels[$0] })
            let epochStart = Double(it).truncatingRemainder(dividingBy: iterationsPerEpoch) == 0
            if !variant.recordsLossAfterUpdate { result.lossHistory.append(lab.loss(XBatch, labels: yBatch, parameters, reg: options.reg)) }
            if epochStart && variant.recordsAccuraciesBeforeUpdate {
                result.trainAccuracyHistory.append(accuracy(lab.predict(XBatch, parameters), yBatch))
                result.validationAccuracyHistory.append(accuracy(lab.predict(validationX, parameters), validationLabels))
            }
            if epochStart && variant.decaysBeforeStep { learningRate *= options.learningRateDecay }
            parameters.descend(lab.gradients(XBatch, labels: yBatch, parameters, reg: options.reg), learningRate: learningRate)
            if variant.recordsLossAfterUpdate { result.lossHistory.append(lab.loss(XBatch, labels: yBatch, parameters, reg: options.reg)) }
            if epochStart && !variant.recordsAccuraciesBeforeUpdate {
                result.trainAccuracyHistory.append(accuracy(lab.predict(XBatch, parameters), yBatch))
                result.validationAccuracyHistory.append(accuracy(lab.predict(validationX, parameters), validationLabels))
            }
            if variant.decaysEveryIteration || (epochStart && !variant.decaysBeforeStep) { learningRate *= options.learningRateDecay }
        }
        result.parameters = parameters
        return result
    }

    private static func matches(_ a: HLCVTrainingResult, _ b: HLCVTrainingResult, _ tolerance: Check.ValueTolerance) -> Bool {
        let close = { (x: [Double], y: [Double]) in
            x.count == y.count && zip(x, y).allSatisfy(tolerance.accepts)
        }
        let pa = a.parameters, pb = b.parameters
        return close(a.lossHistory, b.lossHistory) && close(a.trainAccuracyHistory, b.trainAccuracyHistory)
            && close(a.validationAccuracyHistory, b.validationAccuracyHistory)
            && [(pa.W1, pb.W1), (pa.b1, pb.b1), (pa.W2, pb.W2), (pa.b2, pb.b2)].allSatisfy { x, y in
                x.rows == y.rows && x.cols == y.cols && close(x.elements, y.elements)
            }
    }
}
