// ZipArchive: reads a zip file's central directory and entries, in memory, trusting nothing in it.

/// The entries of a zip archive (stored and deflated entries; no zip64, no encryption).
///
/// Every offset and length the file states is checked against the file's own size before it is
/// used, and a deflated entry is inflated into at most the size its directory declares.
enum ZipArchive {
    /// The entries of `bytes`, in central-directory order.
    static func entries(_ bytes: [UInt8]) throws -> [ArchiveEntry] {
        let end = try endOfCentralDirectory(bytes)
        let count = Int(read16(bytes, end + 10))
        let size = Int(read32(bytes, end + 12)), offset = Int(read32(bytes, end + 16))
        guard count != 0xffff, size != 0xffff_ffff, offset != 0xffff_ffff else {
            throw ArchiveError.malformed("zip64 archives are not supported; zip the submission without -fz")
        }
        guard offset + size <= end else { throw ArchiveError.malformed("the central directory lies outside the file") }
        var entries = [ArchiveEntry]()
        var position = offset
        for index in 0..<count {
            guard position + 46 <= offset + size, read32(bytes, position) == 0x0201_4b50 else {
                throw ArchiveError.malformed("central directory entry \(index + 1) of \(count) is damaged")
            }
            let madeBy = read16(bytes, position + 4) >> 8
            let flags = read16(bytes, position + 8), method = read16(bytes, position + 10)
            let compressed = Int(read32(bytes, position + 20)), unpacked = Int(read32(bytes, position + 24))
            let nameLength = Int(read16(bytes, position + 28))
            let extraLength = Int(read16(bytes, position + 30)), commentLength = Int(read16(bytes, position + 32))
            let mode = read32(bytes, position + 38) >> 16
            let local = Int(read32(bytes, position + 42))
            guard position + 46 + nameLength <= offset + size else { throw ArchiveError.malformed("an entry's name runs past the directory") }
            let name = Array(bytes[(position + 46)..<(position + 46 + nameLength)])
            position += 46 + nameLength + extraLength + commentLength
            var kind: ArchiveEntry.Kind = name.last == UInt8(ascii: "/") ? .directory : .file
            if madeBy == 3 {  // Unix: the high half of the external attributes is st_mode
                switch mode & 0o170000 {
                case 0o120000: kind = .symbolicLink
                case 0o020000, 0o060000: kind = .device
                case 0o010000: kind = .fifo
                case 0o040000: kind = .directory
                default: break
                }
            }
            let entryName = String(decoding: name, as: UTF8.self)
            let contents = { (limit: Int) throws -> [UInt8] in
                guard flags & 1 == 0 else { throw ArchiveError.refusedEntry(entry: entryName, reason: "it is encrypted") }
                guard unpacked <= limit else { throw ArchiveError.overLimit("\(entryName) unpacks to \(unpacked) bytes, over \(limit)") }
                guard local + 30 <= bytes.count, read32(bytes, local) == 0x0403_4b50 else {
                    throw ArchiveError.malformed("the local header of \(entryName) is missing")
                }
                let start = local + 30 + Int(read16(bytes, local + 26)) + Int(read16(bytes, local + 28))
                guard start <= bytes.count, compressed <= bytes.count - start else {
                    throw ArchiveError.malformed("the data of \(entryName) runs past the end of the file")
                }
                switch method {
                case 0:
                    guard compressed == unpacked else { throw ArchiveError.malformed("\(entryName): stored sizes disagree") }
                    return Array(bytes[start..<(start + compressed)])
                case 8:
                    let data = try bytes[start..<(start + compressed)].withUnsafeBytes { raw in
                        try BoundedInflate.inflate(raw, framing: .raw, limit: unpacked, what: entryName)
                    }
                    guard data.count == unpacked else { throw ArchiveError.malformed("\(entryName) inflates to another size than it declares") }
                    return data
                default:
                    throw ArchiveError.refusedEntry(entry: entryName, reason: "compression method \(method) is not supported (use deflate)")
                }
            }
            entries.append(ArchiveEntry(name: name, kind: kind, size: unpacked, contents: contents))
        }
        return entries
    }

    /// The offset of the end-of-central-directory record: the last one in the final 64 KiB.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws -> Int {
        guard bytes.count >= 22 else { throw ArchiveError.malformed("too short for a zip file") }
        let lowest = Swift.max(0, bytes.count - 22 - 0xffff)
        for position in stride(from: bytes.count - 22, through: lowest, by: -1) where read32(bytes, position) == 0x0605_4b50 {
            return position
        }
        throw ArchiveError.malformed("no zip end-of-directory record (is it a zip file?)")
    }

    static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
