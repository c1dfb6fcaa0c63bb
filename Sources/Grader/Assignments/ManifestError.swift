// ManifestError: what is wrong with an assignment.json, where, and what was expected.

/// A problem in an assignment manifest, naming the file and the JSON path.
public enum ManifestError: Error, Equatable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(file: String, reason: String)
    /// The file is not valid JSON.
    case invalidJSON(file: String, reason: String)
    /// A field the schema does not know; `suggestion` is the closest known name.
    case unknownField(path: String, file: String, suggestion: String?)
    /// A required field is absent.
    case missingField(path: String, file: String, expected: String)
    /// A field has the wrong JSON type.
    case wrongType(path: String, file: String, expected: String, found: String)
    /// A field has the right type but an unusable value.
    case invalidValue(path: String, file: String, reason: String)

    /// What is wrong, where, and what to do.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the manifest: \(reason)"
        case .invalidJSON(let file, let reason):
            return "\(file): not valid JSON: \(reason)"
        case .unknownField(let path, let file, let suggestion):
            return "\(file): unknown field \(path)" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .missingField(let path, let file, let expected):
            return "\(file): missing field \(path): expected \(expected)"
        case .wrongType(let path, let file, let expected, let found):
            return "\(file): \(path) should be \(expected), found \(found)"
        case .invalidValue(let path, let file, let reason):
            return "\(file): \(path): \(reason)"
        }
    }
}
