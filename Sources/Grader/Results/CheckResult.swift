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
