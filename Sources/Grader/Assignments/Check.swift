// Check: one graded test of an assignment, as the manifest states it.

/// One check of an assignment: which exercise, how it is judged, its points and visibility.
public struct Check: Sendable, Codable, Hashable {
    /// Identifier, unique in the assignment, e.g. `q1b-loss`.
    public var id: String
    /// What the report calls it.
    public var title: String
    /// The exercise it calls (an ``Assignment/Exercise`` id).
    public var exercise: String
    /// How it judges.
    public var kind: Kind
    /// Points for passing.
    public var points: Double
    /// Who sees it, as Gradescope has it.
    public var visibility: Visibility
    /// Time limit for one request to the submission, seconds.
    public var timeLimitSeconds: Double
    /// The lab's published instance and how many randomized hidden ones.
    public var instances: Instances
    /// Value and property checks: how close is close enough.
    public var tolerance: ValueTolerance?
    /// Gradient checks: the loss, the parameters and the bounds.
    public var gradient: GradientOptions?
    /// Training checks: data, budget and threshold.
    public var training: TrainingOptions?

    /// The kinds of check.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// Compare an output with the reference's.
        case value
        /// Compare an analytic gradient with finite differences and with the reference.
        case gradient
        /// Train on real data; judge the returned model on held-out data within a time budget.
        case training
        /// Check an identity of the lab at random points.
        case property
    }

    /// Who sees a check's result, as in Gradescope's `visibility`.
    public enum Visibility: String, Sendable, Codable, Hashable, CaseIterable {
        /// Always shown to the student.
        case visible
        /// Never shown to the student.
        case hidden
        /// Shown once the due date has passed.
        case afterDueDate = "after_due_date"
    }

    /// Which instances a check runs on.
    public struct Instances: Sendable, Codable, Hashable {
        /// Whether the lab's own published instance is included.
        public var published: Bool
        /// How many randomized instances, drawn from the run's seed.
        public var randomized: Int
        /// How many numerically hostile hidden instances (logits in the hundreds, say), where the
        /// lab's formula is expected to be stable: a formula that overflows fails them.
        public var hostile: Int? = nil

        public init(published: Bool, randomized: Int, hostile: Int? = nil) {
            self.published = published
            self.randomized = randomized
            self.hostile = hostile
        }

        /// The instances' labels, in the order they run: `published`, `hidden 1`, …, `hostile 1`, ….
        public var labels: [String] {
            (published ? ["published"] : []) + (0..<randomized).map { "hidden \($0 + 1)" } + (0..<(hostile ?? 0)).map { "hostile \($0 + 1)" }
        }
    }

    /// `|student − reference| ≤ absolute + relative·|reference|`, entry by entry.
    public struct ValueTolerance: Sendable, Codable, Hashable {
        /// Relative part.
        public var relative: Double
        /// Absolute part.
        public var absolute: Double

        /// How far a value may be from `expected`: `absolute + relative·|expected|`.
        func allowance(for expected: Double) -> Double {
            absolute + relative * Swift.abs(expected)
        }

        /// Whether `value` is within the allowance of a finite `expected` (never for NaN).
        func accepts(_ value: Double, near expected: Double) -> Bool {
            Swift.abs(value - expected) <= allowance(for: expected)
        }
    }

    /// How a gradient check perturbs and judges.
    public struct GradientOptions: Sendable, Codable, Hashable {
        /// The exercise whose value is differentiated (the student's own loss).
        public var loss: String
        /// The argument holding the parameters the gradient is taken with respect to.
        public var parameters: String
        /// Central-difference step.
        public var step: Double
        /// Largest accepted relative error `|a−b| / max(1e-8, |a|+|b|)` per entry.
        public var maxRelativeError: Double
        /// Coordinates checked per parameter; 0 checks every one.
        public var coordinates: Int
        /// Random-direction derivatives checked in addition.
        public var directions: Int
        /// The value checks that already grade this gradient against the reference. When set, this
        /// check grades only agreement with the student's own loss (the lab's gradient-check
        /// question), and a difference from the reference is a note naming these checks, so one
        /// mistake is not penalised twice. When absent, the reference comparison is graded here too.
        public var referenceGradedBy: [String]? = nil
    }

    /// How a training check runs and judges.
    public struct TrainingOptions: Sendable, Codable, Hashable {
        /// The data set, as the lab's driver names it (e.g. `mnist5k`, `toy`).
        public var dataset: String
        /// Training samples sent to the submission.
        public var trainSamples: Int
        /// Held-out samples the host evaluates on (labels never sent).
        public var evaluationSamples: Int
        /// What is measured on the held-out data.
        public var metric: Metric
        /// The bound: accuracy at least, or loss at most.
        public var threshold: Double
        /// The time limit as a multiple of the reference's own time in the same run.
        public var timeFactor: Double
        /// A floor for the time limit, seconds, so tiny reference times do not punish start-up costs.
        public var minimumSeconds: Double
        /// When set, an instance on which the reference itself misses `threshold` (a hard draw of
        /// hidden data) asks instead for the reference's own figure with this factor to spare:
        /// a loss up to `factor ×` the reference's, an accuracy down to the reference's `÷ factor`.
        public var referenceAllowance: Double? = nil

        /// The measured quantity.
        public enum Metric: String, Sendable, Codable, Hashable {
            /// Fraction of held-out samples classified right (at least `threshold`).
            case accuracy
            /// The lab's loss on the held-out data (at most `threshold`).
            case loss
        }
    }
}
