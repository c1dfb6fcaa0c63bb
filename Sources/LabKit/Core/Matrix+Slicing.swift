// Matrix slicing: rows and columns by ranges and by index arrays, for reading and writing.

extension Matrix {
    /// The rows in `range`, as a new matrix. NumPy: `a[r0:r1]` (also `a[:k]`, `a[k:]`).
    public subscript<R: RangeExpression<Int>>(rows range: R) -> Matrix {
        get { self[rows: Array(checkedRows(range))] }
        set { self[rows: Array(checkedRows(range))] = newValue }
    }

    /// The rows at `indices`, in that order (repeats allowed). NumPy: `a[indices]`, as when
    /// taking a minibatch `X[batch_indices]`.
    public subscript(rows indices: [Int]) -> Matrix {
        get {
            var values = [Double]()
            values.reserveCapacity(indices.count * cols)
            for i in indices {
                requireRow(i)
                values.append(contentsOf: elements[i * cols..<(i + 1) * cols])
            }
            return Matrix(rows: indices.count, cols: cols, elements: values)
        }
        set {
            LabKitFailure.require(
                newValue.rows == indices.count && newValue.cols == cols,
                "shape mismatch in a[rows:] = b: selecting \(indices.count) rows of \(shapeDescription) "
                    + "needs (\(indices.count), \(cols)), got \(newValue.shapeDescription)")
            for (k, i) in indices.enumerated() {
                requireRow(i)
                elements.replaceSubrange(i * cols..<(i + 1) * cols, with: newValue.elements[k * cols..<(k + 1) * cols])
            }
        }
    }

    /// The columns in `range`, as a new matrix. NumPy: `a[:, c0:c1]`.
    public subscript<R: RangeExpression<Int>>(cols range: R) -> Matrix {
        get { self[cols: Array(checkedCols(range))] }
        set { self[cols: Array(checkedCols(range))] = newValue }
    }

    /// The columns at `indices`, in that order. NumPy: `a[:, indices]`.
    public subscript(cols indices: [Int]) -> Matrix {
        get {
            for j in indices { requireCol(j) }
            return Matrix(rows: rows, cols: indices.count) { i, k in elements[i * cols + indices[k]] }
        }
        set {
            LabKitFailure.require(
                newValue.rows == rows && newValue.cols == indices.count,
                "shape mismatch in a[cols:] = b: selecting \(indices.count) columns of \(shapeDescription) "
                    + "needs (\(rows), \(indices.count)), got \(newValue.shapeDescription)")
            for j in indices { requireCol(j) }
            for i in 0..<rows {
                for (k, j) in indices.enumerated() { elements[i * cols + j] = newValue.elements[i * indices.count + k] }
            }
        }
    }

    /// Row `i` as a `1 × cols` matrix. NumPy: `a[i:i+1]` (or `a[i][None, :]`).
    public func row(_ i: Int) -> Matrix { self[rows: [i]] }

    /// Column `j` as a `rows × 1` matrix. NumPy: `a[:, j:j+1]`.
    public func column(_ j: Int) -> Matrix { self[cols: [j]] }

    /// The transpose. NumPy: `a.T`.
    public var T: Matrix { transposed() }

    /// The transpose, as a new matrix. NumPy: `a.T.copy()`.
    public func transposed() -> Matrix {
        if rows == 1 || cols == 1 { return Matrix(rows: cols, cols: rows, elements: elements) }
        var out = [Double](repeating: 0, count: count)
        elements.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<rows {
                    for j in 0..<cols { dst[j * rows + i] = src[i * cols + j] }
                }
            }
        }
        return Matrix(rows: cols, cols: rows, elements: out)
    }

    /// The same entries read in a new shape. NumPy: `a.reshape(rows, cols)`.
    public func reshaped(rows newRows: Int, cols newCols: Int) -> Matrix {
        LabKitFailure.require(
            newRows * newCols == count,
            "cannot reshape \(shapeDescription) (\(count) entries) into (\(newRows), \(newCols))")
        return Matrix(rows: newRows, cols: newCols, elements: elements)
    }

    /// The matrices stacked on top of each other. NumPy: `np.vstack(parts)`.
    public static func vstack(_ parts: [Matrix]) -> Matrix {
        guard let first = parts.first else { return Matrix(rows: 0, cols: 0, elements: []) }
        for part in parts where part.cols != first.cols {
            LabKitFailure.fail("shape mismatch in vstack: \(first.shapeDescription) vs \(part.shapeDescription)")
        }
        return Matrix(rows: parts.reduce(0) { $0 + $1.rows }, cols: first.cols, elements: parts.flatMap(\.elements))
    }

    /// The matrices side by side. NumPy: `np.hstack(parts)`.
    public static func hstack(_ parts: [Matrix]) -> Matrix {
        vstack(parts.map(\.T)).T
    }

    private func checkedRows<R: RangeExpression<Int>>(_ range: R) -> Range<Int> {
        let r = range.relative(to: 0..<rows)
        LabKitFailure.require(r.lowerBound >= 0 && r.upperBound <= rows, "rows \(r) out of range for \(shapeDescription)")
        return r
    }

    private func checkedCols<R: RangeExpression<Int>>(_ range: R) -> Range<Int> {
        let r = range.relative(to: 0..<cols)
        LabKitFailure.require(r.lowerBound >= 0 && r.upperBound <= cols, "columns \(r) out of range for \(shapeDescription)")
        return r
    }

    private func requireRow(_ i: Int) {
        LabKitFailure.require(i >= 0 && i < rows, "row index \(i) is out of range for a matrix of shape \(shapeDescription)")
    }

    private func requireCol(_ j: Int) {
        LabKitFailure.require(j >= 0 && j < cols, "column index \(j) is out of range for a matrix of shape \(shapeDescription)")
    }
}
