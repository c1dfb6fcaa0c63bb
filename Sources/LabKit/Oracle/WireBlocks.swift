// WireBlocks: how matrices leave the JSON header and travel as raw Float64 blocks.
import Foundation

extension CodingUserInfoKey {
    /// Set on an encoder to a ``WireBlockSink`` (or on a decoder to a ``WireBlockSource``):
    /// matrices then encode as `{"rows", "cols", "block"}` and their entries go to the blocks.
    public static let labkitWireBlocks = CodingUserInfoKey(rawValue: "labkit.wireBlocks")!
}

/// Collects the entries of every matrix encoded while it is installed, in order.
///
/// Used by one encoding call on one thread; it is `@unchecked Sendable` only so it can sit in
/// `JSONEncoder.userInfo`.
public final class WireBlockSink: @unchecked Sendable {
    /// The blocks collected so far.
    public private(set) var blocks: [[Double]] = []

    /// Makes a sink whose first blocks are `existing`; new blocks are numbered after them.
    public init(continuing existing: [[Double]] = []) {
        blocks = existing
    }

    /// Stores `values` as the next block and returns its index.
    public func append(_ values: [Double]) -> Int {
        blocks.append(values)
        return blocks.count - 1
    }
}

/// Hands out the blocks of a received frame to the matrices being decoded.
public final class WireBlockSource: @unchecked Sendable {
    /// The frame's blocks, in order.
    public let blocks: [[Double]]

    /// Makes a source over received blocks.
    public init(_ blocks: [[Double]]) {
        self.blocks = blocks
    }

    /// Block `index`, checked to hold exactly `count` values.
    public func block(_ index: Int, count: Int) throws -> [Double] {
        guard blocks.indices.contains(index) else {
            throw WireError.malformed("matrix refers to block \(index), but the frame has \(blocks.count) blocks")
        }
        guard blocks[index].count == count else {
            throw WireError.malformed("block \(index) holds \(blocks[index].count) values, the matrix needs \(count)")
        }
        return blocks[index]
    }
}

/// JSON coding of values that travel with matrix blocks.
public enum WireCoding {
    /// An encoder whose matrices go to `sink`; non-finite numbers become `"nan"`, `"inf"`, `"-inf"`.
    public static func encoder(_ sink: WireBlockSink) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.userInfo[.labkitWireBlocks] = sink
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// A decoder whose matrices come from `source`, reading non-finite numbers as written by ``encoder(_:)``.
    public static func decoder(_ source: WireBlockSource) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[.labkitWireBlocks] = source
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// Encodes `value` into a tree, adding its matrices to `sink`.
    public static func tree<T: Encodable>(_ value: T, blocks sink: WireBlockSink) throws -> JSONTree {
        let data = try encoder(sink).encode(value)
        return try JSONDecoder().decode(JSONTree.self, from: data)
    }

    /// Decodes a typed value from `tree`, taking its matrices from `source`.
    public static func value<T: Decodable>(_ type: T.Type, from tree: JSONTree, blocks source: WireBlockSource) throws -> T {
        let data = try JSONEncoder().encode(tree)
        do {
            return try decoder(source).decode(type, from: data)
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError.malformed("cannot read a \(T.self): \(WireError.describe(error))")
        }
    }
}
