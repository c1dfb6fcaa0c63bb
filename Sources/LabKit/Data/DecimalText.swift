// DecimalText: turns the bytes of a numeric text field into a Double, exactly and quickly.

/// Parsing of decimal numbers written as text (`130`, `-3.5`, `3504.`, `1e-3`).
///
/// Plain decimals with at most 15 digits and 22 fraction digits take a fast path that is still
/// correctly rounded: the digits form an integer below 2⁵³ and the power of ten is exact, so the
/// single IEEE division rounds once (Clinger's fast path). Anything else (exponents, `inf`,
/// `nan`, long digit strings) goes through the standard library's parser.
enum DecimalText {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number written in `text` (surrounding spaces and tabs allowed), or nil if it is not one.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var start = 0, end = text.count
        trim(text, &start, &end)
        guard start < end else { return nil }
        return fastParse(text, start, end)
            ?? Double(String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self))
    }

    /// Moves `start` past leading and `end` before trailing spaces and tabs of `text[start..<end]`.
    static func trim(_ text: UnsafeBufferPointer<UInt8>, _ start: inout Int, _ end: inout Int) {
        while start < end && (text[start] == 0x20 || text[start] == 0x09) { start += 1 }
        while end > start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
    }

    private static func fastParse(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var index = start
        let negative = text[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0, digits = 0, fractionDigits = 0, sawPoint = false
        while index < end {
            let byte = text[index]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                digits += 1
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 15, fractionDigits < powersOfTen.count else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }
}
