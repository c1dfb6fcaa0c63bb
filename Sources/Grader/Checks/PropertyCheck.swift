// PropertyCheck: an identity of the lab, checked at the published point and at random points.
import Foundation
import LabKit

/// Runs a property check; the lab's driver states and judges the identity.
enum PropertyCheck {
    static func run(_ context: inout CheckContext) throws -> CheckResult {
        let start = DispatchTime.now()
        var instances = [(label: String, outcome: InstanceOutcome)]()
        let labels = (context.check.instances.published ? ["published"] : [])
            + (0..<context.check.instances.randomized).map { "hidden \($0 + 1)" }
        let call = { [context] (request: OracleRequest) in context.call(request) }
        for label in labels {
            let outcome = try context.driver.verifyProperty(
                context.check, published: label == "published", random: &context.random, call: call)
            instances.append((label, outcome))
            if outcome.status != .pass && outcome.status != .fail { break }
        }
        return CheckResult(check: context.check, instances: instances, seconds: start.secondsSince)
    }
}
