// GradientDiagnosis: reads a wrong gradient's pattern off the probes, as "consistent with …".
import Foundation

/// Fits `analytic ≈ α·numerical + β·θ` over the probes of one parameter and names what the fit
/// means: a batch-size factor, a sign, a missing 2, a missing or halved L2 term.
enum GradientDiagnosis {
    /// A hint, or `nil` when the fit explains nothing cleanly (never a guess stated as fact).
    static func hint(
        parameter: String, analytic: [Double], numerical: [Double], theta: [Double], reg: Double?, batchSize: Int?
    ) -> Diagnosis? {
        guard analytic.count >= 2, analytic.count == numerical.count, numerical.contains(where: { $0 != 0 }) else { return nil }
        let usesTheta = reg != nil && reg! > 0 && theta.count == analytic.count && theta.contains { $0 != 0 }
        let (alpha, beta) = usesTheta ? fit2(analytic, numerical, theta) : (fit1(analytic, numerical), 0)
        let residual = zip(analytic.indices, analytic).map { i, a in a - alpha * numerical[i] - (usesTheta ? beta * theta[i] : 0) }
        let norm = analytic.reduce(0) { $0 + $1 * $1 }
        guard residual.reduce(0, { $0 + $1 * $1 }) <= 1e-8 * Swift.max(norm, 1e-300) else { return nil }
        let near = { (x: Double, target: Double) in Swift.abs(x - target) <= 1e-3 * Swift.max(1, Swift.abs(target)) }
        let name = "d\(parameter)"
        if let reg, usesTheta, near(alpha, 1) {
            if near(beta, -2 * reg) { return Diagnosis(.regularisationMissing, "\(name) is consistent with the regularisation gradient 2·reg·\(parameter) missing.") }
            if near(beta, -reg) { return Diagnosis(.regularisationHalved, "\(name) is consistent with reg·\(parameter) where the penalty reg·‖\(parameter)‖² has gradient 2·reg·\(parameter).") }
            if near(beta, 2 * reg) { return Diagnosis(
                    .regularisationExtra, "\(name) has 2·reg·\(parameter) more than the gradient of your loss: consistent with the "
                        + "penalty missing from the loss, or its gradient counted twice.") }
            if !near(beta, 0) { return Diagnosis(
                    .regularisationFactor, "\(name) is the gradient of your loss plus \(format(beta))·\(parameter) in every probe "
                        + "(the penalty reg·‖\(parameter)‖² with reg = \(format(reg)) has gradient \(format(2 * reg))·\(parameter)): "
                        + "consistent with a term in \(parameter) that your loss does not have, or a penalty gradient with another factor.") }
        }
        // No data term left: yours is a multiple of the parameter alone.
        if usesTheta, near(alpha, 0), !near(beta, 0) {
            let penalty = reg.map { near(beta, 2 * $0) ? " — the penalty's 2·reg·\(parameter) alone" : "" } ?? ""
            return Diagnosis(
                .dataTermMissing, "\(name) is \(format(beta))·\(parameter) in every probe\(penalty): consistent with the data "
                    + "term's gradient never computed or overwritten, while the penalty's part remains.")
        }
        if let n = batchSize, n > 1 {
            if near(alpha, Double(n)) { return Diagnosis(.sumNotMean, "\(name) is consistent with a sum over the batch where the loss takes the mean: \(n)× too large (divide by N = \(n)).") }
            if near(alpha, 1 / Double(n)) { return Diagnosis(.meanNotSum, "\(name) is consistent with dividing by the batch size N = \(n) once too often.") }
        }
        if near(alpha, -1) { return Diagnosis(.signFlipped, "\(name) has the right size but the wrong sign in every probe.") }
        if near(alpha, 0.5) { return Diagnosis(.missingFactorTwo, "\(name) is consistent with a missing factor 2 (half the numerical gradient).") }
        if near(alpha, 2) { return Diagnosis(.extraFactorTwo, "\(name) is consistent with an extra factor 2 (twice the numerical gradient).") }
        if near(alpha, 0) { return Diagnosis(.zero, "\(name) is zero where the numerical gradient is not: consistent with a term never computed or overwritten.") }
        if !near(alpha, 1) { return Diagnosis(.constantFactor, "\(name) is consistent with a constant factor of \(String(format: "%.4g", alpha)) (yours / numerical).") }
        return nil
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.4g", value)
    }

    private static func fit1(_ a: [Double], _ n: [Double]) -> Double {
        let nn = n.reduce(0) { $0 + $1 * $1 }
        return zip(a, n).reduce(0) { $0 + $1.0 * $1.1 } / nn
    }

    private static func fit2(_ a: [Double], _ n: [Double], _ t: [Double]) -> (Double, Double) {
        let nn = n.reduce(0) { $0 + $1 * $1 }, tt = t.reduce(0) { $0 + $1 * $1 }
        let nt = zip(n, t).reduce(0) { $0 + $1.0 * $1.1 }
        let an = zip(a, n).reduce(0) { $0 + $1.0 * $1.1 }, at = zip(a, t).reduce(0) { $0 + $1.0 * $1.1 }
        let det = nn * tt - nt * nt
        guard Swift.abs(det) > 1e-14 * nn * tt else { return (fit1(a, n), 0) }
        return ((an * tt - at * nt) / det, (at * nn - an * nt) / det)
    }
}
