// MersenneTwister: the MT19937 word generator underneath NumPy's legacy RandomState.

/// The 32-bit Mersenne Twister (MT19937) exactly as NumPy seeds and steps it.
///
/// NumPy keeps `pos` at 624 after seeding, so the first draw regenerates the whole state; we keep
/// that convention because `RandomState.get_state()` exposes the position and tests compare it.
struct MersenneTwister: Sendable, Hashable {
    static let stateLength = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    /// The 624 state words (NumPy `get_state()[1]`).
    private(set) var key: [UInt32]
    /// Index of the next word to temper; 624 means "regenerate first" (NumPy `get_state()[2]`).
    private(set) var position: Int

    /// Restores a saved state; `nil` unless `key` has 624 words and `position` is in `0...624`.
    init?(key: [UInt32], position: Int) {
        guard key.count == Self.stateLength, (0...Self.stateLength).contains(position) else { return nil }
        self.key = key
        self.position = position
    }

    /// Knuth's `init_genrand`, which `np.random.seed(int)` calls as `mt19937_seed`.
    init(seed: UInt32) {
        key = Self.initGenrand(seed)
        position = Self.stateLength
    }

    /// `init_by_array`, which `np.random.seed([...])` calls as `mt19937_init_by_array`.
    ///
    /// The caller guarantees a non-empty key, as NumPy does before it reaches the C code.
    init(seedArray initKey: [UInt32]) {
        let n = Self.stateLength
        var mt = Self.initGenrand(19_650_218)
        var i = 1
        var j = 0
        for _ in 0..<max(n, initKey.count) {
            let previous = mt[i - 1] ^ (mt[i - 1] >> 30)
            mt[i] = (mt[i] ^ (previous &* 1_664_525)) &+ initKey[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= n {
                mt[0] = mt[n - 1]
                i = 1
            }
            if j >= initKey.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            let previous = mt[i - 1] ^ (mt[i - 1] >> 30)
            mt[i] = (mt[i] ^ (previous &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
            i += 1
            if i >= n {
                mt[0] = mt[n - 1]
                i = 1
            }
        }
        // The reference code forces a non-zero state whatever the key was.
        mt[0] = 0x8000_0000
        key = mt
        position = n
    }

    private static func initGenrand(_ seed: UInt32) -> [UInt32] {
        var mt = [UInt32](repeating: 0, count: stateLength)
        mt[0] = seed
        for i in 1..<stateLength {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        return mt
    }

    /// The next tempered word (NumPy `mt19937_next32`).
    mutating func next() -> UInt32 {
        if position == Self.stateLength { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Replaces all 624 words at once (NumPy `mt19937_gen`).
    private mutating func regenerate() {
        let n = Self.stateLength
        key.withUnsafeMutableBufferPointer { mt in
            for i in 0..<n {
                let y = (mt[i] & Self.upperMask) | (mt[(i + 1) % n] & Self.lowerMask)
                let twist = (y & 1) == 0 ? 0 : Self.matrixA
                mt[i] = mt[(i + Self.shift) % n] ^ (y >> 1) ^ twist
            }
        }
        position = 0
    }
}
