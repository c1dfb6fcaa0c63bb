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

    /// Probes `analytic` (shaped like `x`) against central differences of `f` at `x`.
    func compare(
        _ analytic: Matrix, at x: Matrix, random: inout NumPyRandomState, of f: (Matrix) throws -> Double
    ) throws -> Finding {
        var finding = Finding()
        for k in coordinates(analytic, random: &random) {
            var direction = Matrix.zeros(like: x)
            direction.elements[k] = 1
            let h = step * Swift.max(1, Swift.abs(x.elements[k]))
            if try !agrees(analytic.elements[k], along: direction, at: x, h: h, f) {
                let numerical = try derivative(along: direction, at: x, h: h, f).value
                finding.disagreements.append("\(entry(k, of: x)): yours \(format(analytic.elements[k])), numerical \(format(numerical))")
            }
            finding.probes += 1
        }
        for _ in 0..<directions {
            let signs = Matrix(rows: x.rows, cols: x.cols, elements: (0..<x.count).map { _ in random.randomSample() < 0.5 ? -1 : 1 })
            let projected = zip(analytic.elements, signs.elements).reduce(0) { $0 + $1.0 * $1.1 }
            let floor = analytic.elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if try !agrees(projected, along: signs, at: x, h: step, floor: floor, f) {
                finding.disagreements.append("a random direction (several entries are wrong)")
            }
            finding.probes += 1
        }
        return finding
    }

    private func agrees(
        _ analytic: Double, along direction: Matrix, at x: Matrix, h: Double, floor: Double = 0, _ f: (Matrix) throws -> Double
    ) throws -> Bool {
        for scale in [1.0, 10.0] {
            let estimate = try derivative(along: direction, at: x, h: scale * h, f)
            let size = Swift.max(Swift.abs(analytic), Swift.abs(estimate.value), floor)
            if Swift.abs(analytic - estimate.value) <= estimate.roundOff + tolerance.absolute + tolerance.relative * size {
                return true
            }
        }
        return false
    }

    private func derivative(
        along direction: Matrix, at x: Matrix, h: Double, _ f: (Matrix) throws -> Double
    ) throws -> (value: Double, roundOff: Double) {
        let plus = try f(x + h * direction), minus = try f(x - h * direction)
        return ((plus - minus) / (2 * h), 16 * Double.ulpOfOne * Swift.max(Swift.abs(plus), Swift.abs(minus)) / h)
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
