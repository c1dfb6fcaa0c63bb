// The matrix product, through OpenBLAS's dgemm (and dgemv for a matrix times a column vector).
internal import COpenBLAS

extension Matrix {
    /// The matrix product `self · other`. NumPy: `a @ b` or `a.dot(b)`.
    ///
    /// Runs `cblas_dgemm` (or `cblas_dgemv` when `other` is a column) straight into the result's
    /// storage, with no intermediate copy. Stops unless `self.cols == other.rows`.
    public func dot(_ other: Matrix) -> Matrix {
        Matrix.product(self, other)
    }

    /// `op(a) · op(b)` where `op` transposes when asked, without forming the transpose.
    ///
    /// NumPy: `a.T @ b` is `Matrix.product(a, b, transposeA: true)`. Useful in backward passes
    /// (`dW = X.T · dZ`) to skip a copy of a large `X`.
    public static func product(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        let (m, n) = productShape(a, b, transposeA, transposeB)
        let out = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            gemm(a, b, transposeA, transposeB, into: c, scale: 1, keeping: 0)
            initialized = m * n
        }
        return Matrix(rows: m, cols: n, elements: out)
    }

    /// Writes `op(a) · op(b)` into `result`, reusing its storage when it already has the right size.
    ///
    /// NumPy: `np.matmul(a, b, out=result)`. For training loops that multiply same-sized matrices
    /// every step: no allocation, no page faults on a fresh result.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, into result: inout Matrix, transposeA: Bool = false, transposeB: Bool = false
    ) {
        let (m, n) = productShape(a, b, transposeA, transposeB)
        if result.rows != m || result.cols != n { result = Matrix.zeros(rows: m, cols: n) }
        result.elements.withUnsafeMutableBufferPointer { c in gemm(a, b, transposeA, transposeB, into: c, scale: 1, keeping: 0) }
    }

    /// Adds `scale · op(a) · op(b)` to `result` in place (BLAS's `C ← αAB + C`): a gradient summed
    /// over minibatches, or a step `W -= η · Xᵀ·δ`, with no product matrix in between.
    /// NumPy: `result += scale * (a @ b)`. Stops unless `result` has the product's shape.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, scaledBy scale: Double = 1, addingTo result: inout Matrix, transposeA: Bool = false,
        transposeB: Bool = false
    ) {
        let (m, n) = productShape(a, b, transposeA, transposeB)
        LabKitFailure.require(
            result.rows == m && result.cols == n,
            "shape mismatch in multiply(_:_:addingTo:): the product is (\(m), \(n)), the result \(result.shapeDescription)")
        result.elements.withUnsafeMutableBufferPointer { c in gemm(a, b, transposeA, transposeB, into: c, scale: scale, keeping: 1) }
    }

    /// `y ← α·x + y` through BLAS's `daxpy`.
    static func axpy(_ alpha: Double, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        guard !x.isEmpty else { return }
        cblas_daxpy(Int32(x.count), alpha, x.baseAddress, 1, y.baseAddress, 1)
    }

    private static func productShape(_ a: Matrix, _ b: Matrix, _ transposeA: Bool, _ transposeB: Bool) -> (Int, Int) {
        let (m, k) = transposeA ? (a.cols, a.rows) : (a.rows, a.cols)
        let (kb, n) = transposeB ? (b.cols, b.rows) : (b.rows, b.cols)
        if k != kb {
            let left = transposeA ? "\(a.shapeDescription).T" : a.shapeDescription
            let right = transposeB ? "\(b.shapeDescription).T" : b.shapeDescription
            LabKitFailure.fail("shape mismatch in matrix product: \(left) · \(right) (inner sizes \(k) and \(kb) differ)")
        }
        return (m, n)
    }

    /// The BLAS call itself, `c ← scale · op(a)·op(b) + keeping · c`; `c` holds exactly the m·n result entries.
    private static func gemm(
        _ a: Matrix, _ b: Matrix, _ transposeA: Bool, _ transposeB: Bool, into c: UnsafeMutableBufferPointer<Double>,
        scale: Double, keeping: Double
    ) {
        let (m, k) = transposeA ? (a.cols, a.rows) : (a.rows, a.cols)
        let n = transposeB ? b.rows : b.cols
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if keeping == 0 { c.initialize(repeating: 0) }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                if n == 1 && !transposeB {
                    cblas_dgemv(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, Int32(a.rows), Int32(a.cols),
                        scale, pa.baseAddress, Int32(a.cols), pb.baseAddress, 1, keeping, c.baseAddress, 1)
                } else {
                    cblas_dgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), scale, pa.baseAddress, Int32(a.cols), pb.baseAddress, Int32(b.cols),
                        keeping, c.baseAddress, Int32(n))
                }
            }
        }
    }
}

/// The matrix product. NumPy: `np.dot(a, b)` / `a @ b`.
public func dot(_ a: Matrix, _ b: Matrix) -> Matrix { a.dot(b) }
