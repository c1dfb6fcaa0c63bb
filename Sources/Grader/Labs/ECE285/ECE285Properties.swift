// ECE285Properties: the identities ECE 285 Assignment 1 asks students to check — softmaxp and relup
// as directional derivatives of their own softmax and relu (Questions 11–12), and update_shallow
// as a gradient step on the cross-entropy (Question 17).
import Foundation
import LabKit
import Reference

/// Judges ECE 285's property checks, calling the submission only through `call`.
enum ECE285Properties {
    typealias Call = (OracleRequest) -> OracleCallOutcome

    static func verify(_ check: Check, published: Bool, random: inout NumPyRandomState, call: Call) throws -> InstanceOutcome {
        let tolerance = check.tolerance ?? Check.ValueTolerance(relative: 1e-6, absolute: 1e-8)
        switch check.exercise {
        case "softmaxp": return directionalDerivative(of: .softmax, published: published, tolerance, &random, call)
        case "relup": return directionalDerivative(of: .relu, published: published, tolerance, &random, call)
        case "updateShallow": return try ECE285GradientStep.verify(published: published, tolerance, &random, call)
        default: throw DriverError.unsupported(check: check.id, reason: "no property for \(check.exercise)")
        }
    }

    /// An activation whose derivative exercise is checked against finite differences of the activation.
    enum Activation: String {
        case softmax, relu

        /// The derivative exercise, `softmaxp` or `relup`.
        var derivative: String { self == .softmax ? "softmaxp" : "relup" }
    }

    /// Questions 11–12: `δ = g'(a)ᵀ e` equals `(g(a + εe) − g(a − εe)) / 2ε` of the student's own `g`.
    ///
    /// The lab takes a forward difference; a central one is used here so that its error (ε² for
    /// softmax, round-off only for ReLU) sits far below the tolerance. ReLU points stay at least
    /// 0.1 from the kink, where ReLU has no derivative to compare with.
    private static func directionalDerivative(
        of activation: Activation, published: Bool, _ tolerance: Check.ValueTolerance, _ random: inout NumPyRandomState,
        _ call: Call
    ) -> InstanceOutcome {
        var (a, e) = ECE285ActivationProbe.inputs()
        if !published {
            let rows = random.randint(low: 2, high: 13), cols = random.randint(low: 1, high: 7)
            a = 3 * random.randn(rows: rows, cols: cols)
            e = random.randn(rows: rows, cols: cols)
        }
        if activation == .relu { a = a.map { Swift.abs($0) < 0.1 ? ($0 < 0 ? -0.1 : 0.1) + $0 : $0 } }
        let eps = 1e-5
        do {
            let delta = try matrix(call(OracleRequest(activation.derivative, ("a", a), ("e", e))))
            let plus = try matrix(call(OracleRequest(activation.rawValue, ("a", a + eps * e))))
            let minus = try matrix(call(OracleRequest(activation.rawValue, ("a", a - eps * e))))
            for (name, value) in [(activation.derivative, delta), (activation.rawValue, plus), (activation.rawValue, minus)]
            where value.rows != a.rows || value.cols != a.cols {
                return InstanceOutcome(
                    status: .fail, message: "\(name) returned shape \(value.shapeDescription) for an input of shape \(a.shapeDescription)")
            }
            let difference = (plus - minus) / (2 * eps)
            guard delta.isFinite, difference.isFinite else {
                return InstanceOutcome(
                    status: .fail, message: "\(activation.derivative)(a, e) or the finite difference of your \(activation.rawValue) "
                        + "is NaN or infinite on entries of size \(String(format: "%.3g", a.abs().max()))")
            }
            let errors = (delta - difference).abs()
            let worst = errors.argmax()
            let bound = tolerance.absolute + tolerance.relative * difference.abs().max()
            guard errors.elements[worst] > bound else { return .pass }
            return InstanceOutcome(
                status: .fail,
                message: "\(activation.derivative)(a, e) is not the directional derivative of your \(activation.rawValue) at a "
                    + "in the direction e: at [\(worst / a.cols), \(worst % a.cols)] yours is \(format(delta.elements[worst])), "
                    + "(\(activation.rawValue)(a + εe) − \(activation.rawValue)(a − εe)) / 2ε with ε = 1e-5 gives "
                    + "\(format(difference.elements[worst])) (largest difference \(format(errors.elements[worst])), allowed "
                    + "\(format(bound)))")
        } catch let failure as InstanceFailure {
            return failure.outcome
        } catch {
            return InstanceOutcome(status: .fail, message: "\(error)")
        }
    }

    /// A call that gave no usable value, as the instance's outcome.
    struct InstanceFailure: Error {
        var outcome: InstanceOutcome
    }

    /// The matrix a call returned, or the outcome that replaces it.
    static func matrix(_ outcome: OracleCallOutcome) throws -> Matrix {
        try value(outcome, as: Matrix.self)
    }

    /// The value of type `T` a call returned, or the outcome that replaces it.
    static func value<T: Decodable>(_ outcome: OracleCallOutcome, as type: T.Type) throws -> T {
        if let failure = InstanceOutcome.failure(of: outcome) { throw InstanceFailure(outcome: failure) }
        do {
            return try outcome.get().value(T.self)
        } catch {
            throw InstanceFailure(outcome: InstanceOutcome(status: .fail, message: "the result could not be read as \(T.self): \(error)"))
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
