// StudentID: which names may identify a student (they become folder names under --out).

/// The rule for student ids: a submission's name without its extension, usable as a folder name.
enum StudentID {
    /// What an id must be, said after the id in error messages.
    static let rule = "must not be empty, start with a dot, or contain a slash or a control character"

    /// Whether `id` can name a student.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix(".") && !id.contains("/") && !id.contains { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }
    }
}
