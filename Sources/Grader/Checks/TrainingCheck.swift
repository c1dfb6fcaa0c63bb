// TrainingCheck: the submission trains on real data; the host times it and judges the returned model.
import Foundation
import LabKit

/// Runs a training check: the time limit is `timeFactor ×` the reference's own time on the same
/// task in this run (never below `minimumSeconds`), so it holds on slow and fast machines alike.
/// The returned model is scored by the host on held-out data the submission never saw labelled.
enum TrainingCheck {
    static func run(_ context: inout CheckContext) throws -> CheckResult {
        let start = DispatchTime.now()
        guard let options = context.check.training else { throw DriverError.unsupported(check: context.check.id, reason: "no training section") }
        var instances = [(label: String, outcome: InstanceOutcome)]()
        var curves = [String: [Double]](), measurements = [String: Double]()
        for instance in try context.instances() {
            guard let task = instance.task else { throw DriverError.unsupported(check: context.check.id, reason: "no training task") }
            let (label, expected, referenceSeconds) = (instance.label, instance.expected, instance.seconds)
            let limit = Swift.min(context.check.timeLimitSeconds, Swift.max(options.minimumSeconds, options.timeFactor * referenceSeconds))
            measurements["\(label): reference seconds"] = referenceSeconds
            measurements["\(label): time limit seconds"] = limit
            let outcome = context.timedCall(task.request, timeout: limit)
            guard case .success(let answer) = outcome else {
                var failure = InstanceOutcome.failure(of: outcome.map(\.reply))!
                if failure.status == .timeout {
                    failure.message = "training did not finish within \(Seconds.text(limit)) (\(options.timeFactor)× the reference's "
                        + "\(Seconds.text(referenceSeconds)) on this machine)."
                    failure.diagnoses = [Diagnosis(
                        .tooSlow, "Consistent with work repeated inside the training loop: loops over samples and units where "
                            + "one matrix product would do, or a full pass over the data (a loss for the history, say) after every step.")]
                }
                instances.append((label, failure))
                break
            }
            if let failure = InstanceOutcome.failure(of: .success(answer.reply)) {
                instances.append((label, failure))
                break
            }
            measurements["\(label): seconds"] = answer.wallSeconds
            if let cpu = answer.cpuSeconds { measurements["\(label): cpu seconds"] = cpu }
            if let curve = task.curve(answer.reply) { curves["\(label): yours"] = curve }
            if let curve = task.curve(expected) { curves["\(label): reference"] = curve }
            instances.append((label, judge(
                task, answer.reply, expected, options, label: label, showsReference: !context.withholdsExpected, into: &measurements)))
        }
        return CheckResult(check: context.check, instances: instances, seconds: start.secondsSince, curves: curves, measurements: measurements)
    }

    private static func judge(
        _ task: TrainingTask, _ reply: OracleReply, _ expected: OracleReply, _ options: Check.TrainingOptions, label: String,
        showsReference: Bool, into measurements: inout [String: Double]
    ) -> InstanceOutcome {
        let metric: Double
        do {
            metric = try task.evaluate(reply)
        } catch {
            return InstanceOutcome(status: .fail, message: "the trained model could not be evaluated: \(error)")
        }
        let reference = try? task.evaluate(expected)
        measurements["\(label): \(options.metric.rawValue)"] = metric
        if let reference { measurements["\(label): reference \(options.metric.rawValue)"] = reference }
        let passed = metric.isFinite && (options.metric == .accuracy ? metric >= options.threshold : metric <= options.threshold)
        guard !passed else { return .pass }
        let bound = options.metric == .accuracy ? "at least" : "at most"
        let referenceText = showsReference ? reference.map { " (the reference reaches \(String(format: "%.4g", $0)))" } ?? "" : ""
        return InstanceOutcome(
            status: .fail,
            message: "held-out \(options.metric.rawValue) \(String(format: "%.4g", metric)); needed \(bound) "
                + "\(String(format: "%.4g", options.threshold))\(referenceText)")
    }
}
