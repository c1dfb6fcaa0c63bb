// BoundedInflate: zlib's inflate that stops at a byte cap, so a bomb never fills memory.
import CZlib

/// Inflates deflate or gzip data into at most `limit` bytes.
enum BoundedInflate {
    /// The stream's framing.
    enum Framing {
        /// Raw deflate (a zip entry).
        case raw
        /// gzip (a `.tar.gz`).
        case gzip
    }

    /// The inflated bytes; throws ``ArchiveError/overLimit(_:)`` when there would be more than
    /// `limit`, ``ArchiveError/malformed(_:)`` when the data is corrupt or cut short.
    static func inflate(_ input: UnsafeRawBufferPointer, framing: Framing, limit: Int, what: String) throws -> [UInt8] {
        guard input.count < Int(UInt32.max) else { throw ArchiveError.overLimit("\(what) is over 4 GiB compressed") }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard inflateInit2_(stream, framing == .raw ? -15 : 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ArchiveError.malformed("zlib could not start inflating \(what)")
        }
        defer { inflateEnd(stream) }
        if input.count > 0 {
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress!)
        }
        stream.pointee.avail_in = uInt(input.count)
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                stream.pointee.next_out = buffer.baseAddress!
                stream.pointee.avail_out = uInt(buffer.count)
                let status = CZlib.inflate(stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.pointee.avail_out))
            }
            guard output.count + produced <= limit else { throw ArchiveError.overLimit("\(what) inflates to more than \(limit) bytes") }
            output += chunk[0..<produced]
            switch status {
            case Z_STREAM_END:
                // A gzip file may hold several members one after the other.
                if framing == .gzip && stream.pointee.avail_in > 0 {
                    guard inflateReset(stream) == Z_OK else { throw ArchiveError.malformed("\(what): corrupt gzip member") }
                    continue
                }
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where produced > 0:
                continue
            case Z_BUF_ERROR:
                throw ArchiveError.malformed("\(what) is cut short")
            default:
                throw ArchiveError.malformed("\(what) is corrupt (zlib status \(status))")
            }
        }
    }
}
