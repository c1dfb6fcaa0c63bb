// PublishedValues: comparing your numbers with the ones a lab publishes, entry by entry.

/// Compares computed numbers with a lab's published ones and says where they part.
///
/// The starter's tests (`swift test`) use it; so can you, as the labs' notebooks use `rel_error`
/// and `np.allclose`. An entry agrees when `|actual − expected| ≤ absolute + relative·|expected|`
/// (NumPy's `isclose`); NaN never agrees, and ±∞ agrees only with itself.
public enum PublishedValues {
    /// `nil` when every entry of `actual` agrees with `expected`, or a sentence naming the first
    /// entry that does not (its index in row-major order, both numbers and the tolerance), or
    /// the two counts when they differ.
    public static func difference(
        _ actual: [Double], _ expected: [Double], relative: Double = 0, absolute: Double
    ) -> String? {
        guard actual.count == expected.count else {
            return "\(actual.count) numbers where the lab publishes \(expected.count)"
        }
        for (index, (a, e)) in zip(actual, expected).enumerated() where !agrees(a, e, relative: relative, absolute: absolute) {
            let position = actual.count == 1 ? "" : "entry \(index): "
            return "\(position)\(a) where the lab publishes \(e) (|difference| \(Swift.abs(a - e)), "
                + "tolerance \(absolute + relative * Swift.abs(e)))"
        }
        return nil
    }

    /// ``difference(_:_:relative:absolute:)`` of one number.
    public static func difference(_ actual: Double, _ expected: Double, relative: Double = 0, absolute: Double) -> String? {
        difference([actual], [expected], relative: relative, absolute: absolute)
    }

    /// ``difference(_:_:relative:absolute:)`` of a matrix, whose shape must be `rows × cols` first.
    public static func difference(
        _ actual: Matrix, rows: Int, cols: Int, _ expected: [Double], relative: Double = 0, absolute: Double
    ) -> String? {
        guard actual.rows == rows, actual.cols == cols else {
            return "shape (\(actual.rows), \(actual.cols)) where the lab's is (\(rows), \(cols))"
        }
        return difference(actual.elements, expected, relative: relative, absolute: absolute)
    }

    private static func agrees(_ a: Double, _ e: Double, relative: Double, absolute: Double) -> Bool {
        if a.isNaN || e.isNaN { return false }
        if a.isInfinite || e.isInfinite { return a == e }
        return Swift.abs(a - e) <= absolute + relative * Swift.abs(e)
    }
}
