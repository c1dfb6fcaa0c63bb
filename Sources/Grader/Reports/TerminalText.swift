// TerminalText: what a submission wrote, made harmless to print on a terminal.

/// Makes control characters visible. A submission's output, its error messages, its file names
/// and the compiler's quotes of its source reach the terminal through reports; an escape
/// sequence among them could clear the screen, fake a score, retitle the window or write to the
/// clipboard. Every C0 and C1 control but newline and tab, and DEL, becomes `\u{1b}`-style text.
public enum TerminalText {
    /// `text` with every control character but `\n` and `\t` written out as `\u{…}`.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0a && value != 0x09) || (0x7f...0x9f).contains(value)
    }
}
