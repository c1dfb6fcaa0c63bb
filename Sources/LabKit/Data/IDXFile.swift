// IDXFile: parses and validates the IDX format of MNIST and Fashion-MNIST, raw or gzip'd.
import Foundation

/// A validated IDX file of unsigned bytes: its dimensions and its row-major payload.
///
/// Layout (big-endian): two zero bytes, the element type (`0x08`, unsigned byte), the number of
/// dimensions `d`, then `d` dimension sizes as `UInt32`, then `∏ sizes` payload bytes. MNIST and
/// Fashion-MNIST images are `(count, 28, 28)`, their labels `(count)`.
///
/// ```swift
/// let images = try IDXFile(contentsOf: url).images()       // count, rows, cols, pixels
/// let X = images.matrix                                    // (count, rows·cols), values 0...255
/// ```
public struct IDXFile: Sendable, Equatable {
    /// The path the file was read from, used in errors.
    public let file: String
    /// The dimension sizes from the header, outermost first (`[60000, 28, 28]`).
    public let dimensions: [Int]
    /// The payload, `dimensions.reduce(1, *)` bytes in row-major order.
    public let payload: [UInt8]
    /// The size of the header in bytes (`4 + 4 · dimensions.count`), where the payload starts.
    public var headerSize: Int { 4 + 4 * dimensions.count }

    /// Reads and validates the IDX file at `url`, raw or gzip-compressed.
    public init(contentsOf url: URL) throws {
        try self.init(bytes: DataFile.contents(of: url), file: url.path)
    }

    /// Validates IDX `bytes`; `file` names their source in errors.
    ///
    /// Throws `emptyFile`, `notIDX` (bad magic or zero dimensions), `unsupportedIDXType`,
    /// `truncated` (header or payload shorter than promised) or `trailingBytes`.
    public init(bytes: [UInt8], file: String) throws {
        guard !bytes.isEmpty else { throw DataLoadError.emptyFile(file: file) }
        guard bytes.count >= 4 else { throw DataLoadError.truncated(file: file, offset: bytes.count, expected: 4) }
        guard bytes[0] == 0, bytes[1] == 0, bytes[3] > 0 else {
            throw DataLoadError.notIDX(file: file, header: Array(bytes[0..<4]))
        }
        guard bytes[2] == 0x08 else { throw DataLoadError.unsupportedIDXType(file: file, typeCode: bytes[2]) }
        let rank = Int(bytes[3])
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else {
            throw DataLoadError.truncated(file: file, offset: bytes.count, expected: headerSize)
        }
        let dimensions = (0..<rank).map { axis in
            bytes[4 + 4 * axis..<8 + 4 * axis].reduce(0) { $0 << 8 | Int($1) }
        }
        let expected = Self.totalSize(headerSize: headerSize, dimensions: dimensions)
        guard bytes.count >= expected else {
            throw DataLoadError.truncated(file: file, offset: bytes.count, expected: expected)
        }
        guard bytes.count == expected else {
            throw DataLoadError.trailingBytes(file: file, offset: expected, count: bytes.count - expected)
        }
        self.file = file
        self.dimensions = dimensions
        self.payload = Array(bytes[headerSize...])
    }

    /// The file read as images: 3 dimensions `(count, rows, cols)`, else `wrongIDXRank`.
    public func images() throws -> IDXImages {
        try requireRank(3)
        return IDXImages(count: dimensions[0], rows: dimensions[1], cols: dimensions[2], pixels: payload)
    }

    /// The file read as labels: 1 dimension `(count)`, each byte one label; else `wrongIDXRank`.
    public func labels() throws -> [Int] {
        try requireRank(1)
        return payload.map(Int.init)
    }

    /// Header plus payload size, or `Int.max` when a corrupt header's product overflows.
    private static func totalSize(headerSize: Int, dimensions: [Int]) -> Int {
        var total = 1
        for size in dimensions {
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            if overflow { return .max }
            total = product
        }
        let (sum, overflow) = total.addingReportingOverflow(headerSize)
        return overflow ? .max : sum
    }

    private func requireRank(_ rank: Int) throws {
        guard dimensions.count == rank else {
            throw DataLoadError.wrongIDXRank(file: file, expected: rank, found: dimensions.count)
        }
    }
}
