// ArchiveEntry: one entry of a zip or tar archive, as read, before the unpacker judges it.

/// An entry's name as stored, what kind of file it is, its size and a way to get its bytes.
struct ArchiveEntry {
    /// What the entry would make.
    enum Kind: Equatable {
        case file, directory, symbolicLink, hardLink, device, fifo
        /// Another kind (a tar volume label, a sparse file, …), by its code.
        case other(String)
    }

    /// The name's bytes as stored (not yet known to be UTF-8).
    var name: [UInt8]
    var kind: Kind
    /// The size the archive declares for the unpacked file.
    var size: Int
    /// The unpacked bytes, at most `limit` of them (more is an error).
    var contents: (_ limit: Int) throws -> [UInt8]

    /// The name for messages: UTF-8 with anything unprintable escaped.
    var displayName: String {
        String(decoding: name, as: UTF8.self).unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7f ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
