// VectorMath: exp, log and the logistic sigmoid over whole buffers, eight entries at a time.

/// Elementwise `exp`, `log` and `sigmoid` on `Double` buffers, written with `SIMD8<Double>`.
///
/// Both follow fdlibm's (Sun, 1993) reductions with its polynomial coefficients:
///
/// - `exp(x)`: `x = k·ln 2 + r` with `|r| ≤ ½ ln 2` (Cody–Waite, `ln 2` split in two so `k·ln2hi`
///   is exact), `e^r = 1 + r + r·c / (2 − c)` with `c = r − r²·P(r²)`, then `2^k` applied as two
///   exact powers of two, so overflow gives `+∞` and results below `2^−1022` round gradually.
/// - `log(x)`: `x = 2^k·m` with `m ∈ [√2/2, √2)` (subnormals scaled by `2^54` first), `f = m − 1`,
///   `s = f / (2 + f)`, `log m = f − ½f² + s·(½f² + R(s²))`, plus `k·ln 2` in two parts.
///
/// Accuracy: within 1 ulp of glibc's correctly rounded `exp` and `log` (tested over millions of
/// points and the edges), with IEEE results at the edges: `exp(±0) = 1`, `exp(+∞) = +∞`,
/// `exp(−∞) = 0`, `exp(NaN) = NaN`, overflow above 709.782712893384, `0` below −745.1332;
/// `log(0) = −∞`, `log(x < 0) = NaN`, `log(+∞) = +∞`, `log(NaN) = NaN`.
public enum VectorMath {
    /// `output[i] = exp(input[i])`; the buffers may be the same.
    public static func exp(_ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        apply(input, output, exp8)
    }

    /// `output[i] = log(input[i])`; the buffers may be the same.
    public static func log(_ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        apply(input, output, log8)
    }

    /// `output[i] = 1 / (1 + exp(−input[i]))`, in `[0, 1]` for every finite input; the buffers may be the same.
    public static func sigmoid(_ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        apply(input, output) { x in 1 / (1 + exp8(-x)) }
    }

    /// Runs `body` on full blocks of eight, then once more on the tail padded with zeros.
    @inline(__always)
    private static func apply(
        _ input: UnsafeBufferPointer<Double>, _ output: UnsafeMutableBufferPointer<Double>, _ body: (SIMD8<Double>) -> SIMD8<Double>
    ) {
        precondition(input.count == output.count, "VectorMath: \(input.count) inputs for \(output.count) outputs")
        let count = input.count, whole = count & ~7
        var i = 0
        while i < whole {
            let x = SIMD8<Double>(input[i..<(i + 8)])
            let y = body(x)
            for lane in 0..<8 { output[i + lane] = y[lane] }
            i += 8
        }
        if i < count {
            var x = SIMD8<Double>(repeating: 0)
            for lane in 0..<(count - i) { x[lane] = input[i + lane] }
            let y = body(x)
            for lane in 0..<(count - i) { output[i + lane] = y[lane] }
        }
    }

    // MARK: - exp

    private static let ln2Hi = 6.93147180369123816490e-01
    private static let ln2Lo = 1.90821492927058770002e-10

    @inline(__always)
    static func exp8(_ x: SIMD8<Double>) -> SIMD8<Double> {
        // Beyond ±1100 every result is 0 or +∞ already; clamping keeps k within Int64 and 2^k exact.
        let clamped = x.clamped(lowerBound: SIMD8(repeating: -1100), upperBound: SIMD8(repeating: 1100))
        let k = (clamped * 1.4426950408889634).rounded(.toNearestOrEven)
        let hi = clamped - k * ln2Hi
        let lo = k * ln2Lo
        let r = hi - lo
        let t = r * r
        var p = t * SIMD8<Double>(repeating: 4.13813679705723846039e-08) + SIMD8<Double>(repeating: -1.65339022054652515390e-06)
        p = t * p + SIMD8<Double>(repeating: 6.61375632143793436117e-05)
        p = t * p + SIMD8<Double>(repeating: -2.77777777770155933842e-03)
        p = t * p + SIMD8<Double>(repeating: 1.66666666666666019037e-01)
        let c = r - t * p
        let one = SIMD8<Double>(repeating: 1), two = SIMD8<Double>(repeating: 2)
        let y = one - ((lo - (r * c) / (two - c)) - hi)
        // 2^k as two powers of two, each a normal double, so 2^k·y over- and underflows as it should.
        let kInt = SIMD8<Int64>(k, rounding: .towardZero)
        let half = kInt / 2
        var result = y * powerOfTwo(half) * powerOfTwo(kInt &- half)
        // NaN in, NaN out (the clamp above does not keep it).
        result.replace(with: x, where: x .!= x)
        return result
    }

    /// `2^k` for `k` in −1022…1023, from its exponent bits.
    @inline(__always)
    private static func powerOfTwo(_ k: SIMD8<Int64>) -> SIMD8<Double> {
        unsafeBitCast((k &+ 1023) &<< 52, to: SIMD8<Double>.self)
    }

    // MARK: - log

    @inline(__always)
    static func log8(_ x: SIMD8<Double>) -> SIMD8<Double> {
        // Subnormals: scale by 2^54 first and take 54 off the exponent.
        let tiny = x .< 2.2250738585072014e-308
        let scaled = x.replacing(with: x * 18014398509481984.0, where: tiny)
        var bits = unsafeBitCast(scaled, to: SIMD8<Int64>.self)
        var k = ((bits &>> 52) & 0x7ff) &- 1023
        k.replace(with: k &- 54, where: tiny)
        // The mantissa m in [1, 2); then into [√2/2, √2) by moving one factor of two into k.
        bits = (bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000
        var m = unsafeBitCast(bits, to: SIMD8<Double>.self)
        let big = m .> 1.4142135623730951
        m.replace(with: m * 0.5, where: big)
        k.replace(with: k &+ 1, where: big)
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        var odd = w * SIMD8<Double>(repeating: 1.531383769920937332e-01) + SIMD8<Double>(repeating: 2.222219843214978396e-01)
        odd = w * odd + SIMD8<Double>(repeating: 3.999999999940941908e-01)
        let t1 = w * odd
        var even = w * SIMD8<Double>(repeating: 1.479819860511658591e-01) + SIMD8<Double>(repeating: 1.818357216161805012e-01)
        even = w * even + SIMD8<Double>(repeating: 2.857142874366239149e-01)
        even = w * even + SIMD8<Double>(repeating: 6.666666666666735130e-01)
        let t2 = z * even
        let r = t2 + t1
        let hfsq = SIMD8<Double>(repeating: 0.5) * f * f
        let dk = SIMD8<Double>(k)
        let tail = s * (hfsq + r) + dk * SIMD8<Double>(repeating: ln2Lo)
        var result = dk * SIMD8<Double>(repeating: ln2Hi) - ((hfsq - tail) - f)
        result.replace(with: -.infinity, where: x .== 0)
        result.replace(with: .nan, where: x .< 0)
        result.replace(with: x, where: (x .== .infinity) .| (x .!= x))
        return result
    }
}
