// ValueCheck: compares an exercise's output with the reference on the published and hidden instances.
import Foundation
import LabKit

/// Runs a value check: shape, finiteness, then tolerance, on every instance.
enum ValueCheck {
    static func run(_ context: inout CheckContext) throws -> CheckResult {
        let start = DispatchTime.now()
        let tolerance = context.check.tolerance ?? Check.ValueTolerance(relative: 1e-9, absolute: 1e-12)
        var instances = [(label: String, outcome: InstanceOutcome)]()
        for instance in try context.instances() {
            let reply: OracleReply
            switch context.answer(instance.request) {
            case .success(let answer): reply = answer
            case .failure(let failure):
                instances.append((instance.label, failure))
                return CheckResult(check: context.check, instances: instances, seconds: start.secondsSince)
            }
            var comparison = ResultComparison.compare(
                student: reply, reference: instance.expected, tolerance: tolerance, hints: context.driver.diagnosisHints(for: instance.request),
                withholdingExpected: context.withholdsExpected)
            if !comparison.passed {
                // A training run's histories say where it parted from the reference's, when the lab's
                // driver reads them: they come first, and take the place of the entry-level patterns
                // that read a whole history as one matrix (an offset, a scale per row or column);
                // a factor, a zero or a shape still says something of the matrix it names.
                let trajectory = context.driver.explainTrajectory(
                    instance.request, student: reply, reference: instance.expected, tolerance: tolerance,
                    withholdingExpected: context.withholdsExpected)
                if !trajectory.isEmpty {
                    let wholeMatrix: Set<Diagnosis.Kind> = [.constantOffset, .perRowScale, .perColumnScale, .logits, .otherAxis]
                    comparison.diagnoses = trajectory.adding(comparison.diagnoses.filter { !wholeMatrix.contains($0.kind) })
                }
            }
            instances.append((instance.label, InstanceOutcome(comparison)))
        }
        return CheckResult(check: context.check, instances: instances, seconds: start.secondsSince)
    }
}

extension DispatchTime {
    /// Seconds from this time until now.
    var secondsSince: Double { Double(DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1e9 }
}
