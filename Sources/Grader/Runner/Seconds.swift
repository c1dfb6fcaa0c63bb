// Seconds: durations written for people.

/// Formats durations for reports: `0.42 s`, `12 s`.
enum Seconds {
    /// Two decimals below ten seconds, whole seconds above.
    static func text(_ value: Double) -> String {
        value < 10 ? "\((value * 100).rounded() / 100) s" : "\(Int(value.rounded())) s"
    }
}
