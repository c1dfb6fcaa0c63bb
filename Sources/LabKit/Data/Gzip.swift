// Gzip: inflates gzip-compressed file contents with the system zlib, passing other bytes through.
import CZlib
import Foundation

/// Decompression of gzip data (RFC 1952), single- or multi-member, through zlib's `inflate`.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number `1f 8b`.
    static func isCompressed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The contents of `data`, inflated when it is gzip and copied unchanged otherwise.
    ///
    /// `file` only names the source in errors. Members that follow one another (as `cat a.gz b.gz`
    /// makes) are inflated one after the other; anything else after a member is an error.
    static func contents(of data: Data, file: String) throws -> [UInt8] {
        try data.withUnsafeBytes { raw in
            isCompressed(raw) ? try inflate(raw, file: file) : [UInt8](raw)
        }
    }

    private static func inflate(_ input: UnsafeRawBufferPointer, file: String) throws -> [UInt8] {
        guard input.count < Int(UInt32.max) else {
            throw DataLoadError.unreadableFile(file: file, reason: "gzip files over 4 GiB are not supported")
        }
        // zlib's state points back at its z_stream, so the stream lives at one fixed address.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // windowBits 15 + 32: a 32 KiB window, and zlib detects the gzip header itself.
        guard inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataLoadError.corruptGzip(file: file, offset: 0, detail: "zlib could not start inflating")
        }
        defer { inflateEnd(stream) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress!)
        stream.pointee.avail_in = uInt(input.count)

        // Inflate into uninitialised chunks: one when the size hint is right, doubling ones otherwise.
        var chunks: [[UInt8]] = []
        var size = initialCapacity(for: input)
        var finished = false
        while !finished {
            chunks.append(try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                stream.pointee.next_out = buffer.baseAddress!
                stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
                defer { initialized = buffer.count - Int(stream.pointee.avail_out) }
                finished = try fill(stream, input: input, file: file)
            })
            size = min(2 * size, Int(UInt32.max))
        }
        return chunks.count == 1 ? chunks[0] : Array(chunks.joined())
    }

    /// Inflates until the output space is full (false) or the last member ends (true).
    private static func fill(
        _ stream: UnsafeMutablePointer<z_stream>, input: UnsafeRawBufferPointer, file: String
    ) throws -> Bool {
        while true {
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let consumed = input.count - Int(stream.pointee.avail_in)
            switch status {
            case Z_OK:
                if stream.pointee.avail_out == 0 { return false }
            case Z_BUF_ERROR where stream.pointee.avail_out == 0:
                return false
            case Z_STREAM_END:
                if stream.pointee.avail_in == 0 { return true }
                guard isCompressed(UnsafeRawBufferPointer(rebasing: input[consumed...])) else {
                    throw DataLoadError.corruptGzip(
                        file: file, offset: consumed, detail: "unexpected bytes after the end of the gzip data")
                }
                inflateReset(stream)
            case Z_BUF_ERROR:
                throw DataLoadError.truncatedGzip(file: file, offset: consumed)
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw DataLoadError.corruptGzip(file: file, offset: consumed, detail: detail)
            }
        }
    }

    /// The trailer's ISIZE (the uncompressed size modulo 2³², or of the last member), so that
    /// a single-member file inflates into one allocation. A damaged trailer can claim any size,
    /// so the hint is capped by deflate's largest compression ratio (about 1032 : 1).
    private static func initialCapacity(for input: UnsafeRawBufferPointer) -> Int {
        let n = input.count
        let claimed = n >= 18 ? (0..<4).reduce(0) { $0 | Int(input[n - 4 + $1]) << (8 * $1) } : 0
        return min(max(claimed + 1, 1 << 16), 1032 * n + (1 << 16))
    }
}
