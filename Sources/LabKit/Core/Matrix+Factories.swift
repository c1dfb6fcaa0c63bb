// Matrix factories: zeros, ones, identity, one-hot codes and their inverse.

extension Matrix {
    /// A `rows × cols` matrix of zeros. NumPy: `np.zeros((rows, cols))`.
    public static func zeros(rows: Int, cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, repeating: 0)
    }

    /// A `rows × cols` matrix of ones. NumPy: `np.ones((rows, cols))`.
    public static func ones(rows: Int, cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, repeating: 1)
    }

    /// A matrix of zeros with the shape of `other`. NumPy: `np.zeros_like(other)`.
    public static func zeros(like other: Matrix) -> Matrix {
        Matrix(rows: other.rows, cols: other.cols, repeating: 0)
    }

    /// The `n × n` identity. NumPy: `np.eye(n)`.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix.zeros(rows: n, cols: n)
        for i in 0..<n { m.elements[i * n + i] = 1 }
        return m
    }

    /// One-hot codes of `labels`, one row per label: row `i` has a 1 in column `labels[i]`.
    ///
    /// NumPy: `np.eye(classes)[labels]`, shape `(labels.count, classes)`. Use `.T` for the
    /// samples-as-columns layout of the UDL and ECE 285 labs. Stops on a label outside `0..<classes`.
    public static func oneHot(_ labels: [Int], classes: Int) -> Matrix {
        var m = Matrix.zeros(rows: labels.count, cols: classes)
        for (i, label) in labels.enumerated() {
            LabKitFailure.require(
                label >= 0 && label < classes,
                "oneHot: label \(label) at index \(i) is outside 0..<\(classes)")
            m.elements[i * classes + label] = 1
        }
        return m
    }
}
