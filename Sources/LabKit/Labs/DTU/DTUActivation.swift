// DTUActivation: the non-linear functions h_l the DTU pen-and-paper lab puts after each layer.
import Foundation

/// A layer's activation function `h_l`, applied to the pre-activations `a⁽ˡ⁾` (Eq. 2 and 5).
///
/// The lab keeps `h_l` generic; these are the functions it uses: `tanh` in the hidden layer of
/// Figure 5.3, the linear output `h_L(a) = a` of regression (Exercise k), and the softmax output of
/// classification. The logistic sigmoid is Bishop's hidden-unit function in §5.1, whose Figure 5.1
/// the lab draws. Softmax mixes the units of a sample, so it is only an output activation.
public enum DTUActivation: String, Sendable, Hashable, Codable, CaseIterable {
    /// `h(a) = a`, the linear output of regression.
    case identity
    /// `h(a) = tanh a`, the hidden units of Figure 5.3.
    case tanh
    /// `h(a) = σ(a) = 1 / (1 + e^{−a})`, Bishop's hidden units.
    case logisticSigmoid
    /// `y_k = exp(a_k) / Σ_j exp(a_j)` over the units of one sample, the classification output.
    case softmax

    /// Whether `h` acts on each unit alone, so that `h'(a_j)` in Eq. 9 exists (all but softmax).
    public var isElementwise: Bool { self != .softmax }

    /// `z = h(a)` for pre-activations `a` with one sample per row.
    ///
    /// Softmax normalises each row; it subtracts the row's maximum first, which leaves the result
    /// unchanged and keeps `exp` from overflowing.
    public func apply(_ a: Matrix) -> Matrix {
        switch self {
        case .identity: return a
        case .tanh: return a.tanh()
        case .logisticSigmoid: return a.map { 1 / (1 + Foundation.exp(-$0)) }
        case .softmax:
            let shifted = exp(a - a.max(axis: 1))
            return shifted / shifted.sum(axis: 1)
        }
    }

    /// `h'(a)`, entry by entry, for an elementwise `h` (the factor `h'_l(a_j⁽ˡ⁾)` of Eq. 9).
    ///
    /// `identity` gives 1, `tanh` gives `1 − tanh² a`, the sigmoid gives `σ(a)(1 − σ(a))`.
    /// Softmax has no entrywise derivative: calling this on `.softmax` stops the program, because
    /// the lab only ever differentiates a softmax output through the cross-entropy (Exercise i).
    public func derivative(_ a: Matrix) -> Matrix {
        switch self {
        case .identity: return a.map { _ in 1 }
        case .tanh: return a.map { 1 - Foundation.tanh($0) * Foundation.tanh($0) }
        case .logisticSigmoid:
            return a.map { value in
                let s = 1 / (1 + Foundation.exp(-value))
                return s * (1 - s)
            }
        case .softmax:
            LabKitFailure.fail(
                "DTUActivation.softmax has no entrywise derivative; use softmax only as the output "
                    + "activation with the cross-entropy loss, whose δ⁽ᴸ⁾ is y − t (Exercise i)")
        }
    }
}
