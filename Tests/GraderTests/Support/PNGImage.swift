// PNGImage: decodes a PNG (8-bit, not interlaced) far enough for tests to look at its pixels.
import CZlib
import Foundation

/// The pixels of a PNG file, as 8-bit channels row by row.
///
/// Enough of the format for screenshots: the IHDR header, the IDAT stream inflated with the
/// system zlib, and the five row filters of PNG §9 (none, sub, up, average, Paeth); grey, grey +
/// alpha, RGB and RGBA at 8 bits per channel, without interlacing.
struct PNGImage {
    /// Width in pixels.
    let width: Int
    /// Height in pixels.
    let height: Int
    /// Channels per pixel: 1, 2, 3 or 4.
    let channels: Int
    /// `height × width × channels` bytes, row-major.
    let pixels: [UInt8]

    /// Why a file could not be decoded.
    struct DecodeError: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes the PNG at `url`.
    init(contentsOf url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count > 8, bytes.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw DecodeError(description: "\(url.path) is not a PNG file")
        }
        var header: [UInt8]?, compressed = [UInt8](), offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(Self.bigEndian(bytes, at: offset))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { throw DecodeError(description: "chunk \(type) of \(url.path) is cut short") }
            let data = bytes[offset + 8..<offset + 8 + length]
            if type == "IHDR" { header = Array(data) }
            if type == "IDAT" { compressed += data }
            if type == "IEND" { break }
            offset += 12 + length
        }
        guard let header, header.count == 13 else { throw DecodeError(description: "\(url.path) has no IHDR chunk") }
        width = Int(Self.bigEndian(header, at: 0))
        height = Int(Self.bigEndian(header, at: 4))
        let channelsByColourType: [UInt8: Int] = [0: 1, 2: 3, 4: 2, 6: 4]
        guard header[8] == 8, let channels = channelsByColourType[header[9]], header[12] == 0 else {
            throw DecodeError(description: "\(url.path): only 8-bit, non-interlaced grey or RGB(A) is decoded here")
        }
        self.channels = channels
        let stride = width * channels
        let raw = try Self.inflate(compressed, size: height * (stride + 1))
        pixels = try Self.unfilter(raw, rows: height, stride: stride, bytesPerPixel: channels)
    }

    /// The colour of pixel `index` (row-major) as `0xRRGGBB` (grey as `0xGGGGGG`), alpha ignored.
    func colour(at index: Int) -> UInt32 {
        let start = index * channels
        let (red, green, blue) = channels >= 3
            ? (pixels[start], pixels[start + 1], pixels[start + 2]) : (pixels[start], pixels[start], pixels[start])
        return UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    }

    /// The number of different colours.
    var distinctColours: Int {
        Set((0..<width * height).map(colour(at:))).count
    }

    /// The fraction of pixels whose colour is none of `colours` (e.g. the page's backgrounds).
    func fraction(otherThan colours: Set<UInt32>) -> Double {
        let count = (0..<width * height).filter { !colours.contains(colour(at: $0)) }.count
        return Double(count) / Double(Swift.max(1, width * height))
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func inflate(_ compressed: [UInt8], size: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var length = uLongf(size)
        let status = output.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &length, input.baseAddress, uLong(compressed.count))
            }
        }
        guard status == Z_OK, Int(length) == size else {
            throw DecodeError(description: "the image data does not inflate to \(size) bytes (zlib status \(status), \(length) bytes)")
        }
        return output
    }

    /// Undoes the per-row filters: each row starts with its filter type.
    private static func unfilter(_ raw: [UInt8], rows: Int, stride: Int, bytesPerPixel: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: rows * stride)
        for row in 0..<rows {
            let filter = raw[row * (stride + 1)], source = row * (stride + 1) + 1, target = row * stride
            for column in 0..<stride {
                let x = raw[source + column]
                let a = column >= bytesPerPixel ? out[target + column - bytesPerPixel] : 0
                let b = row > 0 ? out[target - stride + column] : 0
                let c = row > 0 && column >= bytesPerPixel ? out[target - stride + column - bytesPerPixel] : 0
                let predicted: UInt8
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = UInt8((Int(a) + Int(b)) / 2)
                case 4: predicted = paeth(a, b, c)
                default: throw DecodeError(description: "row \(row) has unknown filter type \(filter)")
                }
                out[target + column] = x &+ predicted
            }
        }
        return out
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let (pa, pb, pc) = (abs(p - Int(a)), abs(p - Int(b)), abs(p - Int(c)))
        return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
    }
}
