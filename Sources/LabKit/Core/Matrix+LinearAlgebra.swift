// Linear solves and least squares through OpenBLAS's LAPACK (dgesv, dposv, dgels).
internal import COpenBLAS

extension Matrix {
    /// The solution `X` of `A X = B` for a square, non-singular `A`, by LU with partial pivoting.
    ///
    /// NumPy: `np.linalg.solve(A, B)`. Throws ``LinearAlgebraError/singular(pivot:)`` for a singular `A`.
    public static func solve(_ A: Matrix, _ B: Matrix) throws(LinearAlgebraError) -> Matrix {
        requireSystem(A, B, "solve")
        guard A.rows > 0, B.cols > 0 else { return B }
        var n = Int32(A.rows), nrhs = Int32(B.cols), lda = n, ldb = n, info: Int32 = 0
        var a = A.columnMajor, b = B.columnMajor
        var pivots = [Int32](repeating: 0, count: A.rows)
        dgesv_(&n, &nrhs, &a, &lda, &pivots, &b, &ldb, &info)
        try check(info, "dgesv") { .singular(pivot: $0) }
        return Matrix(columnMajor: b, rows: B.rows, cols: B.cols)
    }

    /// The solution `X` of `A X = B` for a symmetric positive-definite `A` (Cholesky).
    ///
    /// Normal equations `(XᵀX + λI) w = Xᵀy` are this kind of system. NumPy has no direct twin;
    /// `scipy.linalg.solve(A, B, assume_a='pos')`. Only the lower triangle of `A` is read.
    public static func solvePositiveDefinite(_ A: Matrix, _ B: Matrix) throws(LinearAlgebraError) -> Matrix {
        requireSystem(A, B, "solvePositiveDefinite")
        guard A.rows > 0, B.cols > 0 else { return B }
        var n = Int32(A.rows), nrhs = Int32(B.cols), lda = n, ldb = n, info: Int32 = 0
        var a = A.columnMajor, b = B.columnMajor
        var uplo = CChar(UInt8(ascii: "L"))
        dposv_(&uplo, &n, &nrhs, &a, &lda, &b, &ldb, &info, 1)
        try check(info, "dposv") { .notPositiveDefinite(order: $0) }
        return Matrix(columnMajor: b, rows: B.rows, cols: B.cols)
    }

    /// The least-squares solution `X` minimising `‖A X − B‖` for a tall `A` of full column rank (QR).
    ///
    /// NumPy: `np.linalg.lstsq(A, B)[0]` (which also handles rank deficiency; this throws
    /// ``LinearAlgebraError/rankDeficient(index:)`` instead). Stops unless `A.rows >= A.cols`.
    public static func leastSquares(_ A: Matrix, _ B: Matrix) throws(LinearAlgebraError) -> Matrix {
        LabKitFailure.require(
            A.rows == B.rows,
            "shape mismatch in leastSquares: A \(A.shapeDescription) and B \(B.shapeDescription) need the same number of rows")
        LabKitFailure.require(
            A.rows >= A.cols, "leastSquares needs at least as many rows as columns, got A \(A.shapeDescription)")
        guard A.cols > 0, B.cols > 0 else { return Matrix.zeros(rows: A.cols, cols: B.cols) }
        var m = Int32(A.rows), n = Int32(A.cols), nrhs = Int32(B.cols), lda = m, ldb = m, info: Int32 = 0
        var a = A.columnMajor, b = B.columnMajor
        var trans = CChar(UInt8(ascii: "N"))
        var lwork: Int32 = -1
        var optimal = 0.0
        dgels_(&trans, &m, &n, &nrhs, &a, &lda, &b, &ldb, &optimal, &lwork, &info, 1)
        lwork = Int32(optimal)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgels_(&trans, &m, &n, &nrhs, &a, &lda, &b, &ldb, &work, &lwork, &info, 1)
        try check(info, "dgels") { .rankDeficient(index: $0) }
        try requireFullRank(factorised: a, rows: A.rows, cols: A.cols)
        // dgels leaves the n×nrhs solution in the first n rows of the m-row column-major b.
        return Matrix(rows: A.cols, cols: B.cols) { i, j in b[j * A.rows + i] }
    }

    /// dgels only reports an exactly zero diagonal of R; rounding turns dependent columns into
    /// round-off-sized diagonals instead, so they are caught with NumPy's `lstsq` rank tolerance.
    private static func requireFullRank(factorised r: [Double], rows: Int, cols: Int) throws(LinearAlgebraError) {
        let diagonal = (0..<cols).map { Swift.abs(r[$0 * rows + $0]) }
        let tolerance = Double.ulpOfOne * Double(Swift.max(rows, cols)) * (diagonal.max() ?? 0)
        if let k = diagonal.firstIndex(where: { $0 <= tolerance }) { throw .rankDeficient(index: k + 1) }
    }

    /// The entries in column-major order, as LAPACK reads them.
    var columnMajor: [Double] { transposed().elements }

    /// Makes a matrix from LAPACK's column-major storage.
    init(columnMajor values: [Double], rows: Int, cols: Int) {
        self = Matrix(rows: cols, cols: rows, elements: values).transposed()
    }

    private static func requireSystem(_ A: Matrix, _ B: Matrix, _ name: String) {
        LabKitFailure.require(A.rows == A.cols, "\(name) needs a square A, got \(A.shapeDescription)")
        LabKitFailure.require(
            B.rows == A.rows,
            "shape mismatch in \(name): A \(A.shapeDescription) and B \(B.shapeDescription) need the same number of rows")
    }

    private static func check(
        _ info: Int32, _ routine: String, _ failure: (Int) -> LinearAlgebraError
    ) throws(LinearAlgebraError) {
        if info < 0 { throw .illegalArgument(routine: routine, index: Int(-info)) }
        if info > 0 { throw failure(Int(info)) }
    }
}
