// UppsalaToyGradientProperty: the toy notebook's own check — backpropagated derivatives agree with
// finite differences of the loss — run on the submission's three toy exercises.
import Foundation
import LabKit

/// Task 3.2's finite-difference check: the submission's `toyForwardPass → toyBackwardPass →
/// toyParameterGradients` chain must agree with central differences of its own `toyForwardPass` loss
/// in every one of the eight parameters. The toy model's parameters are scalars, which the generic
/// gradient check (built on matrix parameters) cannot perturb, so the driver judges this itself.
struct UppsalaToyGradientProperty {
    /// The point checked.
    let problem: UppsalaProblems.Toy
    /// Accepted `|a − n| ≤ absolute + relative·max(|a|, |n|)`.
    let tolerance: Check.ValueTolerance
    /// The central-difference step, relative to `max(1, |θ|)`.
    var step = 1e-6

    /// Runs the chain and the sixteen perturbed forward passes through `call`.
    func verify(call: (OracleRequest) -> OracleCallOutcome) -> InstanceOutcome {
        let (x, y, parameters) = (problem.x, problem.y, problem.parameters)
        do {
            let forward: UppsalaToyForwardPass = try value(
                call, try UppsalaDriver.request("toyForwardPass", ("x", x), ("y", y), ("parameters", parameters)))
            let backward: UppsalaToyBackwardPass = try value(
                call, try UppsalaDriver.request("toyBackwardPass", ("forward", forward), ("y", y), ("parameters", parameters)))
            let analytic: UppsalaToyParameters = try value(
                call,
                try UppsalaDriver.request("toyParameterGradients", ("forward", forward), ("backward", backward), ("x", x)))
            var wrong = [String]()
            for (index, name) in parameters.named.map(\.name).enumerated() {
                let h = step * Swift.max(1, Swift.abs(parameters.values[index]))
                let plus = try loss(call, shifting: index, by: h), minus = try loss(call, shifting: index, by: -h)
                let numerical = (plus - minus) / (2 * h)
                let a = analytic.values[index]
                let roundOff = 16 * Double.ulpOfOne * Swift.max(Swift.abs(plus), Swift.abs(minus)) / h
                let bound = tolerance.absolute + roundOff + tolerance.relative * Swift.max(Swift.abs(a), Swift.abs(numerical))
                if !(Swift.abs(a - numerical) <= bound) {
                    wrong.append("dld\(name): yours \(format(a)), finite differences of your loss \(format(numerical))")
                }
            }
            guard !wrong.isEmpty else { return .pass }
            return InstanceOutcome(
                status: .fail,
                message: "\(wrong.count) of 8 derivatives disagree with central differences of your toyForwardPass loss "
                    + "at x \(format(x)), y \(format(y)): " + wrong.prefix(3).joined(separator: "; "))
        } catch let failure as Failure {
            return failure.outcome
        } catch {
            return InstanceOutcome(status: .error, message: "\(error)")
        }
    }

    /// `ℓ` of the submission's forward pass with parameter `index` moved by `h`.
    private func loss(_ call: (OracleRequest) -> OracleCallOutcome, shifting index: Int, by h: Double) throws -> Double {
        var values = problem.parameters.values
        values[index] += h
        let request = try UppsalaDriver.request(
            "toyForwardPass", ("x", problem.x), ("y", problem.y), ("parameters", UppsalaToyParameters(values: values)))
        let forward: UppsalaToyForwardPass = try value(call, request)
        guard forward.loss.isFinite else {
            throw Failure(outcome: InstanceOutcome(status: .fail, message: "your toyForwardPass loss is \(forward.loss)"))
        }
        return forward.loss
    }

    /// The reply to `request` decoded as `T`, or a ``Failure`` carrying why there is none.
    private func value<T: Decodable>(_ call: (OracleRequest) -> OracleCallOutcome, _ request: OracleRequest) throws -> T {
        let outcome = call(request)
        if let failure = InstanceOutcome.failure(of: outcome) {
            throw Failure(outcome: InstanceOutcome(
                status: failure.status, message: "\(request.exercise): \(failure.message)"))
        }
        do {
            return try outcome.get().value(T.self)
        } catch {
            throw Failure(outcome: InstanceOutcome(
                status: .fail, message: "\(request.exercise) returned an unreadable value: \(error)"))
        }
    }

    /// Ends the check early with an outcome.
    private struct Failure: Error {
        let outcome: InstanceOutcome
    }

    private func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
