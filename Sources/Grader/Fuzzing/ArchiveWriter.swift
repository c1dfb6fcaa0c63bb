// ArchiveWriter: small zip, tar and gzip files made in memory — the fuzzer's seeds, and the
// hostile archives of the tests (links, devices, `..`, bombs) that no archiver would write.
import CZlib

/// Writes archives entry by entry, exactly as told, however odd.
enum ArchiveWriter {
    /// One entry.
    struct Member {
        enum Kind { case file, directory, symbolicLink(String), hardLink(String), fifo, device }
        var name: [UInt8]
        var data: [UInt8] = []
        var kind: Kind = .file
        /// The unpacked size a zip's directory states, when it should lie.
        var declaredSize: Int?

        init(_ name: String, _ text: String = "", kind: Kind = .file) {
            self.name = Array(name.utf8)
            data = Array(text.utf8)
            self.kind = kind
        }

        init(name: [UInt8], data: [UInt8], kind: Kind = .file) {
            self.name = name
            self.data = data
            self.kind = kind
        }

        var mode: UInt32 {
            switch kind {
            case .file, .hardLink: return 0o100644
            case .directory: return 0o040755
            case .symbolicLink: return 0o120777
            case .fifo: return 0o010644
            case .device: return 0o020644
            }
        }
    }

    /// A zip file; `deflate` compresses every file's data.
    static func zip(_ members: [Member], deflate: Bool = false) -> [UInt8] {
        var out = [UInt8](), directory = [UInt8]()
        for member in members {
            var data = member.data
            if case .symbolicLink(let target) = member.kind { data = Array(target.utf8) }
            let crc = UInt32(data.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
            let stored = deflate ? compress(data, windowBits: -15) : data
            let size = UInt32(member.declaredSize ?? data.count)
            let offset = UInt32(out.count)
            out += le32(0x0403_4b50) + le16(20) + le16(0) + le16(deflate ? 8 : 0) + le16(0) + le16(0x21) + le32(crc)
            out += le32(UInt32(stored.count)) + le32(size) + le16(UInt16(member.name.count)) + le16(0) + member.name + stored
            directory += le32(0x0201_4b50) + le16(3 << 8 | 20) + le16(20) + le16(0) + le16(deflate ? 8 : 0) + le16(0) + le16(0x21)
            directory += le32(crc) + le32(UInt32(stored.count)) + le32(size) + le16(UInt16(member.name.count)) + le16(0) + le16(0)
            directory += le16(0) + le16(0) + le32(member.mode << 16) + le32(offset) + member.name
        }
        let start = UInt32(out.count)
        out += directory
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(directory.count)) + le32(start) + le16(0)
        return out
    }

    /// A ustar tar stream (names over 100 bytes travel in a pax header).
    static func tar(_ members: [Member]) -> [UInt8] {
        var out = [UInt8]()
        for member in members {
            if member.name.count > 100 {
                let record = Array(" path=".utf8) + member.name + [0x0a]
                var length = record.count + 2
                if String(length).count + record.count > length { length += 1 }
                let pax = Array(String(length).utf8) + record
                out += header(name: Array("pax".utf8), size: pax.count, type: UInt8(ascii: "x"), link: [], mode: 0o644) + padded(pax)
            }
            let type: UInt8, link: [UInt8]
            switch member.kind {
            case .file: (type, link) = (UInt8(ascii: "0"), [])
            case .directory: (type, link) = (UInt8(ascii: "5"), [])
            case .symbolicLink(let target): (type, link) = (UInt8(ascii: "2"), Array(target.utf8))
            case .hardLink(let target): (type, link) = (UInt8(ascii: "1"), Array(target.utf8))
            case .fifo: (type, link) = (UInt8(ascii: "6"), [])
            case .device: (type, link) = (UInt8(ascii: "3"), [])
            }
            let data = type == UInt8(ascii: "0") ? member.data : []
            out += header(name: Array(member.name.prefix(100)), size: data.count, type: type, link: link, mode: member.mode & 0o7777)
            out += padded(data)
        }
        return out + [UInt8](repeating: 0, count: 1024)
    }

    /// `bytes` gzip-compressed.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] { compress(bytes, windowBits: 15 + 16) }

    private static func header(name: [UInt8], size: Int, type: UInt8, link: [UInt8], mode: UInt32) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int, width: Int) { for (i, b) in bytes.prefix(width).enumerated() { block[offset + i] = b } }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: Swift.max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(name, at: 0, width: 100)
        put(octal(Int(mode), width: 8), at: 100, width: 8)
        put(octal(0, width: 8), at: 108, width: 8)
        put(octal(0, width: 8), at: 116, width: 8)
        put(octal(size, width: 12), at: 124, width: 12)
        put(octal(0, width: 12), at: 136, width: 12)
        block[156] = type
        put(link, at: 157, width: 100)
        put(Array("ustar".utf8) + [0], at: 257, width: 6)
        put(Array("00".utf8), at: 263, width: 2)
        for i in 148..<156 { block[i] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7) + [0x20], at: 148, width: 8)
        return block
    }

    private static func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xff), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }

    private static func compress(_ bytes: [UInt8], windowBits: Int32) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        deflateInit2_(stream, 9, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(bytes.count))) + 64)
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                _ = deflate(stream, Z_FINISH)
                return target.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(output.prefix(produced))
    }
}
