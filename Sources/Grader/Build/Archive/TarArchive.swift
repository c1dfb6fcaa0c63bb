// TarArchive: reads a tar stream (ustar, GNU and pax names) in memory, trusting nothing in it.

/// The entries of a tar archive. Headers are checked by their checksums; sizes come from octal
/// or base-256 fields and are checked against what is left of the stream; pax `path` records and
/// GNU long names replace the next entry's name.
enum TarArchive {
    /// The entries of the (already inflated) tar bytes.
    static func entries(_ bytes: [UInt8]) throws -> [ArchiveEntry] {
        var entries = [ArchiveEntry]()
        var position = 0
        var pendingName: [UInt8]?
        while position + 512 <= bytes.count {
            let header = Array(bytes[position..<(position + 512)])
            if header.allSatisfy({ $0 == 0 }) { break }  // the end: a zero block
            guard checksumMatches(header) else {
                throw ArchiveError.malformed("the header at byte \(position) has a wrong checksum (is it a tar file?)")
            }
            let size = try number(header[124..<136], field: "size", at: position)
            let start = position + 512
            guard size <= bytes.count - start else { throw ArchiveError.malformed("the entry at byte \(position) runs past the end") }
            let data = bytes[start..<(start + size)]
            position = start + (size + 511) / 512 * 512
            let type = header[156]
            switch type {
            case UInt8(ascii: "x"):
                pendingName = paxPath(data) ?? pendingName
                continue
            case UInt8(ascii: "g"):
                continue
            case UInt8(ascii: "L"):
                pendingName = Array(data.prefix { $0 != 0 })
                continue
            case UInt8(ascii: "K"):
                continue  // a long link target: the link it belongs to is refused anyway
            default:
                break
            }
            let longName = pendingName
            pendingName = nil
            var name = longName ?? field(header[0..<100])
            if longName == nil, Array(header[257..<262]) == Array("ustar".utf8), header[345] != 0 {
                name = field(header[345..<500]) + [UInt8(ascii: "/")] + name
            }
            let kind: ArchiveEntry.Kind
            switch type {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = name.last == UInt8(ascii: "/") ? .directory : .file
            case UInt8(ascii: "5"): kind = .directory
            case UInt8(ascii: "1"): kind = .hardLink
            case UInt8(ascii: "2"): kind = .symbolicLink
            case UInt8(ascii: "3"), UInt8(ascii: "4"): kind = .device
            case UInt8(ascii: "6"): kind = .fifo
            default: kind = .other(String(decoding: [type], as: UTF8.self))
            }
            let entryName = String(decoding: name, as: UTF8.self)
            let contents = { (limit: Int) throws -> [UInt8] in
                guard data.count <= limit else { throw ArchiveError.overLimit("\(entryName) is \(data.count) bytes, over \(limit)") }
                return Array(data)
            }
            entries.append(ArchiveEntry(name: name, kind: kind, size: size, contents: contents))
        }
        return entries
    }

    /// A NUL-terminated header field.
    private static func field(_ bytes: ArraySlice<UInt8>) -> [UInt8] { Array(bytes.prefix { $0 != 0 }) }

    /// An octal number (spaces and NULs around it), or base-256 when the top bit of the first byte is set.
    private static func number(_ bytes: ArraySlice<UInt8>, field: String, at position: Int) throws -> Int {
        if let first = bytes.first, first & 0x80 != 0 {
            var value = 0
            for byte in bytes.dropFirst() {
                guard value < (Int.max >> 8) else { throw ArchiveError.malformed("the \(field) at byte \(position) is too large") }
                value = value << 8 | Int(byte)
            }
            guard first == 0x80 else { throw ArchiveError.malformed("the \(field) at byte \(position) is too large") }
            return value
        }
        let digits = bytes.drop { $0 == 0x20 || $0 == 0 }.prefix { $0 >= 0x30 && $0 <= 0x37 }
        guard !digits.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0 }) else {
            throw ArchiveError.malformed("the \(field) at byte \(position) is not a number")
        }
        return digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
    }

    /// Whether the header's checksum (its bytes summed, the checksum field counted as spaces) matches.
    private static func checksumMatches(_ header: [UInt8]) -> Bool {
        let digits = header[148..<156].drop { $0 == 0x20 || $0 == 0 }.prefix { $0 >= 0x30 && $0 <= 0x37 }
        guard !digits.isEmpty, digits.count <= 8 else { return false }
        let stated = digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
        var sum = 0
        for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        return sum == stated
    }

    /// The `path` value of a pax extended header (`<length> path=<name>\n` records).
    private static func paxPath(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        var rest = data[...]
        while let space = rest.firstIndex(of: 0x20) {
            guard let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)),
                length > space - rest.startIndex + 1, length <= rest.count
            else { return nil }
            let record = rest[(space + 1)..<(rest.startIndex + length)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")), Array(record[record.startIndex..<equals]) == Array("path".utf8) {
                return Array(record[(equals + 1)...].dropLast { $0 == 0x0a })
            }
            rest = rest[(rest.startIndex + length)...]
        }
        return nil
    }
}

private extension ArraySlice where Element == UInt8 {
    func dropLast(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        var slice = self
        while let last = slice.last, predicate(last) { slice = slice.dropLast() }
        return slice
    }
}
