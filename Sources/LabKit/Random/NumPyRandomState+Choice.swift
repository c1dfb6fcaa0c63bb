// Sampling of NumPyRandomState: NumPy's legacy `choice` in its four modes.

extension NumPyRandomState {
    /// `count` indices drawn from `0 ..< n`, with or without replacement, uniformly or with
    /// probabilities `p`.
    ///
    /// NumPy: `np.random.choice(n, count, replace=replace, p=p)`; to sample from an array `a`,
    /// use the result as indices (`a[idx]` in NumPy). Each mode consumes the stream as NumPy does:
    /// - `replace`, no `p`: `randint(low: 0, high: n, count: count)`.
    /// - no `replace`, no `p`: the first `count` entries of `permutation(n)`, so it always draws a
    ///   **full** permutation of `n`, whatever `count` is.
    /// - `replace` with `p`: `cdf = cumsum(p) / cdf[n − 1]`, then for each of `count`
    ///   `randomSample()` draws `u`, the first index with `cdf[i] > u`
    ///   (`searchsorted(cdf, u, side='right')`).
    /// - no `replace` with `p`: rounds of `count − found` uniform draws mapped through the cdf of
    ///   `p` with the indices already found set to zero; each round keeps its new indices in
    ///   order of first appearance, until `count` distinct indices are found.
    ///
    /// Stops with NumPy's message when `n <= 0` while `count > 0`, when `count` is negative or
    /// exceeds `n` without replacement, or when `p` has the wrong length, a NaN, a negative entry,
    /// a sum farther than √ε ≈ 1.5e-8 from 1, or (without replacement) fewer than `count`
    /// non-zero entries.
    public mutating func choice(_ n: Int, count: Int, replace: Bool = true, p: [Double]? = nil) -> [Int] {
        let call = "choice(\(n), count: \(count), replace: \(replace)\(p == nil ? "" : ", p: …"))"
        Self.requireCount(count, call)
        LabKitFailure.require(n > 0 || count == 0, "\(call): a must be greater than 0 unless no samples are taken")
        if let p { Self.requireProbabilities(p, n: n, call) }
        switch (replace, p) {
        case (true, nil):
            return randint(low: 0, high: n, count: count)
        case (true, let p?):
            let cdf = Self.normalizedCumulativeSum(p)
            return (0..<count).map { _ in Self.searchSortedRight(cdf, randomSample()) }
        case (false, let p):
            LabKitFailure.require(
                count <= n, "\(call): Cannot take a larger sample than population when 'replace=False'")
            guard let p else { return Array(permutation(n).prefix(count)) }
            return sampleWithoutReplacement(count: count, p: p, call)
        }
    }

    /// NumPy's rejection rounds for `choice(n, count, replace=False, p=p)`.
    private mutating func sampleWithoutReplacement(count: Int, p: [Double], _ call: String) -> [Int] {
        LabKitFailure.require(
            p.filter { $0 > 0 }.count >= count, "\(call): Fewer non-zero entries in p than size")
        var weights = p
        var found: [Int] = []
        found.reserveCapacity(count)
        while found.count < count {
            // NumPy draws the whole round before it zeroes the weights of earlier rounds.
            let draws = randomSample(count: count - found.count)
            for index in found { weights[index] = 0 }
            let cdf = Self.normalizedCumulativeSum(weights)
            var seenThisRound = Set<Int>()
            for u in draws {
                let index = Self.searchSortedRight(cdf, u)
                if seenThisRound.insert(index).inserted { found.append(index) }
            }
        }
        return found
    }

    /// `cumsum(p) / cumsum(p)[-1]`, summed left to right as NumPy's `cumsum` does.
    private static func normalizedCumulativeSum(_ p: [Double]) -> [Double] {
        var running = 0.0
        var cdf = p.map { value -> Double in
            running += value
            return running
        }
        let total = running
        for i in cdf.indices { cdf[i] /= total }
        return cdf
    }

    /// The number of entries of the sorted `cdf` that are `<= u` (`searchsorted(side='right')`).
    private static func searchSortedRight(_ cdf: [Double], _ u: Double) -> Int {
        var low = 0
        var high = cdf.count
        while low < high {
            let middle = (low + high) / 2
            if cdf[middle] <= u { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// NumPy's checks on `p`, in NumPy's order, with NumPy's messages.
    private static func requireProbabilities(_ p: [Double], n: Int, _ call: String) {
        LabKitFailure.require(p.count == n, "\(call): 'a' and 'p' must have same size (p has \(p.count) entries)")
        let sum = kahanSum(p)
        LabKitFailure.require(!sum.isNaN, "\(call): probabilities contain NaN")
        LabKitFailure.require(!p.contains { $0 < 0 }, "\(call): probabilities are not non-negative")
        let tolerance = Double.ulpOfOne.squareRoot()
        LabKitFailure.require(abs(sum - 1) <= tolerance, "\(call): probabilities do not sum to 1 (sum is \(sum))")
    }

    /// Compensated sum, as NumPy's `kahan_sum` computes it for the "sum to 1" check; a plain sum
    /// could accept or refuse a `p` differently near the tolerance.
    private static func kahanSum(_ values: [Double]) -> Double {
        guard var sum = values.first else { return 0 }
        var compensation = 0.0
        for value in values.dropFirst() {
            let y = value - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        return sum
    }
}
