// Reads fixtures/reference-values/lab_reference.json, the labs' full reference arrays.
import Foundation
import LabKit
import XCTest

/// A path into lab_reference.json, e.g. `LabReferenceJSON.value("hlcv", "grads", "W1")`.
enum LabReferenceJSON {
    /// The parsed file, loaded once.
    nonisolated(unsafe) private static var root: [String: Any]?

    /// The URL of the fixture, found from this file's location.
    static var url: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/reference-values/lab_reference.json")
    }

    /// The JSON value at `path`; fails the test naming the missing key when absent.
    static func value(_ path: String...) throws -> Any {
        try value(at: path)
    }

    /// The number at `path`.
    static func number(_ path: String...) throws -> Double {
        let node = try value(at: path)
        guard let number = node as? NSNumber else { throw CocoaError(.fileReadCorruptFile) }
        return number.doubleValue
    }

    /// The numbers at `path`, flattened in row-major order (a vector or a nested array).
    static func numbers(_ path: String...) throws -> [Double] {
        try flatten(value(at: path))
    }

    /// The nested array at `path` as a matrix (a 1-D array becomes a row).
    static func matrix(_ path: String...) throws -> Matrix {
        let node = try value(at: path)
        if let rows = node as? [[Any]] {
            return Matrix(rows: rows.count, cols: rows.first?.count ?? 0, elements: try flatten(node))
        }
        let values = try flatten(node)
        return Matrix(row: values)
    }

    private static func value(at path: [String]) throws -> Any {
        if root == nil {
            // Python's json writes a bare NaN (one diverged training run); JSON has no NaN, so read it as null.
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: ": NaN", with: ": null")
            // JSONDecoder parses numbers exactly; JSONSerialization can be off by an ulp.
            root = plain(try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))) as? [String: Any]
        }
        var node: Any = root as Any
        for key in path {
            guard let object = node as? [String: Any], let next = object[key] else {
                XCTFail("lab_reference.json has no \(path.joined(separator: ".")) (missing \(key))")
                throw CocoaError(.fileReadCorruptFile)
            }
            node = next
        }
        return node
    }

    /// The tree as Foundation values (dictionaries, arrays, NSNumber), as the callers expect.
    private static func plain(_ tree: JSONTree) -> Any {
        switch tree {
        case .null: return NSNull()
        case .bool(let flag): return NSNumber(value: flag)
        case .number(let value): return NSNumber(value: value)
        case .string(let text): return text
        case .array(let items): return items.map(plain)
        case .object(let fields): return fields.mapValues(plain)
        }
    }

    private static func flatten(_ node: Any) throws -> [Double] {
        if let number = node as? NSNumber { return [number.doubleValue] }
        if let array = node as? [Any] { return try array.flatMap(flatten) }
        throw CocoaError(.fileReadCorruptFile)
    }
}
