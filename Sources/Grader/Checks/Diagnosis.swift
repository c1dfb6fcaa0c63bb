// Diagnosis: what a failing check's numbers are consistent with, named so reports and the corpus
// can tell the patterns apart.
import Foundation

/// A pattern read off a wrong result, with the sentence a student gets.
///
/// The text never states a guess as fact: it says what the numbers are *consistent with*, and a
/// diagnosis is only made when the pattern fits every differing entry.
public struct Diagnosis: Sendable, Codable, Hashable {
    /// The pattern.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// N times the expected value: a sum over the samples where the lab takes the mean.
        case sumNotMean = "sum-not-mean"
        /// 1/N of the expected value: a mean where the lab sums, or a division by N too many.
        case meanNotSum = "mean-not-sum"
        /// Half the expected value: a factor 2 left out.
        case missingFactorTwo = "missing-factor-2"
        /// Twice the expected value.
        case extraFactorTwo = "extra-factor-2"
        /// The right size with the wrong sign.
        case signFlipped = "sign-flipped"
        /// Another constant factor in every differing entry.
        case constantFactor = "constant-factor"
        /// The expected value plus a constant (labels off by one, say).
        case constantOffset = "constant-offset"
        /// Zero where the expected value is not.
        case zero
        /// The transpose of the expected value, or its shape.
        case transposed
        /// Another shape than the lab's.
        case shapeMismatch = "shape-mismatch"
        /// Some parts of the result are right, others not.
        case onlyPart = "only-part"
        /// The regularisation term's gradient is missing.
        case regularisationMissing = "regularisation-missing"
        /// λ·W where the penalty λ‖W‖² has gradient 2λ·W.
        case regularisationHalved = "regularisation-halved"
        /// The gradient has a regularisation term the loss does not have (or has it twice).
        case regularisationExtra = "regularisation-extra"
        /// The gradient is the loss's plus another multiple of the parameter than the penalty gives.
        case regularisationFactor = "regularisation-factor"
        /// The gradient is a multiple of the parameter alone: the data term is missing.
        case dataTermMissing = "data-term-missing"
        /// NaN or infinite entries where the expected ones are finite.
        case nonFinite = "non-finite"
        /// Each row off by its own factor: normalised over another axis.
        case perRowScale = "per-row-scale"
        /// Each column off by its own factor: normalised over another axis.
        case perColumnScale = "per-column-scale"
        /// Probabilities that sum to 1 along the other axis than the lab's: a softmax over the wrong axis.
        case otherAxis = "other-axis"
        /// The logarithm of the expected probabilities plus a constant per sample: scores before softmax.
        case logits
        /// The result disagrees with what the student's own other functions give.
        case inconsistent = "inconsistent-with-own-parts"
        /// The program trapped (an index out of range, an empty range) on an instance it names.
        case crashed
        /// The program ran past its time limit.
        case tooSlow = "too-slow"
        /// The program used more memory than its limit.
        case memoryLimit = "memory-limit"
        /// The program filled its private disk space.
        case diskQuota = "disk-quota"
        /// A training loop that runs one step too many or too few.
        case stepCount = "step-count"
        /// Each recorded loss is the reference's next one: recorded after the update.
        case historyAfterUpdate = "history-after-update"
        /// The losses agree but another history (accuracies) differs.
        case historyRecordedElsewhere = "history-recorded-elsewhere"
        /// The first recorded loss already differs: another first minibatch or another loss.
        case firstBatchDiffers = "first-batch-differs"
        /// The histories agree for some steps, then part.
        case trajectoryParts = "trajectory-parts"

        /// Whether the kind names a resource limit the program met. Which limit a program that
        /// runs away meets first (time or memory) depends on the machine's speed, so expectations
        /// about such stops may name either (``CorpusCase/ExpectedDiagnosis/anyOf(_:)``).
        public var isResourceStop: Bool { self == .tooSlow || self == .memoryLimit || self == .diskQuota }
    }

    /// The pattern.
    public var kind: Kind
    /// The sentence for the student.
    public var text: String

    /// A diagnosis of `kind` saying `text`.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// Names a constant ratio (yours / expected) of `what`, using the number of samples `samples`
    /// when it is known; `nil` for a ratio of 1. `withholdingRatio` leaves an unnamed ratio's value
    /// out of the sentence (a student's preview: it would give the expected value away).
    static func factor(_ ratio: Double, of what: String, samples: Int?, withholdingRatio: Bool = false) -> Diagnosis? {
        guard ratio.isFinite else { return nil }
        let near = { (target: Double) in Swift.abs(ratio - target) <= 1e-6 * Swift.max(1, Swift.abs(target)) }
        if near(1) { return nil }
        if let n = samples, n > 2 {
            if near(Double(n)) {
                return Diagnosis(.sumNotMean, "\(what) is N = \(n) times the expected value: consistent with a sum over the \(n) samples where the lab takes their mean.")
            }
            if near(1 / Double(n)) {
                return Diagnosis(.meanNotSum, "\(what) is 1/N of the expected value (N = \(n)): consistent with a mean where the lab sums over the samples, or a division by N too many.")
            }
        }
        if near(-1) { return Diagnosis(.signFlipped, "\(what) has the right size but the wrong sign: consistent with a sign error (e.g. t − y for y − t, or a step up the gradient).") }
        if near(0.5) { return Diagnosis(.missingFactorTwo, "\(what) is half the expected value: consistent with a factor 2 left out.") }
        if near(2) { return Diagnosis(.extraFactorTwo, "\(what) is twice the expected value: consistent with an extra factor 2.") }
        if near(0) { return Diagnosis(.zero, "\(what) is zero where the expected value is not: consistent with a term never computed or overwritten.") }
        let factor = withholdingRatio ? "the same constant factor" : "the constant factor \(Diagnosis.format(ratio))"
        return Diagnosis(.constantFactor, "\(what) is off by \(factor) (yours / expected) in every differing entry.")
    }

    /// Six significant digits.
    static func format(_ value: Double) -> String {
        String(format: "%.6g", value)
    }

    /// As many significant digits as `tolerance` needs to show a difference it counts: six for a
    /// loose one, ten for a relative 1e-9, up to seventeen.
    static func format(_ value: Double, _ tolerance: Check.ValueTolerance) -> String {
        String(format: "%.\(digits(for: tolerance))g", value)
    }

    /// The significant digits a difference at `tolerance` needs: one more than `-log10(rtol)`.
    static func digits(for tolerance: Check.ValueTolerance) -> Int {
        guard tolerance.relative > 0 else { return 17 }
        return Swift.min(17, Swift.max(6, Int((-Foundation.log10(tolerance.relative)).rounded(.up)) + 1))
    }
}

/// What a diagnosis may use about an instance: the number of samples and the lab's names for
/// the sizes, so a shape reads `(N, C) = (5, 3)` rather than `(5, 3)`.
struct DiagnosisHints: Sendable {
    /// The number of samples in the instance, when the instance has a batch.
    var samples: Int?
    /// The lab's symbols for sizes, e.g. `("N", 5), ("D", 4), ("H", 10), ("C", 3)`.
    var sizes: [(symbol: String, value: Int)] = []

    /// `(N, C) = (5, 3)` when every size has exactly one symbol, else `(5, 3)`.
    func shape(_ rows: Int, _ cols: Int) -> String {
        let names = [rows, cols].map { value -> String? in
            let symbols = Set(sizes.filter { $0.value == value }.map(\.symbol))
            return value == 1 ? "1" : (symbols.count == 1 ? symbols.first : nil)
        }
        guard let row = names[0], let col = names[1], !(row == "1" && col == "1") else { return "(\(rows), \(cols))" }
        return "(\(row), \(col)) = (\(rows), \(cols))"
    }
}

extension Array where Element == Diagnosis {
    /// The sentences, one after another; `nil` when there is none.
    var text: String? {
        isEmpty ? nil : map(\.text).joined(separator: " ")
    }

    /// These diagnoses followed by those of `other` whose kind is not here yet.
    func adding(_ other: [Diagnosis]) -> [Diagnosis] {
        self + other.filter { new in !contains { $0.kind == new.kind } }
    }
}
