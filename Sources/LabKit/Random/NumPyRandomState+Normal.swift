// Gaussian draws of NumPyRandomState: NumPy's legacy polar method with its one-value cache.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NumPyRandomState {
    /// One draw from the standard normal distribution N(0, 1).
    ///
    /// NumPy: `np.random.standard_normal()` / `np.random.randn()` (`legacy_gauss`). The
    /// Marsaglia polar method draws pairs `x1 = 2u − 1`, `x2 = 2u − 1` until
    /// `0 < r² = x1² + x2² < 1`, then with `f = √(−2 ln r² / r²)` returns `f · x2` and keeps
    /// `f · x1` for the next call. The kept value survives uniform and integer draws in between;
    /// only `seed(_:)` discards it.
    public mutating func standardNormal() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1: Double
        var x2: Double
        var r2: Double
        repeat {
            x1 = 2.0 * randomSample() - 1.0
            x2 = 2.0 * randomSample() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        // The C library's `log` and `sqrt`, as NumPy's C code calls them, keep the last bit equal.
        let f = sqrt(-2.0 * log(r2) / r2)
        cachedGaussian = f * x1
        return f * x2
    }

    /// `count` standard normal draws.
    ///
    /// NumPy: `np.random.standard_normal(count)` or `np.random.randn(count)`.
    public mutating func standardNormal(count: Int) -> [Double] {
        draws(count: count, "standardNormal(count: \(count))") { $0.standardNormal() }
    }

    /// A `rows × cols` matrix of standard normal draws, filled row by row (C order).
    ///
    /// NumPy: `np.random.randn(rows, cols)`. HLCV's `std * np.random.randn(D, H)` is
    /// `rng.randn(rows: D, cols: H)` with every entry multiplied by `std`.
    public mutating func randn(rows: Int, cols: Int) -> Matrix {
        drawMatrix(rows: rows, cols: cols, "randn(rows: \(rows), cols: \(cols))") { $0.standardNormal() }
    }

    /// One draw from N(loc, scale²), computed as `loc + scale · standardNormal()`.
    ///
    /// NumPy: `np.random.normal(loc, scale)` (`legacy_normal`). Stops when `scale` is negative,
    /// including `-0.0`, where NumPy raises "scale < 0"; a NaN scale passes, as in NumPy.
    public mutating func normal(loc: Double = 0, scale: Double = 1) -> Double {
        Self.requireScale(scale, "normal(loc: \(loc), scale: \(scale))")
        return loc + scale * standardNormal()
    }

    /// `count` draws from N(loc, scale²).
    ///
    /// NumPy: `np.random.normal(loc, scale, size=count)`.
    public mutating func normal(loc: Double = 0, scale: Double = 1, count: Int) -> [Double] {
        let call = "normal(loc: \(loc), scale: \(scale), count: \(count))"
        Self.requireScale(scale, call)
        return draws(count: count, call) { loc + scale * $0.standardNormal() }
    }

    /// A `rows × cols` matrix of draws from N(loc, scale²), filled row by row (C order).
    ///
    /// NumPy: `np.random.normal(loc, scale, size=(rows, cols))`; with the defaults it is
    /// `np.random.normal(size=(rows, cols))`, as in the UDL and Uppsala notebooks.
    public mutating func normal(loc: Double = 0, scale: Double = 1, rows: Int, cols: Int) -> Matrix {
        let call = "normal(loc: \(loc), scale: \(scale), rows: \(rows), cols: \(cols))"
        Self.requireScale(scale, call)
        return drawMatrix(rows: rows, cols: cols, call) { loc + scale * $0.standardNormal() }
    }

    /// NumPy checks the sign bit rather than `< 0`, so `-0.0` is refused and NaN is let through.
    private static func requireScale(_ scale: Double, _ call: @autoclosure () -> String) {
        LabKitFailure.require(scale.isNaN || scale.sign == .plus, "\(call()): scale < 0")
    }
}
