// ManifestSchema: the shape assignment.json must have, checked before it is decoded.
import LabKit

/// A JSON schema small enough to state in code: objects with known fields, arrays, scalars.
///
/// Validation walks the parsed tree and reports the first problem with its JSON path, so a typo
/// such as `tolerence` is named with a suggestion instead of being silently ignored.
indirect enum ManifestSchema: Sendable {
    /// A string; `allowed` lists the only valid values when not empty.
    case string(allowed: [String] = [])
    /// A number from `minimum` to `maximum`.
    case number(minimum: Double = -.infinity, maximum: Double = .infinity)
    /// An integer from `minimum` to `maximum`.
    case integer(minimum: Int = .min, maximum: Int = .max)
    /// `true` or `false`.
    case bool
    /// An array of one kind of element.
    case array(ManifestSchema)
    /// An object: each field with its schema and whether it is required.
    case object([Field])

    /// One field of an object.
    struct Field: Sendable {
        let name: String
        let schema: ManifestSchema
        let required: Bool
    }

    /// What the schema expects, in words.
    var expectation: String {
        switch self {
        case .string(let allowed): return allowed.isEmpty ? "a string" : "one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .number(let minimum, let maximum):
            return "a number" + (maximum.isFinite ? " from \(minimum) to \(maximum)" : minimum.isFinite ? " ≥ \(minimum)" : "")
        case .integer(let minimum, let maximum):
            return "an integer" + (maximum != .max ? " from \(minimum) to \(maximum)" : minimum != .min ? " ≥ \(minimum)" : "")
        case .bool: return "true or false"
        case .array(let element): return "an array of \(element.expectation)"
        case .object(let fields): return "an object with \(fields.filter(\.required).map(\.name).joined(separator: ", "))"
        }
    }

    /// Checks `tree` at `path` in `file`; throws the first ``ManifestError`` found.
    func validate(_ tree: JSONTree, path: String, file: String) throws {
        switch (self, tree) {
        case (.string(let allowed), .string(let value)):
            if !allowed.isEmpty && !allowed.contains(value) {
                throw ManifestError.invalidValue(
                    path: path, file: file, reason: "\"\(value)\" is not \(expectation)" + Self.didYouMean(value, among: allowed))
            }
        case (.number(let minimum, let maximum), .number(let value)):
            if value < minimum { throw ManifestError.invalidValue(path: path, file: file, reason: "\(value) is below \(minimum)") }
            if value > maximum { throw ManifestError.invalidValue(path: path, file: file, reason: "\(value) is above \(maximum)") }
        case (.integer(let minimum, let maximum), .number(let value)):
            guard value == value.rounded(), Swift.abs(value) < 9e15 else {
                throw ManifestError.wrongType(path: path, file: file, expected: expectation, found: "\(value)")
            }
            if Int(value) < minimum { throw ManifestError.invalidValue(path: path, file: file, reason: "\(Int(value)) is below \(minimum)") }
            if Int(value) > maximum { throw ManifestError.invalidValue(path: path, file: file, reason: "\(Int(value)) is above \(maximum)") }
        case (.bool, .bool):
            return
        case (.array(let element), .array(let items)):
            for (index, item) in items.enumerated() { try element.validate(item, path: "\(path)[\(index)]", file: file) }
        case (.object(let fields), .object(let values)):
            let known = fields.map(\.name)
            for key in values.keys.sorted() where !known.contains(key) {
                throw ManifestError.unknownField(path: join(path, key), file: file, suggestion: Self.closest(to: key, in: known))
            }
            for field in fields {
                if let value = values[field.name] {
                    try field.schema.validate(value, path: join(path, field.name), file: file)
                } else if field.required {
                    throw ManifestError.missingField(path: join(path, field.name), file: file, expected: field.schema.expectation)
                }
            }
        default:
            throw ManifestError.wrongType(path: path, file: file, expected: expectation, found: Self.kind(of: tree))
        }
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// ` (did you mean "NAME"?)` for the known name closest to `value`, or nothing.
    static func didYouMean(_ value: String, among known: [String]) -> String {
        closest(to: value, in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    static func kind(of tree: JSONTree) -> String {
        switch tree {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let value): return "the number \(value)"
        case .string(let value): return "the string \"\(value)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The known name within edit distance 3 of `name`, if any.
    static func closest(to name: String, in known: [String]) -> String? {
        known.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }.filter { $0.1 <= 3 }
            .min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var previous = Array(0...b.count)
        for i in 1...Swift.max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...Swift.max(b.count, 1) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
