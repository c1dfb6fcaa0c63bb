// VectorMath against glibc's exp and log: within one ulp over millions of points, and exactly
// IEEE at the edges (±0, subnormals, ±709.78, the overflow and underflow limits, ±∞, NaN).
import Foundation
import LabKit
import XCTest

final class VectorMathTests: XCTestCase {
    /// Units in the last place between two doubles of the same sign (0 when both are NaN or equal).
    private func ulps(_ a: Double, _ b: Double) -> UInt64 {
        if a.isNaN && b.isNaN || a == b { return 0 }
        guard a.sign == b.sign, a.isFinite, b.isFinite else { return .max }
        let x = Int64(bitPattern: a.magnitude.bitPattern), y = Int64(bitPattern: b.magnitude.bitPattern)
        return UInt64(Swift.abs(x - y))
    }

    private func run(_ f: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void, _ xs: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: xs.count)
        xs.withUnsafeBufferPointer { x in out.withUnsafeMutableBufferPointer { f(x, $0) } }
        return out
    }

    /// A seeded stream of doubles uniform in `range`.
    private func uniform(_ count: Int, in range: ClosedRange<Double>, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + (range.upperBound - range.lowerBound) * Double(state >> 11) / Double(1 << 53)
        }
    }

    func testExpIsWithinOneUlpOfGlibcOverTwoMillionPoints() {
        let xs = uniform(1_000_000, in: -745...709.78, seed: 1) + uniform(1_000_000, in: -2...2, seed: 2)
        let ours = run(VectorMath.exp, xs)
        let worst = zip(xs, ours).map { ulps($1, Foundation.exp($0)) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, 1)
    }

    func testLogIsWithinOneUlpOfGlibcOverTwoMillionPoints() {
        // Every binade: random bit patterns of positive finite doubles, and values near 1.
        var state: UInt64 = 3
        let patterns = (0..<1_000_000).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(bitPattern: (state >> 1) % 0x7ff0_0000_0000_0000 + 1)
        }
        let xs = patterns + uniform(1_000_000, in: 0.5...2, seed: 4)
        let ours = run(VectorMath.log, xs)
        let worst = zip(xs, ours).map { ulps($1, Foundation.log($0)) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, 1)
    }

    func testExpAtItsEdges() {
        let table: [(x: Double, expected: Double)] = [
            (0, 1), (-0.0, 1), (.leastNonzeroMagnitude, 1), (-.leastNonzeroMagnitude, 1), (.infinity, .infinity), (-.infinity, 0),
            (709.78, Foundation.exp(709.78)), (-709.78, Foundation.exp(-709.78)), (709.79, .infinity), (1e300, .infinity),
            (-745.2, 0), (-1e300, 0), (-740, Foundation.exp(-740)), (-710, Foundation.exp(-710)),
        ]
        let ours = run(VectorMath.exp, table.map(\.x))
        for (row, value) in zip(table, ours) {
            // Subnormal results are rounded twice on the way (2^k applied in two steps): one ulp of slack.
            XCTAssertLessThanOrEqual(ulps(value, row.expected), row.expected < 2.2250738585072014e-308 ? 1 : 0, "exp(\(row.x))")
        }
        XCTAssertTrue(run(VectorMath.exp, [.nan])[0].isNaN)
    }

    func testLogAtItsEdges() {
        let table: [(x: Double, expected: Double)] = [
            (1, 0), (0, -.infinity), (-0.0, -.infinity), (.infinity, .infinity), (.leastNonzeroMagnitude, Foundation.log(.leastNonzeroMagnitude)),
            (2.2250738585072014e-308, Foundation.log(2.2250738585072014e-308)), (.greatestFiniteMagnitude, Foundation.log(.greatestFiniteMagnitude)),
        ]
        for (row, value) in zip(table, run(VectorMath.log, table.map(\.x))) {
            XCTAssertEqual(value, row.expected, "log(\(row.x))")
        }
        for x in [-1.0, -.infinity, .nan, -.leastNonzeroMagnitude] { XCTAssertTrue(run(VectorMath.log, [x])[0].isNaN, "log(\(x))") }
    }

    func testSigmoidIsTheLogisticFunctionAndStaysInItsRange() {
        let xs = uniform(100_000, in: -40...40, seed: 5) + [0, 40, -40, 800, -800, .infinity, -.infinity]
        let ours = run(VectorMath.sigmoid, xs)
        for (x, y) in zip(xs, ours) {
            let exact = 1 / (1 + Foundation.exp(-x))
            XCTAssertLessThanOrEqual(Swift.abs(y - exact), 4 * exact.ulp + 1e-300, "sigmoid(\(x))")
            XCTAssertTrue((0...1).contains(y), "sigmoid(\(x)) = \(y)")
        }
    }

    func testTailsShorterThanABlockAreComputedToo() {
        for count in 0..<20 {
            let xs = (0..<count).map { Double($0) / 4 - 2 }
            XCTAssertEqual(run(VectorMath.exp, xs).map { ulps($0, 0) > 0 }, xs.map { _ in true })
            XCTAssertTrue(zip(xs, run(VectorMath.exp, xs)).allSatisfy { ulps($1, Foundation.exp($0)) <= 1 }, "\(count)")
        }
    }
}
