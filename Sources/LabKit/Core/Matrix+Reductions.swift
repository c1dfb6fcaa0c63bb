// Matrix reductions: sum, mean, max, min and argmax over all entries, rows (axis 0) or columns (axis 1).

extension Matrix {
    /// The sum of all entries. NumPy: `np.sum(a)`; `0` for an empty matrix.
    public func sum() -> Double {
        elements.withUnsafeBufferPointer { p in p.reduce(0, +) }
    }

    /// Sums along `axis`, keeping the dimension. NumPy: `np.sum(a, axis=axis, keepdims=True)`.
    ///
    /// `axis: 0` adds the rows together and gives `(1, cols)`: the bias gradient `db` of a batch
    /// stored as rows. `axis: 1` adds across each row and gives `(rows, 1)`.
    public func sum(axis: Int) -> Matrix { reduce(axis: axis, "sum", initial: 0, +) }

    /// The mean of all entries. NumPy: `np.mean(a)`; NaN for an empty matrix.
    public func mean() -> Double { sum() / Double(count) }

    /// Means along `axis`, keeping the dimension. NumPy: `np.mean(a, axis=axis, keepdims=True)`.
    public func mean(axis: Int) -> Matrix {
        sum(axis: axis) / Double(axis == 0 ? rows : cols)
    }

    /// The largest entry. NumPy: `np.max(a)`; NaN if any entry is NaN. Stops on an empty matrix.
    public func max() -> Double {
        requireNonEmpty("max")
        return elements.reduce(-Double.infinity, Matrix.propagatingMax)
    }

    /// Maxima along `axis`, keeping the dimension; the shift of a stable softmax over rows is
    /// `z.max(axis: 1)`. NumPy: `np.max(a, axis=axis, keepdims=True)`.
    public func max(axis: Int) -> Matrix {
        requireNonEmpty("max(axis:)")
        return reduce(axis: axis, "max", initial: -.infinity, Matrix.propagatingMax)
    }

    /// The smallest entry. NumPy: `np.min(a)`; NaN if any entry is NaN. Stops on an empty matrix.
    public func min() -> Double {
        requireNonEmpty("min")
        return -(-self).max()
    }

    /// Minima along `axis`, keeping the dimension. NumPy: `np.min(a, axis=axis, keepdims=True)`.
    public func min(axis: Int) -> Matrix {
        requireNonEmpty("min(axis:)")
        return -(-self).max(axis: axis)
    }

    /// The flat (row-major) index of the largest entry, the first one on ties. NumPy: `np.argmax(a)`.
    public func argmax() -> Int {
        requireNonEmpty("argmax")
        return Matrix.firstMaxIndex(count) { elements[$0] }
    }

    /// Indices of the largest entry along `axis`, the first on ties; predicted classes of a batch
    /// of scores stored as rows are `scores.argmax(axis: 1)`. NumPy: `np.argmax(a, axis=axis)`.
    public func argmax(axis: Int) -> [Int] {
        requireAxis(axis, "argmax")
        requireNonEmpty("argmax(axis:)")
        if axis == 0 {
            return (0..<cols).map { j in Matrix.firstMaxIndex(rows) { elements[$0 * cols + j] } }
        }
        return (0..<rows).map { i in Matrix.firstMaxIndex(cols) { elements[i * cols + $0] } }
    }

    private static func propagatingMax(_ x: Double, _ y: Double) -> Double {
        x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
    }

    /// NumPy's argmax: the first maximum, and the first NaN if there is one.
    private static func firstMaxIndex(_ n: Int, _ value: (Int) -> Double) -> Int {
        var best = 0
        for k in 0..<n {
            let v = value(k)
            if v.isNaN { return k }
            if v > value(best) { best = k }
        }
        return best
    }

    private func reduce(axis: Int, _ name: String, initial: Double, _ combine: (Double, Double) -> Double) -> Matrix {
        requireAxis(axis, name)
        if axis == 0 {
            var out = [Double](repeating: initial, count: cols)
            elements.withUnsafeBufferPointer { p in
                for i in 0..<rows {
                    for j in 0..<cols { out[j] = combine(out[j], p[i * cols + j]) }
                }
            }
            return Matrix(rows: 1, cols: cols, elements: out)
        }
        var out = [Double](repeating: initial, count: rows)
        elements.withUnsafeBufferPointer { p in
            for i in 0..<rows {
                var acc = initial
                for j in 0..<cols { acc = combine(acc, p[i * cols + j]) }
                out[i] = acc
            }
        }
        return Matrix(rows: rows, cols: 1, elements: out)
    }

    private func requireAxis(_ axis: Int, _ name: String) {
        LabKitFailure.require(axis == 0 || axis == 1, "\(name): axis must be 0 (down the rows) or 1 (across the columns), got \(axis)")
    }

    private func requireNonEmpty(_ name: String) {
        LabKitFailure.require(count > 0, "\(name) of an empty matrix \(shapeDescription)")
    }
}
