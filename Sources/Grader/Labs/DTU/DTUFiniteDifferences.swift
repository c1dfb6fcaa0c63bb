// DTUFiniteDifferences: an analytic derivative of the DTU lab against central differences of a
// scalar function (usually the student's own loss), entry by entry and along random directions.
import Foundation
import LabKit

/// Central differences `(f(x + h·d) − f(x − h·d)) / 2h` compared with `⟨analytic, d⟩`.
///
/// Every entry is probed when a matrix has at most `coordinateLimit` of them; otherwise the largest
/// third by `|analytic|` (a wrong large entry matters most) and random others. Each matrix also gets
/// `directions` random ±1 directions, one of which tests every entry at once. As in the grader's
/// gradient check, a probe agrees when `|a − n| ≤ 16·ε·max|f±|/h + absolute + relative·max(|a|, |n|)`,
/// and a disagreeing probe is confirmed at `10h` before it counts, so correct code never fails on
/// round-off or truncation.
struct DTUFiniteDifferences {
    /// The central-difference step, scaled by `max(1, |x_k|)` for coordinates.
    var step = 1e-5
    /// How close an analytic derivative must be to the central difference.
    var tolerance: Check.ValueTolerance
    /// Matrices with more entries than this are probed at a sample of them.
    var coordinateLimit = 24
    /// Random-direction probes per matrix.
    var directions = 2

    /// What the probes of one matrix found.
    struct Finding {
        /// Probes made.
        var probes = 0
        /// Probes that disagreed, with their description (`[1, 2]: yours …, numerical …`).
        var disagreements = [String]()

        /// `name disagrees … in k of n probes; …`, or `nil` when every probe agreed.
        func message(_ name: String, against what: String) -> String? {
            guard !disagreements.isEmpty else { return nil }
            return "\(name) disagrees with \(what) in \(disagreements.count) of \(probes) probes; "
                + disagreements.prefix(3).joined(separator: "; ")
        }
    }

    /// A point near `x`: entry `coordinate` moved by `step`, or every entry by `step · direction`.
    struct Move {
        var coordinate: Int?
        var direction: Matrix?
        var step: Double

        /// `x` moved.
        func apply(to x: Matrix) -> Matrix {
            var moved = x
            if let coordinate { moved.elements[coordinate] += step }
            if let direction { moved = moved + step * direction }
            return moved
        }
    }

    /// Probes `analytic` (shaped like `x`) against central differences of `f` at `x`, computed
    /// one point at a time.
    func compare(
        _ analytic: Matrix, at x: Matrix, random: inout NumPyRandomState, of f: (Matrix) throws -> Double
    ) throws -> Finding {
        try compare(analytic, at: x, random: &random, batch: { moves in try moves.map { try f($0.apply(to: x)) } })
    }

    /// Probes `analytic` (shaped like `x`) against central differences of `f`, which `batch` gives
    /// at all the moves from `x` at once (one round trip to the submission). Every probe is taken
    /// at `h` and at `10h` in that batch; a probe agrees when either agrees.
    func compare(
        _ analytic: Matrix, at x: Matrix, random: inout NumPyRandomState, batch: ([Move]) throws -> [Double]
    ) throws -> Finding {
        let coordinates = coordinates(analytic, random: &random)
        let signs = (0..<directions).map { _ in
            Matrix(rows: x.rows, cols: x.cols, elements: (0..<x.count).map { _ in random.randomSample() < 0.5 ? -1 : 1 })
        }
        var moves = [Move]()
        for k in coordinates {
            let h = step * Swift.max(1, Swift.abs(x.elements[k]))
            for scaled in [h, -h, 10 * h, -10 * h] { moves.append(Move(coordinate: k, direction: nil, step: scaled)) }
        }
        for direction in signs {
            for scaled in [step, -step, 10 * step, -10 * step] { moves.append(Move(coordinate: nil, direction: direction, step: scaled)) }
        }
        let values = try batch(moves)
        var finding = Finding()
        for (index, k) in coordinates.enumerated() {
            let estimates = Self.estimates(values, moves, at: 4 * index)
            finding.probes += 1
            guard !estimates.contains(where: { agrees(analytic.elements[k], $0, floor: 0) }) else { continue }
            finding.disagreements.append(
                "\(entry(k, of: x)): yours \(format(analytic.elements[k])), numerical \(format(estimates[0].value))")
        }
        for (index, direction) in signs.enumerated() {
            let estimates = Self.estimates(values, moves, at: 4 * (coordinates.count + index))
            let projected = zip(analytic.elements, direction.elements).reduce(0) { $0 + $1.0 * $1.1 }
            let floor = analytic.elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
            finding.probes += 1
            if !estimates.contains(where: { agrees(projected, $0, floor: floor) }) {
                finding.disagreements.append("a random direction (several entries are wrong)")
            }
        }
        return finding
    }

    /// The central differences at `h` and `10h` from the four values starting at `first`.
    private static func estimates(_ values: [Double], _ moves: [Move], at first: Int) -> [(value: Double, roundOff: Double)] {
        [first, first + 2].map { i in
            let (plus, minus, h) = (values[i], values[i + 1], moves[i].step)
            return ((plus - minus) / (2 * h), 16 * Double.ulpOfOne * Swift.max(Swift.abs(plus), Swift.abs(minus)) / h)
        }
    }

    private func agrees(_ analytic: Double, _ estimate: (value: Double, roundOff: Double), floor: Double) -> Bool {
        let size = Swift.max(Swift.abs(analytic), Swift.abs(estimate.value), floor)
        return Swift.abs(analytic - estimate.value) <= estimate.roundOff + tolerance.absolute + tolerance.relative * size
    }

    private func coordinates(_ analytic: Matrix, random: inout NumPyRandomState) -> [Int] {
        let count = analytic.count
        guard count > coordinateLimit else { return Array(0..<count) }
        let largest = analytic.elements.indices.sorted { Swift.abs(analytic.elements[$0]) > Swift.abs(analytic.elements[$1]) }
        var chosen = Set(largest.prefix(coordinateLimit / 3))
        while chosen.count < coordinateLimit { chosen.insert(random.randint(high: count)) }
        return chosen.sorted()
    }

    private func entry(_ k: Int, of x: Matrix) -> String { "[\(k / x.cols), \(k % x.cols)]" }

    private func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
