// JSONTree: a parsed JSON value, the untyped form of oracle arguments and results.

/// Any JSON value. Oracle messages carry arguments and results as trees so that one generic
/// transport serves every exercise; ``WireCoding`` turns a subtree back into a typed value.
public indirect enum JSONTree: Sendable, Hashable, Codable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (JSON has only doubles; integers up to 2⁵³ are exact).
    case number(Double)
    /// A string. Non-finite numbers travel as the strings `"nan"`, `"inf"`, `"-inf"`.
    case string(String)
    /// An array.
    case array([JSONTree])
    /// An object.
    case object([String: JSONTree])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items = [JSONTree]()
            while !list.isAtEnd { items.append(try list.decode(JSONTree.self)) }
            self = .array(items)
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var fields = [String: JSONTree]()
            for key in keyed.allKeys { fields[key.stringValue] = try keyed.decode(JSONTree.self, forKey: key) }
            self = .object(fields)
            return
        }
        let single = try decoder.singleValueContainer()
        // Strings before numbers: a decoder may read the string "nan" as a Double, and a tree must
        // keep it a string so it encodes again.
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let text = try? single.decode(String.self) {
            self = .string(text)
        } else {
            self = .number(try single.decode(Double.self))
        }
    }

    /// Encodes the value as JSON.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .number(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let items):
            var list = encoder.unkeyedContainer()
            for item in items { try list.encode(item) }
        case .object(let fields):
            var keyed = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in fields { try keyed.encode(value, forKey: AnyKey(key)) }
        }
    }

    /// The field `key` of an object, or `nil`.
    public subscript(key: String) -> JSONTree? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

/// A coding key made from any string.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
