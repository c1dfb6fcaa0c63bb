// Matrix: LabKit's dense, row-major Float64 matrix, the value every lab computes with.

/// A dense matrix of `Double`s stored row-major, with value semantics.
///
/// `Matrix` plays the role of a 2-D NumPy `float64` array. Vectors are matrices with one row
/// (`(1, n)`, like a bias `b`) or one column (`(n, 1)`). Operations that need matching shapes stop
/// the program with a message naming the operation and both shapes, in debug and release builds.
///
/// ```swift
/// let X = Matrix([[1, 2], [3, 4]])          // np.array([[1., 2.], [3., 4.]])
/// let Z = X.dot(W1) + b1                    // X @ W1 + b1, b1 broadcast over the rows
/// ```
public struct Matrix: Sendable, Hashable {
    /// Number of rows (NumPy `a.shape[0]`).
    public let rows: Int
    /// Number of columns (NumPy `a.shape[1]`).
    public let cols: Int
    /// The entries in row-major (C) order: entry `(i, j)` is `elements[i * cols + j]`.
    public var elements: [Double]

    /// Makes a `rows × cols` matrix from its entries in row-major order.
    ///
    /// NumPy: `np.array(elements).reshape(rows, cols)`. Stops when the count is not `rows · cols`.
    public init(rows: Int, cols: Int, elements: [Double]) {
        LabKitFailure.require(rows >= 0 && cols >= 0, "Matrix(rows: \(rows), cols: \(cols)): negative size")
        LabKitFailure.require(
            elements.count == rows * cols,
            "Matrix(rows: \(rows), cols: \(cols), elements:): expected \(rows * cols) elements, got \(elements.count)")
        self.rows = rows
        self.cols = cols
        self.elements = elements
    }

    /// Makes a `rows × cols` matrix with every entry equal to `value`.
    ///
    /// NumPy: `np.full((rows, cols), value)`.
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        LabKitFailure.require(rows >= 0 && cols >= 0, "Matrix(rows: \(rows), cols: \(cols)): negative size")
        self.init(rows: rows, cols: cols, elements: [Double](repeating: value, count: rows * cols))
    }

    /// Makes a matrix whose entry `(i, j)` is `entry(i, j)`.
    ///
    /// NumPy: `np.fromfunction(entry, (rows, cols))`.
    public init(rows: Int, cols: Int, _ entry: (_ row: Int, _ col: Int) throws -> Double) rethrows {
        LabKitFailure.require(rows >= 0 && cols >= 0, "Matrix(rows: \(rows), cols: \(cols)): negative size")
        var values = [Double]()
        values.reserveCapacity(rows * cols)
        for i in 0..<rows {
            for j in 0..<cols { values.append(try entry(i, j)) }
        }
        self.init(rows: rows, cols: cols, elements: values)
    }

    /// Makes a matrix from nested arrays, one inner array per row.
    ///
    /// NumPy: `np.array([[1., 2.], [3., 4.]])`. Stops when the rows have different lengths.
    /// An empty array gives a `0 × 0` matrix.
    public init(_ nested: [[Double]]) {
        let cols = nested.first?.count ?? 0
        for (i, row) in nested.enumerated() where row.count != cols {
            LabKitFailure.fail("Matrix([[Double]]): row \(i) has \(row.count) entries, row 0 has \(cols)")
        }
        self.init(rows: nested.count, cols: cols, elements: nested.flatMap { $0 })
    }

    /// Makes a `1 × n` row vector. NumPy: `np.array(values)[None, :]`.
    public init(row values: [Double]) {
        self.init(rows: 1, cols: values.count, elements: values)
    }

    /// Makes an `n × 1` column vector. NumPy: `np.array(values)[:, None]`.
    public init(column values: [Double]) {
        self.init(rows: values.count, cols: 1, elements: values)
    }

    /// The shape as `(rows, cols)`, like NumPy's `a.shape`.
    public var shape: (rows: Int, cols: Int) { (rows, cols) }

    /// The number of entries, `rows · cols` (NumPy `a.size`).
    public var count: Int { elements.count }

    /// The shape written as in NumPy, e.g. `(3, 4)`, for messages.
    public var shapeDescription: String { "(\(rows), \(cols))" }

    /// Entry `(i, j)`. NumPy: `a[i, j]`. Stops when the index is outside the matrix.
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get {
            checkIndex(i, j)
            return elements[i * cols + j]
        }
        set {
            checkIndex(i, j)
            elements[i * cols + j] = newValue
        }
    }

    /// The bounds test is inlined into the caller's loop; only the failure is a call.
    @inlinable
    func checkIndex(_ i: Int, _ j: Int) {
        if i < 0 || i >= rows || j < 0 || j >= cols { indexOutOfRange(i, j) }
    }

    @usableFromInline @inline(never)
    func indexOutOfRange(_ i: Int, _ j: Int) -> Never {
        LabKitFailure.fail("index [\(i), \(j)] is out of range for a matrix of shape \(shapeDescription)")
    }

    /// The rows as nested arrays (NumPy `a.tolist()`).
    public var nestedRows: [[Double]] {
        (0..<rows).map { i in Array(elements[i * cols..<(i + 1) * cols]) }
    }
}

extension Matrix: Codable {
    private enum CodingKeys: String, CodingKey { case rows, cols, elements, block }

    /// Decodes `{"rows": r, "cols": c, "elements": [...]}`, or `{"rows", "cols", "block": k}` when
    /// the decoder carries oracle blocks, rejecting a count that does not match the shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let cols = try container.decode(Int.self, forKey: .cols)
        let (product, overflow) = rows.multipliedReportingOverflow(by: cols)
        guard rows >= 0, cols >= 0, !overflow else {
            throw DecodingError.dataCorruptedError(
                forKey: .rows, in: container, debugDescription: "invalid matrix shape (\(rows), \(cols))")
        }
        let elements: [Double]
        if let source = decoder.userInfo[.labkitWireBlocks] as? WireBlockSource, container.contains(.block) {
            elements = try source.block(try container.decode(Int.self, forKey: .block), count: product)
        } else {
            elements = try container.decode([Double].self, forKey: .elements)
        }
        guard elements.count == product else {
            throw DecodingError.dataCorruptedError(
                forKey: .elements, in: container,
                debugDescription: "a (\(rows), \(cols)) matrix needs \(product) elements, found \(elements.count)")
        }
        self.init(rows: rows, cols: cols, elements: elements)
    }

    /// Encodes the shape and the row-major entries (as a block reference when the encoder collects blocks).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(cols, forKey: .cols)
        if let sink = encoder.userInfo[.labkitWireBlocks] as? WireBlockSink {
            try container.encode(sink.append(elements), forKey: .block)
        } else {
            try container.encode(elements, forKey: .elements)
        }
    }
}

extension Matrix: CustomStringConvertible {
    /// NumPy-like text: the rows in brackets, at most 6 rows and 6 columns shown.
    public var description: String {
        func format(_ row: Int) -> String {
            let shown = (0..<Swift.min(cols, 6)).map { String(elements[row * cols + $0]) }
            return "[" + shown.joined(separator: ", ") + (cols > 6 ? ", …]" : "]")
        }
        let lines = (0..<Swift.min(rows, 6)).map(format)
        return "Matrix\(shapeDescription) [" + lines.joined(separator: ",\n ") + (rows > 6 ? ",\n …]" : "]")
    }
}
