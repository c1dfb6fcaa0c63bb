// Matrix arithmetic: elementwise + - * / with NumPy broadcasting of rows, columns and scalars.

extension Matrix {
    /// Applies `op` entry by entry, broadcasting as NumPy does for 2-D arrays.
    ///
    /// Shapes must match in each dimension or be 1 there: `(n, m) op (1, m)` adds a row vector
    /// (a bias) to every row, `(n, m) op (n, 1)` a column vector to every column, and a `(1, 1)`
    /// matrix acts as a scalar. Anything else stops with both shapes and `name`.
    public static func broadcast(
        _ a: Matrix, _ b: Matrix, _ name: String, _ op: (Double, Double) -> Double
    ) -> Matrix {
        if a.rows == b.rows && a.cols == b.cols {
            var out = a.elements
            out.withUnsafeMutableBufferPointer { o in
                b.elements.withUnsafeBufferPointer { q in
                    for k in 0..<o.count { o[k] = op(o[k], q[k]) }
                }
            }
            return Matrix(rows: a.rows, cols: a.cols, elements: out)
        }
        guard let rows = broadcastSize(a.rows, b.rows), let cols = broadcastSize(a.cols, b.cols) else {
            LabKitFailure.fail(
                "shape mismatch in \(name): \(a.shapeDescription) and \(b.shapeDescription) do not broadcast "
                    + "(each dimension must be equal or 1)")
        }
        let (ars, acs) = (a.rows == 1 ? 0 : a.cols, a.cols == 1 ? 0 : 1)
        let (brs, bcs) = (b.rows == 1 ? 0 : b.cols, b.cols == 1 ? 0 : 1)
        var out = [Double](repeating: 0, count: rows * cols)
        out.withUnsafeMutableBufferPointer { o in
            a.elements.withUnsafeBufferPointer { p in
                b.elements.withUnsafeBufferPointer { q in
                    for i in 0..<rows {
                        let (row, pRow, qRow) = (o.baseAddress! + i * cols, p.baseAddress! + i * ars, q.baseAddress! + i * brs)
                        // The common cases walk both operands contiguously: a bias row added to every
                        // row, or a column of totals dividing every column.
                        if acs == 1 && bcs == 1 {
                            for j in 0..<cols { row[j] = op(pRow[j], qRow[j]) }
                        } else if acs == 1 {
                            let y = qRow[0]
                            for j in 0..<cols { row[j] = op(pRow[j], y) }
                        } else if bcs == 1 {
                            let x = pRow[0]
                            for j in 0..<cols { row[j] = op(x, qRow[j]) }
                        } else {
                            let (x, y) = (pRow[0], qRow[0])
                            for j in 0..<cols { row[j] = op(x, y) }
                        }
                    }
                }
            }
        }
        return Matrix(rows: rows, cols: cols, elements: out)
    }

    private static func broadcastSize(_ x: Int, _ y: Int) -> Int? {
        if x == y { return x }
        if x == 1 { return y }
        if y == 1 { return x }
        return nil
    }

    /// Entrywise sum with broadcasting. NumPy: `a + b`.
    public static func + (a: Matrix, b: Matrix) -> Matrix { broadcast(a, b, "+", +) }
    /// Entrywise difference with broadcasting. NumPy: `a - b`.
    public static func - (a: Matrix, b: Matrix) -> Matrix { broadcast(a, b, "-", -) }
    /// Entrywise (Hadamard) product with broadcasting, as NumPy's `a * b`. The matrix product is `a.dot(b)`.
    public static func * (a: Matrix, b: Matrix) -> Matrix { broadcast(a, b, "*", *) }
    /// Entrywise quotient with broadcasting, e.g. normalising rows by their sums. NumPy: `a / b`.
    public static func / (a: Matrix, b: Matrix) -> Matrix { broadcast(a, b, "/", /) }

    /// Adds `s` to every entry. NumPy: `a + s`.
    public static func + (a: Matrix, s: Double) -> Matrix { a.map { $0 + s } }
    /// Adds `s` to every entry. NumPy: `s + a`.
    public static func + (s: Double, a: Matrix) -> Matrix { a.map { s + $0 } }
    /// Subtracts `s` from every entry. NumPy: `a - s`.
    public static func - (a: Matrix, s: Double) -> Matrix { a.map { $0 - s } }
    /// `s` minus every entry. NumPy: `s - a`.
    public static func - (s: Double, a: Matrix) -> Matrix { a.map { s - $0 } }
    /// Scales every entry. NumPy: `a * s`.
    public static func * (a: Matrix, s: Double) -> Matrix { a.map { $0 * s } }
    /// Scales every entry. NumPy: `s * a`.
    public static func * (s: Double, a: Matrix) -> Matrix { a.map { s * $0 } }
    /// Divides every entry by `s`. NumPy: `a / s`.
    public static func / (a: Matrix, s: Double) -> Matrix { a.map { $0 / s } }
    /// `s` divided by every entry. NumPy: `s / a`.
    public static func / (s: Double, a: Matrix) -> Matrix { a.map { s / $0 } }
    /// Negates every entry. NumPy: `-a`.
    public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }

    /// In-place sum with broadcasting of `b`; the shape of `a` must be the result's. NumPy: `a += b`.
    public static func += (a: inout Matrix, b: Matrix) { a.update(with: b, "+=", +) }
    /// In-place difference; an SGD step is `W -= learningRate * dW`. NumPy: `a -= b`.
    public static func -= (a: inout Matrix, b: Matrix) { a.update(with: b, "-=", -) }
    /// In-place entrywise product. NumPy: `a *= b`.
    public static func *= (a: inout Matrix, b: Matrix) { a.update(with: b, "*=", *) }
    /// In-place entrywise quotient. NumPy: `a /= b`.
    public static func /= (a: inout Matrix, b: Matrix) { a.update(with: b, "/=", /) }
    /// Adds `s` to every entry in place. NumPy: `a += s`.
    public static func += (a: inout Matrix, s: Double) { a.apply { $0 + s } }
    /// Subtracts `s` from every entry in place. NumPy: `a -= s`.
    public static func -= (a: inout Matrix, s: Double) { a.apply { $0 - s } }
    /// Scales every entry in place, e.g. a learning-rate decay. NumPy: `a *= s`.
    public static func *= (a: inout Matrix, s: Double) { a.apply { $0 * s } }
    /// Divides every entry by `s` in place. NumPy: `a /= s`.
    public static func /= (a: inout Matrix, s: Double) { a.apply { $0 / s } }

    /// Adds `scale · b` to this matrix in place, through BLAS's `axpy`: an SGD step without a
    /// temporary. NumPy: `a += scale * b`. Stops unless `b` has this matrix's shape.
    public mutating func add(_ b: Matrix, scaledBy scale: Double) {
        LabKitFailure.require(
            rows == b.rows && cols == b.cols,
            "shape mismatch in add(_:scaledBy:): \(shapeDescription) and \(b.shapeDescription) must be equal")
        elements.withUnsafeMutableBufferPointer { y in b.elements.withUnsafeBufferPointer { x in Matrix.axpy(scale, x, y) } }
    }

    /// `op` of every entry and the matching entry of `b` (broadcast as in ``broadcast(_:_:_:_:)``),
    /// written over this matrix's own entries: no new matrix.
    private mutating func update(with b: Matrix, _ name: String, _ op: (Double, Double) -> Double) {
        guard let rowsOut = Matrix.broadcastSize(rows, b.rows), let colsOut = Matrix.broadcastSize(cols, b.cols) else {
            LabKitFailure.fail(
                "shape mismatch in \(name): \(shapeDescription) and \(b.shapeDescription) do not broadcast "
                    + "(each dimension must be equal or 1)")
        }
        LabKitFailure.require(
            rowsOut == rows && colsOut == cols,
            "shape mismatch in \(name): the result (\(rowsOut), \(colsOut)) does not fit the left side \(shapeDescription)")
        let (brs, bcs) = (b.rows == 1 ? 0 : b.cols, b.cols == 1 ? 0 : 1)
        let columns = cols
        elements.withUnsafeMutableBufferPointer { o in
            b.elements.withUnsafeBufferPointer { q in
                if brs == columns && bcs == 1 {
                    for k in 0..<o.count { o[k] = op(o[k], q[k]) }
                } else {
                    for i in 0..<rowsOut {
                        for j in 0..<columns { o[i * columns + j] = op(o[i * columns + j], q[i * brs + j * bcs]) }
                    }
                }
            }
        }
    }
}
