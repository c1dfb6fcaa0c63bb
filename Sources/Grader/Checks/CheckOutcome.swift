// CheckOutcome: turning replies and faults into instance statuses and a check's overall result.
import LabKit

/// How one instance of a check ended.
struct InstanceOutcome: Error {
    var status: CheckResult.Status
    var message: String
    var diagnoses: [Diagnosis]
    /// How close its judged figures came to their bounds.
    var margins: [CheckResult.Margin] = []

    static let pass = InstanceOutcome(status: .pass, message: "")

    /// The outcome for a call that gave no usable result, or `nil` when `reply` has one.
    static func failure(of outcome: OracleCallOutcome) -> InstanceOutcome? {
        switch outcome {
        case .failure(let fault):
            switch fault {
            case .timeout:
                return InstanceOutcome(
                    status: .timeout, message: fault.description,
                    diagnosis: Diagnosis(.tooSlow, "Consistent with a loop that never ends, or with code far slower than a vectorised version."))
            case .memoryLimit:
                return InstanceOutcome(
                    status: .error, message: fault.description,
                    diagnosis: Diagnosis(
                        .memoryLimit, "Consistent with memory that grows without bound: an array appended to in a loop that "
                            + "never ends, or a copy of the data kept at every step."))
            case .diskQuota:
                return InstanceOutcome(
                    status: .error, message: fault.description,
                    diagnosis: Diagnosis(.diskQuota, "Consistent with files written in a loop, or one file that never stops growing."))
            default:
                return InstanceOutcome(status: .error, message: fault.description)
            }
        case .success(let reply):
            switch reply.failure {
            case nil: return nil
            case .notImplemented?: return InstanceOutcome(status: .notImplemented, message: "not implemented yet")
            case .threw(let error)?: return InstanceOutcome(status: .error, message: "your code threw an error: \(error)")
            case .badRequest(let reason)?:
                return InstanceOutcome(
                    status: .error, message: "the exercise could not be called: \(reason). Check its signature against the protocol.")
            }
        }
    }

    init(status: CheckResult.Status, message: String, diagnoses: [Diagnosis] = []) {
        self.status = status
        self.message = message
        self.diagnoses = diagnoses
    }

    init(status: CheckResult.Status, message: String, diagnosis: Diagnosis?) {
        self.init(status: status, message: message, diagnoses: diagnosis.map { [$0] } ?? [])
    }

    init(_ comparison: ResultComparison) {
        self.init(status: comparison.passed ? .pass : .fail, message: comparison.message, diagnoses: comparison.diagnoses)
        margins = comparison.margin.map { [$0] } ?? []
    }
}

extension CheckResult {
    /// A check's result from its instances: all pass → full points; else the first problem speaks.
    init(check: Check, instances: [(label: String, outcome: InstanceOutcome)], seconds: Double,
         curves: [String: [Double]] = [:], measurements: [String: Double] = [:]) {
        let statuses = instances.map(\.outcome.status)
        let status: Status =
            statuses.contains(.notImplemented) ? .notImplemented
            : statuses.first { $0 != .pass } ?? .pass
        let first = instances.first { $0.outcome.status == status && status != .pass }
        let labelled = { (instance: (label: String, outcome: InstanceOutcome)) in
            instances.count > 1 ? "\(instance.label) instance: \(instance.outcome.message)" : instance.outcome.message
        }
        // A pass says nothing, unless an instance passed with a note (a training run repeated after a narrow miss).
        let message = first.map(labelled) ?? instances.filter { !$0.outcome.message.isEmpty }.map(labelled).joined(separator: "\n")
        self.init(
            id: check.id, title: check.title, exercise: check.exercise, kind: check.kind, visibility: check.visibility,
            status: status, points: status == .pass ? check.points : 0, maxPoints: check.points, message: message,
            diagnosis: first?.outcome.diagnoses.text, diagnoses: first?.outcome.diagnoses ?? [],
            instances: instances.map { InstanceResult(label: $0.label, status: $0.outcome.status, message: $0.outcome.message) },
            seconds: seconds, curves: curves, measurements: measurements)
        // Each figure's closest call over the instances, labelled with its instance.
        var closest = [String: Margin]()
        for (label, outcome) in instances {
            for var margin in outcome.margins {
                margin.instance = label
                if let known = closest[margin.name], known.used >= margin.used { continue }
                closest[margin.name] = margin
            }
        }
        margins = closest.isEmpty ? nil : closest.values.sorted { $0.name < $1.name }
    }
}
