// ValueCheck: compares an exercise's output with the reference on the published and hidden instances.
import Foundation
import LabKit

/// Runs a value check: shape, finiteness, then tolerance, on every instance.
enum ValueCheck {
    static func run(_ context: inout CheckContext) throws -> CheckResult {
        let start = DispatchTime.now()
        let tolerance = context.check.tolerance ?? Check.ValueTolerance(relative: 1e-9, absolute: 1e-12)
        var instances = [(label: String, outcome: InstanceOutcome)]()
        for (label, request) in try context.requests() {
            let (expected, answer) = try context.answers(request)
            guard case .success(let reply) = answer else {
                if case .failure(let failure) = answer { instances.append((label, failure)) }
                break
            }
            instances.append((label, InstanceOutcome(ResultComparison.compare(student: reply, reference: expected, tolerance: tolerance))))
        }
        return CheckResult(check: context.check, instances: instances, seconds: start.secondsSince)
    }
}

extension DispatchTime {
    /// Seconds from this time until now.
    var secondsSince: Double { Double(DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1e9 }
}
