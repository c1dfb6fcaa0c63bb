// NumPyRandomState: NumPy's legacy `np.random.RandomState`, reproduced bit for bit in Swift.

/// A random number generator that produces exactly the numbers of NumPy's legacy
/// `np.random.RandomState` (the generator behind `np.random.seed`, `np.random.randn`, …).
///
/// Labs define their data and initial weights with NumPy seeds; drawing them here in the same
/// order gives the same `Double`s to the last bit, so a Swift solution can be checked against the
/// numbers printed in a notebook.
///
/// ```swift
/// var rng = NumPyRandomState(seed: 0)        // np.random.seed(0)
/// let W1 = rng.randn(rows: 4, cols: 10)      // np.random.randn(4, 10)
/// let idx = rng.choice(5, count: 200)        // np.random.choice(5, 200)
/// ```
///
/// It is a value type: a copy continues the same stream independently of the original, like
/// `copy.deepcopy(rs)` in Python. NumPy froze these streams in version 1.16, so they do not
/// depend on the NumPy version. Draws use the MT19937 generator (`nextUInt32()`), the 53-bit
/// uniform `randomSample()`, the polar Gaussian with one cached value (`standardNormal()`) and
/// masked rejection for integers (`randint`, `shuffle`); each method documents its NumPy source.
public struct NumPyRandomState: Sendable, Hashable {
    var twister: MersenneTwister
    /// The second value of the last polar-method pair, returned by the next Gaussian draw.
    var cachedGaussian: Double?

    /// A generator seeded with one 32-bit integer.
    ///
    /// NumPy: `np.random.RandomState(seed)` or `np.random.seed(seed)` with an `int`
    /// (`init_genrand`).
    public init(seed: UInt32) {
        twister = MersenneTwister(seed: seed)
    }

    /// A generator seeded with an array of 32-bit integers.
    ///
    /// NumPy: `np.random.RandomState([a, b, ...])` (`init_by_array`). This is a different stream
    /// from the integer seed: `seed: [5]` and `seed: 5` give different numbers, as in NumPy.
    /// Stops when the array is empty, where NumPy raises "Seed must be non-empty".
    public init(seed: [UInt32]) {
        LabKitFailure.require(!seed.isEmpty, "NumPyRandomState(seed: []): the seed array must be non-empty")
        twister = MersenneTwister(seedArray: seed)
    }

    /// Restarts the stream from an integer seed and forgets any cached Gaussian.
    ///
    /// NumPy: `np.random.seed(seed)`.
    public mutating func seed(_ seed: UInt32) {
        self = NumPyRandomState(seed: seed)
    }

    /// Restarts the stream from an array seed and forgets any cached Gaussian.
    ///
    /// NumPy: `np.random.seed([a, b, ...])`. Stops when the array is empty.
    public mutating func seed(_ seed: [UInt32]) {
        self = NumPyRandomState(seed: seed)
    }

    /// The full generator state, for comparing with NumPy's `get_state()`.
    public var state: State {
        State(key: twister.key, position: twister.position, cachedGaussian: cachedGaussian)
    }

    /// A snapshot of the generator, field for field NumPy's `get_state()` tuple.
    public struct State: Sendable, Hashable, Codable {
        /// The 624 MT19937 words (`get_state()[1]`).
        public let key: [UInt32]
        /// The index of the next word to use; 624 right after seeding (`get_state()[2]`).
        public let position: Int
        /// The Gaussian held back by the polar method, or `nil` (`get_state()[3]` and `[4]`).
        public let cachedGaussian: Double?
    }

    // MARK: - Raw words

    /// The next tempered 32-bit word of MT19937.
    ///
    /// NumPy: `rs._bit_generator.random_raw()` (`mt19937_next32`).
    public mutating func nextUInt32() -> UInt32 {
        twister.next()
    }

    /// The next 64-bit word, built from two 32-bit draws with the **first draw as the high word**.
    ///
    /// NumPy: `mt19937_next64`, seen through `rs.randint(0, 2**64, dtype=np.uint64)`.
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    // MARK: - Uniform doubles

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    ///
    /// NumPy: `np.random.random_sample()` (also `np.random.rand()`, `np.random.random()`).
    /// Two words are drawn, `a = next >> 5` and `b = next >> 6`, and the result is
    /// `(a · 2²⁶ + b) / 2⁵³`, which is exact.
    public mutating func randomSample() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `count` uniform draws in `[0, 1)`.
    ///
    /// NumPy: `np.random.random_sample(count)` or `np.random.rand(count)`.
    public mutating func randomSample(count: Int) -> [Double] {
        draws(count: count, "randomSample(count: \(count))") { $0.randomSample() }
    }

    /// A `rows × cols` matrix of uniform draws in `[0, 1)`, filled row by row (C order).
    ///
    /// NumPy: `np.random.rand(rows, cols)` or `np.random.random_sample((rows, cols))`.
    public mutating func randomSample(rows: Int, cols: Int) -> Matrix {
        drawMatrix(rows: rows, cols: cols, "randomSample(rows: \(rows), cols: \(cols))") { $0.randomSample() }
    }

    // MARK: - Filling arrays and matrices, shared by the drawing methods

    /// `count` results of `draw`, in order. The count is checked before any draw, so a bad call
    /// never leaves the stream half consumed.
    mutating func draws(count: Int, _ call: @autoclosure () -> String, _ draw: (inout Self) -> Double) -> [Double] {
        Self.requireCount(count, call())
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(draw(&self)) }
        return values
    }

    /// A `rows × cols` matrix of results of `draw`, filled row by row as NumPy fills C-order arrays.
    mutating func drawMatrix(
        rows: Int, cols: Int, _ call: @autoclosure () -> String, _ draw: (inout Self) -> Double
    ) -> Matrix {
        LabKitFailure.require(rows >= 0 && cols >= 0, "\(call()): negative dimensions are not allowed")
        return Matrix(rows: rows, cols: cols, elements: draws(count: rows * cols, call(), draw))
    }

    /// Stops on a negative count, where NumPy raises "negative dimensions are not allowed".
    static func requireCount(_ count: Int, _ call: @autoclosure () -> String) {
        LabKitFailure.require(count >= 0, "\(call()): negative dimensions are not allowed")
    }
}
