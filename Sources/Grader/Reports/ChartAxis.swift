// ChartAxis: the range, ticks and tick labels of one chart axis, linear or logarithmic.
import Foundation

/// Maps finite data values onto `0...1` along an axis and chooses its ticks.
///
/// A linear axis is widened to whole multiples of a "nice" step (1, 2 or 5 × 10ᵏ, about five
/// ticks); a logarithmic one to whole decades. Every quantity is computed from halves of the end
/// points, so a range from `-greatestFiniteMagnitude` to `greatestFiniteMagnitude` neither
/// overflows nor loses its ticks. A range of one value is widened around it.
struct ChartAxis {
    /// The lower end, in axis units (log₁₀ of the value when logarithmic).
    let lower: Double
    /// The upper end, in axis units; always above `lower`.
    let upper: Double
    /// Whether the axis is log₁₀.
    let logarithmic: Bool
    /// Tick values (data units), inside the range.
    let ticks: [Double]
    /// The step between ticks, in axis units: it decides how many decimals a label needs.
    private let step: Double

    /// An axis covering `lowest...highest` (finite, `lowest ≤ highest`; both positive when
    /// `logarithmic`); `integers` keeps ticks on whole numbers.
    init(lowest: Double, highest: Double, integers: Bool, logarithmic: Bool) {
        self.logarithmic = logarithmic
        if logarithmic {
            let low = Foundation.floor(Foundation.log10(lowest)), high = Swift.max(Foundation.ceil(Foundation.log10(highest)), low + 1)
            let decades = Swift.max(1, Foundation.ceil((high - low) / 8))
            (lower, upper, step) = (low, high, decades)
            // Decades past the ends of Double (10⁻³²⁴ underflows, 10³⁰⁹ overflows) get no tick.
            ticks = stride(from: low, through: high, by: decades).map { Foundation.pow(10, $0) }.filter { $0 > 0 && $0.isFinite }
            return
        }
        var (low, high) = (lowest, highest)
        if low == high {
            let pad = low == 0 ? 1 : Swift.abs(low) / 2
            (low, high) = (Self.finite(low - pad), Self.finite(high + pad))
        }
        var step = Self.niceStep(halfSpan: high / 2 - low / 2)
        if integers { step = Swift.max(1, step.rounded(.up)) }
        let widenedLow = Self.finite(Foundation.floor(low / step) * step), widenedHigh = Self.finite(Foundation.ceil(high / step) * step)
        (lower, upper, self.step) = (widenedLow, widenedHigh > widenedLow ? widenedHigh : high, step)
        var ticks = [Double]()
        var index = Foundation.ceil(widenedLow / step)
        while ticks.count < 12 {
            let tick = index * step
            guard tick.isFinite, tick <= widenedHigh else { break }
            ticks.append(Swift.abs(tick) < step * 1e-9 ? 0 : tick)
            index += 1
        }
        self.ticks = ticks
    }

    /// Where `value` lies along the axis: 0 at the lower end, 1 at the upper end.
    func fraction(_ value: Double) -> Double {
        let position = logarithmic ? Foundation.log10(value) : value
        return (position / 2 - lower / 2) / (upper / 2 - lower / 2)
    }

    /// The label of tick `value`: as many decimals as the step needs, exponent notation for
    /// very large or very small magnitudes.
    func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        if logarithmic {
            return Swift.abs(Foundation.log10(value)) < 5 ? String(format: "%g", value) : String(format: "1e%d", Int(Foundation.log10(value).rounded()))
        }
        let decimals = Swift.max(0, Int(-Foundation.floor(Foundation.log10(step))))
        guard decimals <= 6, Swift.abs(value) < 1e7 else { return String(format: "%.3g", value) }
        return String(format: "%.\(decimals)f", value)
    }

    /// 1, 2 or 5 × 10ᵏ, about a fifth of the span (given as half the span, so it cannot overflow).
    private static func niceStep(halfSpan: Double) -> Double {
        let raw = halfSpan / 2.5
        guard raw > 0, raw.isFinite else { return 1 }
        let exponent = Foundation.floor(Foundation.log10(raw))
        let fraction = raw / Foundation.pow(10, exponent)
        // The slack absorbs round-off such as 0.2 / 0.1 = 2.0000000000000004.
        let nice: Double = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10
        return nice * Foundation.pow(10, exponent)
    }

    /// `value`, or the largest finite number of its sign when it overflowed.
    private static func finite(_ value: Double) -> Double {
        value.isFinite ? value : (value > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude)
    }
}
