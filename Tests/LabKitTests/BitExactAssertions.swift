// BitExactAssertions: comparisons with NumPy output that allow no difference at all.
import XCTest

/// Fails unless `actual` and `expected` have the same length and the same bits in every entry.
///
/// A failure names the vector (`context`) and shows at most five differing entries with their
/// bit patterns, never the whole array.
func assertSameBits(
    _ actual: [Double], _ expected: [Double], _ context: @autoclosure () -> String,
    file: StaticString = #filePath, line: UInt = #line
) {
    assertSameEntries(
        actual, expected, same: { $0.bitPattern == $1.bitPattern },
        show: { "\($0) [0x\(String($0.bitPattern, radix: 16))]" }, context(), file: file, line: line)
}

/// Fails unless the integer sequences are equal, showing at most five differing entries.
func assertSameIntegers<T: BinaryInteger>(
    _ actual: [T], _ expected: [T], _ context: @autoclosure () -> String,
    file: StaticString = #filePath, line: UInt = #line
) {
    assertSameEntries(actual, expected, same: ==, show: { "\($0)" }, context(), file: file, line: line)
}

private func assertSameEntries<T>(
    _ actual: [T], _ expected: [T], same: (T, T) -> Bool, show: (T) -> String, _ context: String,
    file: StaticString, line: UInt
) {
    let differing = zip(actual, expected).enumerated().filter { !same($1.0, $1.1) }
    if actual.count == expected.count && differing.isEmpty { return }
    let shown = differing.prefix(5).map { "[\($0)] got \(show($1.0)) want \(show($1.1))" }
    XCTFail(
        "\(context): \(actual.count) values vs NumPy's \(expected.count); \(differing.count) of the "
            + "common entries differ\(shown.isEmpty ? "" : ": " + shown.joined(separator: ", "))",
        file: file, line: line)
}

/// FNV-1a 64 over the little-endian IEEE bytes of `values`, as `make_rng_vectors.py` computes it
/// for outputs too long to store.
func fnv1a64(_ values: [Double]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for value in values {
        var bits = value.bitPattern
        for _ in 0..<8 {
            hash = (hash ^ (bits & 0xFF)) &* 0x0000_0100_0000_01B3
            bits >>= 8
        }
    }
    return hash
}
