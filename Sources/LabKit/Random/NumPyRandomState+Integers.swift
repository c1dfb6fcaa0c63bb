// Integer draws of NumPyRandomState: NumPy's masked-rejection `randint` and `random_interval`.

extension NumPyRandomState {
    /// One integer drawn uniformly from `low ..< high`.
    ///
    /// NumPy: `np.random.randint(low, high)` with the default `int` dtype (`int64` on Linux and
    /// macOS; for ranges below 2³² the `int32` stream is the same). With one argument,
    /// `np.random.randint(n)` is `randint(high: n)`.
    ///
    /// NumPy's legacy path uses masked rejection, never Lemire's method: with
    /// `range = high − 1 − low` and `mask` the smallest `2ᵏ − 1 ≥ range`, it repeats
    /// `v = next & mask` until `v ≤ range`. A range that fits in 32 bits draws 32-bit words
    /// (`range == 0` draws nothing, `range == 2³² − 1` takes one raw word); a wider range draws
    /// 64-bit words (`nextUInt64()`). Stops when `high <= low`, where NumPy raises "low >= high".
    public mutating func randint(low: Int = 0, high: Int) -> Int {
        Self.requireRange(low, high, "randint(low: \(low), high: \(high))")
        return drawInRange(low: low, high: high)
    }

    /// `count` integers drawn uniformly from `low ..< high`.
    ///
    /// NumPy: `np.random.randint(low, high, size=count)`. As in NumPy, `count == 0` returns `[]`
    /// without looking at the bounds; otherwise it stops when `high <= low`.
    public mutating func randint(low: Int = 0, high: Int, count: Int) -> [Int] {
        let call = "randint(low: \(low), high: \(high), count: \(count))"
        Self.requireCount(count, call)
        if count == 0 { return [] }
        Self.requireRange(low, high, call)
        return (0..<count).map { _ in drawInRange(low: low, high: high) }
    }

    /// A uniform integer in `0 ... max` by masked rejection.
    ///
    /// This is NumPy's `random_interval` (used by `shuffle`) and also the bounded draw behind
    /// `randint` (`random_bounded_uint64_fill` with `use_masked`): the two agree for every `max`,
    /// because a full mask never rejects, so `max == 2³² − 1` and `max == 2⁶⁴ − 1` take one raw word
    /// in both.
    mutating func randomInterval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        var mask = max
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        if max <= UInt64(UInt32.max) {
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= max { return value }
            }
        }
        while true {
            let value = nextUInt64() & mask
            if value <= max { return value }
        }
    }

    /// `low + randomInterval(high − 1 − low)`, in wrapping arithmetic because the range of two
    /// `Int`s can exceed `Int.max` (NumPy does the same in `uint64`).
    private mutating func drawInRange(low: Int, high: Int) -> Int {
        let range = UInt64(truncatingIfNeeded: high &- low) &- 1
        return low &+ Int(truncatingIfNeeded: randomInterval(range))
    }

    static func requireRange(_ low: Int, _ high: Int, _ call: @autoclosure () -> String) {
        LabKitFailure.require(low < high, "\(call()): low >= high, the range low ..< high is empty")
    }
}
