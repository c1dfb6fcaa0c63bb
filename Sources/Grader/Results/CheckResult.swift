// CheckResult: the outcome of one check for one submission.

/// What one check found: status, points, the message for the student and what was measured.
public struct CheckResult: Sendable, Codable, Hashable {
    /// The check's id from the manifest.
    public var id: String
    /// The check's title.
    public var title: String
    /// The exercise it called.
    public var exercise: String
    /// Its kind.
    public var kind: Check.Kind
    /// Who may see it.
    public var visibility: Check.Visibility
    /// The outcome.
    public var status: Status
    /// Points earned.
    public var points: Double
    /// Points available.
    public var maxPoints: Double
    /// What happened, in student terms (empty on a pass).
    public var message: String
    /// What the numbers are consistent with, when a pattern was recognised: the sentences of `diagnoses`.
    public var diagnosis: String?
    /// The recognised patterns, each with its kind.
    public var diagnoses: [Diagnosis]
    /// Per-instance outcomes, in order (published first).
    public var instances: [InstanceResult]
    /// Wall time spent on the check, seconds.
    public var seconds: Double
    /// Curves for plots, by name (e.g. `student loss`, `reference loss`).
    public var curves: [String: [Double]]
    /// Figures measured by the check, by name (e.g. `accuracy`, `relative error`, `time limit`).
    public var measurements: [String: Double]
    /// How close each judged figure came to its bound, the closest instance for each (`nil` in
    /// results written before margins were recorded).
    public var margins: [Margin]? = nil
    /// The failing check of an exercise this one builds on, when there is one (see `RootCauses`).
    public var rootCause: RootCause? = nil

    /// The closest call among ``margins``: the one that used most of its allowance.
    public var tightestMargin: Margin? { margins?.max { $0.used < $1.used } }

    /// How close one judged figure came to its bound.
    public struct Margin: Sendable, Codable, Hashable {
        /// What bounds the figure.
        public enum Kind: String, Sendable, Codable, Hashable {
            /// The largest entry error divided by its tolerance (`atol + rtol·|expected|`): the value is that ratio.
            case error
            /// A metric that must reach a threshold (accuracy ≥ 0.85).
            case atLeast = "at-least"
            /// A metric that must stay under a threshold (loss ≤ 0.02).
            case atMost = "at-most"
            /// Seconds against a time limit.
            case time
        }

        /// What bounds the figure.
        public var kind: Kind
        /// The figure's name (`error`, `accuracy`, `loss`, `time`).
        public var name: String
        /// The figure: error ÷ tolerance, the metric, or seconds.
        public var value: Double
        /// The bound: 1 for an error ratio, the threshold, the time limit.
        public var limit: Double
        /// The instance it was measured on (`published`, `hidden 1`, …).
        public var instance: String

        public init(kind: Kind, name: String, value: Double, limit: Double, instance: String = "") {
            self.kind = kind
            self.name = name
            self.value = value
            self.limit = limit
            self.instance = instance
        }

        /// The share of the allowance used: at most 1 passes, and the nearer 1 the closer the call.
        /// A metric that must reach its threshold uses `threshold / metric`; NaN uses all and more.
        public var used: Double {
            guard value.isFinite || kind == .atLeast else { return .infinity }
            switch kind {
            case .error: return value
            case .atMost, .time: return limit > 0 ? value / limit : (value <= 0 ? 0 : .infinity)
            case .atLeast: return value > 0 && value.isFinite ? limit / value : .infinity
            }
        }

        /// For a report: `worst error 3e-03 of the tolerance`, `accuracy 0.83, needed ≥ 0.85`,
        /// `1.2 s of the 10 s limit`.
        public var text: String {
            switch kind {
            case .error where name != "error":
                // Another comparison than with the expected value (`finite differences`).
                return value == 0 ? "\(name) exact" : "worst \(name) error \(Self.short(value)) of the tolerance"
            case .error:
                if !value.isFinite { return "NaN, ∞ or another shape where the expected value is finite" }
                return value == 0 ? "exact" : "worst error \(Self.short(value)) of the tolerance"
            case .atLeast: return "\(name) \(Self.figure(value)), needed ≥ \(Self.figure(limit))"
            case .atMost: return "\(name) \(Self.figure(value)), needed ≤ \(Self.figure(limit))"
            case .time: return "\(Self.figure(value)) s of the \(Self.figure(limit)) s limit"
            }
        }

        private static func short(_ ratio: Double) -> String {
            guard ratio.isFinite else { return ratio.isNaN ? "NaN" : "∞" }
            return ratio >= 0.01 && ratio < 1000 ? String(format: "%.2g×", ratio) : String(format: "%.0e×", ratio)
        }

        private static func figure(_ value: Double) -> String {
            value.isFinite ? String(format: "%.4g", value) : "\(value)"
        }
    }

    /// The outcome of a check.
    public enum Status: String, Sendable, Codable, Hashable {
        /// Every instance matched.
        case pass
        /// A result was wrong.
        case fail
        /// The submission crashed or broke the protocol.
        case error
        /// The submission did not answer in time.
        case timeout
        /// The exercise still has LabKit's default.
        case notImplemented = "not-implemented"
    }

    /// One instance of a check.
    public struct InstanceResult: Sendable, Codable, Hashable {
        /// `published` or `hidden 1`, `hidden 2`, …
        public var label: String
        /// The instance's outcome.
        public var status: Status
        /// What differed, if anything.
        public var message: String
    }
}
