// Shuffles of NumPyRandomState: NumPy's legacy Fisher–Yates `shuffle` and `permutation`.

extension NumPyRandomState {
    /// Shuffles `array` in place.
    ///
    /// NumPy: `np.random.shuffle(x)` for a list or a 1-D array. Fisher–Yates from the end: for
    /// `i = n − 1` down to `1`, `j = randomInterval(i)` (masked rejection on 32-bit words, on 64-bit
    /// words when `i ≥ 2³²`) and `x[i]` is swapped with `x[j]`. Arrays of 0 or 1 elements draw
    /// nothing.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, through: 1, by: -1) {
            let j = Int(randomInterval(UInt64(i)))
            array.swapAt(i, j)
        }
    }

    /// The integers `0 ..< n` in random order.
    ///
    /// NumPy: `np.random.permutation(n)`, which shuffles `np.arange(n)`. Stops when `n` is negative.
    public mutating func permutation(_ n: Int) -> [Int] {
        LabKitFailure.require(n >= 0, "permutation(\(n)): n must be non-negative")
        var values = Array(0..<n)
        shuffle(&values)
        return values
    }

    /// A shuffled copy of `array`; the original is left alone.
    ///
    /// NumPy: `np.random.permutation(x)` for a list or a 1-D array.
    public mutating func permutation<T>(_ array: [T]) -> [T] {
        var copy = array
        shuffle(&copy)
        return copy
    }

    /// Shuffles the rows of `matrix` in place; each row keeps its entries.
    ///
    /// NumPy: `np.random.shuffle(X)` for a 2-D array, which permutes along axis 0 with the same
    /// draws as a 1-D shuffle of `rows` elements. As in NumPy, a matrix with no entries
    /// (`rows == 0` or `cols == 0`) draws nothing.
    public mutating func shuffleRows(of matrix: inout Matrix) {
        guard matrix.count > 0 else { return }
        var order = Array(0..<matrix.rows)
        shuffle(&order)
        let cols = matrix.cols
        let source = matrix.elements
        for (row, sourceRow) in order.enumerated() where row != sourceRow {
            let from = sourceRow * cols
            matrix.elements.replaceSubrange(row * cols..<(row + 1) * cols, with: source[from..<from + cols])
        }
    }
}
