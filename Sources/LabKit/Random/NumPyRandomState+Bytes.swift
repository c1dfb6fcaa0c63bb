// The buffered 8-bit integer draws of NumPyRandomState: `randint(..., dtype=np.uint8)`.

extension NumPyRandomState {
    /// `count` integers from `low ..< high` drawn as NumPy does for `dtype=np.uint8`.
    ///
    /// NumPy: `np.random.randint(low, high, size=count, dtype=np.uint8)`. This is a different
    /// stream from ``randint(low:high:count:)``: one 32-bit word feeds four draws, lowest byte
    /// first (`random_buffered_bounded_uint8`), each masked and rejected as in the wide path.
    /// Stops unless `0 <= low < high <= 256`.
    public mutating func randintBytes(low: Int = 0, high: Int, count: Int) -> [Int] {
        let call = "randintBytes(low: \(low), high: \(high), count: \(count))"
        Self.requireCount(count, call)
        if count == 0 { return [] }
        LabKitFailure.require(low >= 0 && high <= 256, "\(call): bounds must lie in 0...256 for 8-bit draws")
        Self.requireRange(low, high, call)
        let range = UInt32(high - 1 - low)
        var mask = range
        for shift in [1, 2, 4] { mask |= mask >> UInt32(shift) }
        var buffer: UInt32 = 0
        var left = 0
        return (0..<count).map { _ in
            guard range > 0 else { return low }
            while true {
                if left == 0 {
                    buffer = nextUInt32()
                    left = 3
                } else {
                    buffer >>= 8
                    left -= 1
                }
                let value = buffer & 0xFF & mask
                if value <= range { return low + Int(value) }
            }
        }
    }
}
