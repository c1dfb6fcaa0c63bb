// ReferenceValue: one number a lab publishes, and how the reference solution recomputes it.

/// The labs labgrade grades, as they are named in assignments and reports.
public enum LabID: String, Sendable, CaseIterable, Codable {
    /// Uppsala 1RT720 Lab 1: linear regression and backpropagation.
    case uppsala = "uu-1rt720-lab1"
    /// DTU 02456 Exercise 1: feed-forward networks, pen and paper.
    case dtu = "dtu-02456-ex1"
    /// VU Amsterdam Deep Learning Assignment 1: an MLP from scratch.
    case vu = "vu-dl-a1"
    /// HLCV Exercise 2: a two-layer network with backpropagation and SGD.
    case hlcv = "hlcv-ex2"
    /// UCSD ECE 285 MLIP Assignment 1: backpropagation on MNIST.
    case ece285 = "ece285-a1"
}

/// A value published by a lab, paired with the computation that must reproduce it.
///
/// `expected` is the lab's own number (its text, notebook or checked-in reference values);
/// `compute` runs the reference solution from the lab's own seeds and inputs. Nothing computed is
/// stored here: `labgrade verify` and the tests run `compute` and judge it with `tolerance`.
public struct ReferenceValue: Sendable {
    /// The lab that publishes the value.
    public let lab: LabID
    /// Short name, e.g. `toy loss (reg 0.05)`.
    public let name: String
    /// The published number(s), or the bound for a `.below` tolerance.
    public let expected: [Double]
    /// How close the computed value must be.
    public let tolerance: Tolerance
    /// Where the lab publishes it and how the reference computes it.
    public let howComputed: String
    /// Recomputes the value with the reference solution.
    public let compute: @Sendable () throws -> [Double]

    /// Makes a row of the table.
    public init(
        _ lab: LabID, _ name: String, expected: [Double], tolerance: Tolerance, howComputed: String,
        compute: @escaping @Sendable () throws -> [Double]
    ) {
        self.lab = lab
        self.name = name
        self.expected = expected
        self.tolerance = tolerance
        self.howComputed = howComputed
        self.compute = compute
    }

    /// Makes a row for a single published number.
    public init(
        _ lab: LabID, _ name: String, expected: Double, tolerance: Tolerance, howComputed: String,
        compute: @escaping @Sendable () throws -> Double
    ) {
        self.init(lab, name, expected: [expected], tolerance: tolerance, howComputed: howComputed) { [try compute()] }
    }

    /// The outcome of recomputing this value.
    public struct Verification: Sendable {
        /// The recomputed value(s); empty when the computation threw.
        public let computed: [Double]
        /// Whether `computed` is within tolerance of the published value.
        public let passed: Bool
        /// Why the computation failed, when it threw.
        public let failure: String?
    }

    /// Recomputes the value and judges it; never throws.
    public func verify() -> Verification {
        do {
            let computed = try compute()
            return Verification(computed: computed, passed: tolerance.accepts(computed, expected: expected), failure: nil)
        } catch {
            return Verification(computed: [], passed: false, failure: String(describing: error))
        }
    }
}
