// GradientCheck: the labs' numerical-gradient helpers (central differences and relative error).

/// Numerical gradients and the relative-error measure the labs use to check backpropagation.
public enum GradientCheck {
    /// The gradient of `f` at `x` by central differences, `(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h`,
    /// one entry at a time in row-major order.
    ///
    /// HLCV's and CS231n's `eval_numerical_gradient(f, x, h=1e-5)`. The truncation error is
    /// O(h²·f‴); with `h = 1e-5` in Float64 the round-off is about `1e-16·|f| / h`.
    public static func numericalGradient(
        at x: Matrix, step h: Double = 1e-5, of f: (Matrix) throws -> Double
    ) rethrows -> Matrix {
        var gradient = Matrix.zeros(like: x)
        var probe = x
        for k in 0..<x.count {
            let original = probe.elements[k]
            probe.elements[k] = original + h
            let plus = try f(probe)
            probe.elements[k] = original - h
            let minus = try f(probe)
            probe.elements[k] = original
            gradient.elements[k] = (plus - minus) / (2 * h)
        }
        return gradient
    }

    /// `max |a − b| / max(1e-8, |a| + |b|)` over all entries, the labs' `rel_error`.
    ///
    /// Two gradients that agree to about 1e-8 or better are usually both right. Stops unless the
    /// shapes match.
    public static func relativeError(_ a: Matrix, _ b: Matrix) -> Double {
        LabKitFailure.requireSameShape(a, b, "relativeError")
        var worst = 0.0
        for (x, y) in zip(a.elements, b.elements) {
            worst = Swift.max(worst, Swift.abs(x - y) / Swift.max(1e-8, Swift.abs(x) + Swift.abs(y)))
        }
        return worst
    }
}
