// JSONNode: a parsed vector file that keeps exact integers and names the path of any bad entry.
import Foundation

/// A vector file that is missing or does not have the expected layout.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// A JSON value together with its file and path (`seeds.0.raw_uint32_first10[3]`), so a failure
/// says which vector it came from.
struct JSONNode: Sendable {
    /// JSON without a detour through `Double`, so 64-bit integers stay exact.
    enum Value: Sendable, Decodable {
        case null
        case bool(Bool)
        case integer(Int)
        case unsignedInteger(UInt64)
        case double(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(UInt64.self) {
                self = .unsignedInteger(value)
            } else if let value = try? container.decode(Double.self) {
                self = .double(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Value].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: Value].self))
            }
        }
    }

    let value: Value
    /// The file name, for messages.
    let file: String
    /// Where the value sits in the file, e.g. `groups.choice[3].calls[0]`.
    let path: String

    /// `file path`, the way messages name this value.
    var location: String { "\(file) \(path)" }

    /// Parses `data`, naming the root `name` in messages.
    static func parse(_ data: Data, name: String) throws -> JSONNode {
        JSONNode(value: try JSONDecoder().decode(Value.self, from: data), file: name, path: "")
    }

    private func mismatch(_ expected: String) -> FixtureError {
        FixtureError(description: "\(location) is not \(expected): \(value)")
    }

    /// The member `key` of an object.
    subscript(key: String) -> JSONNode {
        get throws {
            guard case .object(let members) = value else { throw mismatch("an object") }
            guard let member = members[key] else { throw FixtureError(description: "\(location) has no member '\(key)'") }
            return JSONNode(value: member, file: file, path: path.isEmpty ? key : "\(path).\(key)")
        }
    }

    /// Whether this is an object with a member `key`.
    func has(_ key: String) -> Bool {
        if case .object(let members) = value { return members[key] != nil }
        return false
    }

    /// The member names of an object, sorted.
    func keys() throws -> [String] {
        guard case .object(let members) = value else { throw mismatch("an object") }
        return members.keys.sorted()
    }

    /// The entries of an array.
    func elements() throws -> [JSONNode] {
        guard case .array(let items) = value else { throw mismatch("an array") }
        return items.enumerated().map { JSONNode(value: $1, file: file, path: "\(path)[\($0)]") }
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("a boolean") }
        return flag
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    func int() throws -> Int {
        guard case .integer(let number) = value else { throw mismatch("an Int") }
        return number
    }

    /// A non-negative integer up to 2⁶⁴ − 1.
    func uint64() throws -> UInt64 {
        switch value {
        case .integer(let number) where number >= 0: return UInt64(number)
        case .unsignedInteger(let number): return number
        default: throw mismatch("a UInt64")
        }
    }

    func uint32() throws -> UInt32 {
        guard let word = UInt32(exactly: try uint64()) else { throw mismatch("a UInt32") }
        return word
    }

    /// A number written in decimal; JSON integers are accepted.
    func double() throws -> Double {
        switch value {
        case .double(let number): return number
        case .integer(let number): return Double(number)
        default: throw mismatch("a number")
        }
    }

    /// A double written with Python's `float.hex()`, parsed bit for bit.
    func hexDouble() throws -> Double {
        guard let number = Double(try string()) else { throw mismatch("a hexadecimal float") }
        return number
    }

    func ints() throws -> [Int] { try elements().map { try $0.int() } }
    func uint64s() throws -> [UInt64] { try elements().map { try $0.uint64() } }
    func uint32s() throws -> [UInt32] { try elements().map { try $0.uint32() } }
    func hexDoubles() throws -> [Double] { try elements().map { try $0.hexDouble() } }
}
