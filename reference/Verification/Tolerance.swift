// Tolerance: how close a computed value must be to a published one, and how that is judged.
import Foundation

/// A rule that accepts or rejects computed values against expected ones.
public enum Tolerance: Sendable, Equatable, CustomStringConvertible {
    /// NumPy's `allclose`: every `|computed − expected| ≤ absolute + relative·|expected|`.
    case close(relative: Double, absolute: Double)
    /// The sum of `|computed − expected|` over all entries is below the bound (HLCV's score check).
    case sumOfAbsoluteDifferences(below: Double)
    /// Every computed value is strictly below the bound; `expected` is the bound itself
    /// (a lab target such as "loss below 0.02" or "relative error below 1e-8").
    case below(Double)

    /// Values that differ only by round-off in a deterministic computation (rtol 1e-12).
    public static let roundOff = Tolerance.close(relative: 1e-12, absolute: 1e-15)

    /// Whether `computed` satisfies the rule against `expected` (same count required, NaN never passes).
    public func accepts(_ computed: [Double], expected: [Double]) -> Bool {
        switch self {
        case .close(let relative, let absolute):
            guard computed.count == expected.count else { return false }
            return zip(computed, expected).allSatisfy { c, e in Swift.abs(c - e) <= absolute + relative * Swift.abs(e) }
        case .sumOfAbsoluteDifferences(let bound):
            guard computed.count == expected.count else { return false }
            return zip(computed, expected).reduce(0) { $0 + Swift.abs($1.0 - $1.1) } < bound
        case .below(let bound):
            return !computed.isEmpty && computed.allSatisfy { $0 < bound }
        }
    }

    /// The rule in words, e.g. `rtol 1e-12, atol 1e-15`.
    public var description: String {
        switch self {
        case .close(let relative, let absolute): return "rtol \(relative.shortText), atol \(absolute.shortText)"
        case .sumOfAbsoluteDifferences(let bound): return "Σ|Δ| < \(bound.shortText)"
        case .below(let bound): return "< \(bound.shortText)"
        }
    }
}

extension Double {
    /// Compact text for tolerances: `1e-12`, `0.02`.
    var shortText: String { String(format: "%g", self) }
}
