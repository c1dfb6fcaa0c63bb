// WireFrame: the byte layout of one oracle message and its validation.
import Foundation

/// One message: a JSON header and the raw little-endian Float64 blocks its matrices refer to.
///
/// Layout: `u32 payloadLength`, then the payload: `u32 headerLength`, `headerLength` bytes of
/// UTF-8 JSON `{"blocks": [n₀, n₁, …], "body": …}`, then the blocks, `8·nᵢ` bytes each, in order.
/// All integers are little-endian. A reader checks every length against the bytes it has.
public struct WireFrame: Sendable, Equatable {
    /// The message body.
    public var body: JSONTree
    /// The matrix blocks the body refers to.
    public var blocks: [[Double]]

    /// Makes a frame.
    public init(body: JSONTree, blocks: [[Double]]) {
        self.body = body
        self.blocks = blocks
    }

    /// Encodes a typed value: its matrices become blocks, the rest the JSON body.
    public init<T: Encodable>(encoding value: T) throws {
        let sink = WireBlockSink()
        body = try WireCoding.tree(value, blocks: sink)
        blocks = sink.blocks
    }

    /// Decodes the body as `T`, with matrices from this frame's blocks.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try WireCoding.value(type, from: body, blocks: WireBlockSource(blocks))
    }

    private struct Header: Codable {
        var blocks: [Int]
        var body: JSONTree
    }

    /// The payload bytes (everything after the 4-byte length prefix).
    public func payload() throws -> [UInt8] {
        let header = try JSONEncoder().encode(Header(blocks: blocks.map(\.count), body: body))
        var bytes = [UInt8]()
        bytes.reserveCapacity(4 + header.count + 8 * blocks.reduce(0) { $0 + $1.count })
        append(UInt32(header.count), to: &bytes)
        bytes.append(contentsOf: header)
        for block in blocks {
            for value in block { append(value.bitPattern, to: &bytes) }
        }
        return bytes
    }

    /// The whole frame: length prefix and payload.
    public func encoded() throws -> [UInt8] {
        let body = try payload()
        var bytes = [UInt8]()
        bytes.reserveCapacity(4 + body.count)
        append(UInt32(body.count), to: &bytes)
        bytes.append(contentsOf: body)
        return bytes
    }

    /// Parses a payload, checking the header length, the JSON and that the blocks fill the rest exactly.
    public init(payload bytes: [UInt8]) throws {
        guard bytes.count >= 4 else { throw WireError.malformed("payload of \(bytes.count) bytes has no header length") }
        let headerLength = Int(WireFrame.readUInt32(bytes, at: 0))
        guard headerLength <= bytes.count - 4 else {
            throw WireError.malformed("header length \(headerLength) exceeds the \(bytes.count - 4) bytes that follow")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[4..<(4 + headerLength)]))
        } catch {
            throw WireError.malformed("header is not valid JSON: \(WireError.describe(error))")
        }
        var offset = 4 + headerLength
        let available = bytes.count - offset
        let needed = header.blocks.reduce(0) { total, count in
            count < 0 || total < 0 ? -1 : total &+ count
        }
        guard needed >= 0, needed <= available / 8, needed * 8 == available else {
            throw WireError.malformed("the header announces \(header.blocks) values, but \(available) bytes of blocks follow")
        }
        var blocks = [[Double]]()
        blocks.reserveCapacity(header.blocks.count)
        bytes.withUnsafeBytes { raw in
            for count in header.blocks {
                let start = offset
                blocks.append(
                    [Double](unsafeUninitializedCapacity: count) { values, initialized in
                        for k in 0..<count {
                            let bits = raw.loadUnaligned(fromByteOffset: start + 8 * k, as: UInt64.self)
                            values[k] = Double(bitPattern: UInt64(littleEndian: bits))
                        }
                        initialized = count
                    })
                offset += 8 * count
            }
        }
        self.init(body: header.body, blocks: blocks)
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    private func append<I: FixedWidthInteger>(_ value: I, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
