// VUDriver's property check: Question 2's answer, ∂l/∂o = Jᵀ·∂l/∂y, with the student's own Question 1 derivatives.
import Foundation
import LabKit

extension VUDriver {
    /// Question 2 asks why `∂l/∂o` is not strictly needed once the two local derivatives of
    /// Question 1 are known: the chain rule builds it from them, `∂l/∂o_j = Σ_i ∂l/∂y_i · ∂y_i/∂o_j`.
    /// This calls the submission's `softmaxJacobian(o)`, `crossEntropyDerivative(y, target)` (with
    /// `y = softmax(o)`) and `outputGradient(o, target)` at one point and checks that the third is
    /// `Jᵀ` times the second, entry by entry within the check's tolerance.
    ///
    /// Published point: the fixed network's `o` and target 0. Random points: 2–8 classes, `o ~ N(0, 4)`.
    func verifyProperty(
        _ check: Check, published: Bool, random: inout NumPyRandomState, call: (OracleRequest) -> OracleCallOutcome
    ) throws -> InstanceOutcome {
        guard check.exercise == "outputGradient", let tolerance = check.tolerance else {
            throw DriverError.unsupported(
                check: check.id, reason: "the VU lab's property is the chain rule of Question 2, on outputGradient")
        }
        let o: [Double], target: Int
        if published {
            (o, target) = (Self.fixedPass.o.elements, VUFixedNetwork.target)
        } else {
            let n = random.randint(low: 2, high: 9)
            (o, target) = ((2 * random.randn(rows: 1, cols: n)).elements, random.randint(high: n))
        }
        let n = o.count
        let jacobian: Matrix, dLdy: [Double], dLdo: [Double]
        do {
            jacobian = try answer("softmaxJacobian", [("o", o)], as: Matrix.self, call: call)
            dLdy = try answer("crossEntropyDerivative", [("y", Self.softmax(o)), ("target", target)], as: [Double].self, call: call)
            dLdo = try answer("outputGradient", [("o", o), ("target", target)], as: [Double].self, call: call)
        } catch let outcome as InstanceOutcome {
            return outcome
        }
        guard jacobian.rows == n, jacobian.cols == n, dLdy.count == n, dLdo.count == n else {
            return InstanceOutcome(
                status: .fail,
                message: "with \(n) classes expected a (\(n), \(n)) Jacobian and two vectors of \(n); got \(jacobian.shapeDescription), "
                    + "\(dLdy.count) and \(dLdo.count) entries")
        }
        let chained = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + dLdy[$1] * jacobian[$1, j] } }
        let wrong = (0..<n).filter { j in
            !(abs(dLdo[j] - chained[j]) <= tolerance.absolute + tolerance.relative * abs(chained[j]))
        }
        guard let first = wrong.first else { return .pass }
        return InstanceOutcome(
            status: .fail,
            message: "outputGradient(o, target: \(target)) does not equal Jᵀ·∂l/∂y built from your softmaxJacobian and "
                + "crossEntropyDerivative in \(wrong.count) of \(n) entries; entry \(first): yours \(format(dLdo[first])), "
                + "chain rule \(format(chained[first]))",
            diagnosis: Diagnosis(
                .inconsistent, "Question 2: ∂l/∂o_j = Σ_i ∂l/∂y_i · ∂y_i/∂o_j. "
                    + "If your outputGradient is right, one of the Question 1 derivatives is not."))
    }

    /// The submission's answer to `exercise`, or the ``InstanceOutcome`` that ends the instance, naming the exercise.
    private func answer<T: Decodable>(
        _ exercise: String, _ arguments: [(String, any Encodable)], as type: T.Type, call: (OracleRequest) -> OracleCallOutcome
    ) throws -> T {
        let outcome = call(try OracleRequest(exercise, arguments: arguments))
        if var failure = InstanceOutcome.failure(of: outcome) {
            failure.message = "\(exercise): \(failure.message)"
            throw failure
        }
        guard case .success(let reply) = outcome, let value = try? reply.value(T.self) else {
            throw InstanceOutcome(status: .fail, message: "\(exercise) returned a value of the wrong type")
        }
        return value
    }

    private func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
