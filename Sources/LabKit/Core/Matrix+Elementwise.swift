// Elementwise functions of a matrix: map, exp, log, sqrt, abs, clamping and squares.
import Foundation

extension Matrix {
    /// A matrix of `transform` applied to every entry. NumPy: `np.vectorize(transform)(a)`.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        var out = elements
        try out.withUnsafeMutableBufferPointer { o in
            for k in 0..<o.count { o[k] = try transform(o[k]) }
        }
        return Matrix(rows: rows, cols: cols, elements: out)
    }

    /// Applies `transform` to every entry in place.
    public mutating func apply(_ transform: (Double) throws -> Double) rethrows {
        try elements.withUnsafeMutableBufferPointer { o in
            for k in 0..<o.count { o[k] = try transform(o[k]) }
        }
    }

    /// `e^x` entrywise. NumPy: `np.exp(a)`; overflows to `+inf` above about 709.78. Computed eight
    /// entries at a time (``VectorMath``), within one ulp of the C library's `exp`.
    public func exp() -> Matrix { vectorised(VectorMath.exp) }
    /// Natural logarithm entrywise. NumPy: `np.log(a)`; `log(0) = -inf`, negative entries give NaN.
    /// Computed eight entries at a time (``VectorMath``), within one ulp of the C library's `log`.
    public func log() -> Matrix { vectorised(VectorMath.log) }
    /// The logistic sigmoid `1 / (1 + e^−x)` entrywise, in `[0, 1]` for every input.
    /// NumPy: `1 / (1 + np.exp(-a))` (without its overflow warning at −710).
    public func sigmoid() -> Matrix { vectorised(VectorMath.sigmoid) }

    /// `e^x` of every entry, in place. NumPy: `np.exp(a, out=a)`.
    public mutating func formExp() { formVectorised(VectorMath.exp) }
    /// The natural logarithm of every entry, in place. NumPy: `np.log(a, out=a)`.
    public mutating func formLog() { formVectorised(VectorMath.log) }
    /// The logistic sigmoid of every entry, in place.
    public mutating func formSigmoid() { formVectorised(VectorMath.sigmoid) }

    private func vectorised(_ function: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) -> Matrix {
        let values = [Double](unsafeUninitializedCapacity: count) { out, initialized in
            elements.withUnsafeBufferPointer { function($0, out) }
            initialized = count
        }
        return Matrix(rows: rows, cols: cols, elements: values)
    }

    private mutating func formVectorised(_ function: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) {
        elements.withUnsafeMutableBufferPointer { buffer in function(UnsafeBufferPointer(buffer), buffer) }
    }
    /// Square root entrywise. NumPy: `np.sqrt(a)`; negative entries give NaN.
    public func sqrt() -> Matrix { map(Foundation.sqrt) }
    /// Absolute value entrywise. NumPy: `np.abs(a)`.
    public func abs() -> Matrix { map(Swift.abs) }
    /// Hyperbolic tangent entrywise. NumPy: `np.tanh(a)`.
    public func tanh() -> Matrix { map(Foundation.tanh) }
    /// Each entry squared. NumPy: `a ** 2`.
    public func squared() -> Matrix { map { $0 * $0 } }
    /// Each entry raised to `p`. NumPy: `a ** p`.
    public func power(_ p: Double) -> Matrix { map { Foundation.pow($0, p) } }

    /// Entries below `lower` raised to it; ReLU is `z.clamp(min: 0)`. NumPy: `np.maximum(a, lower)`.
    /// NaN entries stay NaN.
    public func clamp(min lower: Double) -> Matrix { map { $0 < lower ? lower : $0 } }

    /// Entries limited to `lower...upper`. NumPy: `np.clip(a, lower, upper)`. NaN entries stay NaN.
    public func clamp(min lower: Double, max upper: Double) -> Matrix {
        map { $0 < lower ? lower : ($0 > upper ? upper : $0) }
    }

    /// The sum of the squared entries, `‖a‖²` (squared Frobenius norm). NumPy: `np.sum(a * a)`.
    public func sumOfSquares() -> Double {
        elements.withUnsafeBufferPointer { p in p.reduce(0) { $0 + $1 * $1 } }
    }

    /// Whether every entry is finite (no NaN, no ±inf). NumPy: `np.all(np.isfinite(a))`.
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }
}

/// `e^x` entrywise. NumPy: `np.exp(a)`.
public func exp(_ a: Matrix) -> Matrix { a.exp() }
/// Natural logarithm entrywise. NumPy: `np.log(a)`.
public func log(_ a: Matrix) -> Matrix { a.log() }
/// The logistic sigmoid `1 / (1 + e^−x)` entrywise.
public func sigmoid(_ a: Matrix) -> Matrix { a.sigmoid() }
/// Square root entrywise. NumPy: `np.sqrt(a)`.
public func sqrt(_ a: Matrix) -> Matrix { a.sqrt() }
/// Absolute value entrywise. NumPy: `np.abs(a)`.
public func abs(_ a: Matrix) -> Matrix { a.abs() }
/// Hyperbolic tangent entrywise. NumPy: `np.tanh(a)`.
public func tanh(_ a: Matrix) -> Matrix { a.tanh() }
/// The larger of each entry and `s`; ReLU is `maximum(z, 0)`. NumPy: `np.maximum(a, s)`.
public func maximum(_ a: Matrix, _ s: Double) -> Matrix { a.clamp(min: s) }
/// The larger of the two entries, position by position, with broadcasting. NumPy: `np.maximum(a, b)`.
public func maximum(_ a: Matrix, _ b: Matrix) -> Matrix { Matrix.broadcast(a, b, "maximum") { Swift.max($0, $1) } }
