// CIFAR10Batch: reads the CIFAR-10 binary batch format (data_batch_1.bin …) into labelled images.
import Foundation

/// The CIFAR-10 binary format: records of 1 label byte (0...9) and 3072 pixel bytes.
///
/// The pixels of a record are three 32×32 planes, red then green then blue, each row-major, so
/// row `i` of the loaded matrix is exactly the 3072 bytes of record `i` (NumPy:
/// `raw.reshape(-1, 3073)[:, 1:]`).
public enum CIFAR10Batch {
    /// Bytes per image: 3 colour planes of 32 × 32.
    public static let pixelsPerImage = 3 * 32 * 32
    /// Bytes per record: the label byte and the pixels.
    public static let recordSize = 1 + pixelsPerImage
    /// Number of classes; labels are `0..<classes`.
    public static let classes = 10

    /// Loads the batch file at `url` (raw or gzip'd) as a `(records, 3072)` matrix and labels.
    public static func load(from url: URL) throws -> LabeledImages {
        try parse(DataFile.contents(of: url), file: url.path)
    }

    /// Parses batch `bytes`; `file` names their source in errors.
    ///
    /// Throws `emptyFile`, `partialRecord` when the size is not a multiple of 3073 bytes, and
    /// `labelOutOfRange` for a label byte above 9.
    public static func parse(_ bytes: [UInt8], file: String) throws -> LabeledImages {
        guard !bytes.isEmpty else { throw DataLoadError.emptyFile(file: file) }
        let records = bytes.count / recordSize
        guard bytes.count % recordSize == 0 else {
            throw DataLoadError.partialRecord(
                file: file, offset: records * recordSize, recordSize: recordSize, found: bytes.count % recordSize)
        }
        var labels = [Int](repeating: 0, count: records)
        for record in 0..<records {
            let label = bytes[record * recordSize]
            guard label < classes else {
                throw DataLoadError.labelOutOfRange(
                    file: file, record: record, offset: record * recordSize, found: Double(label), classes: classes)
            }
            labels[record] = Int(label)
        }
        let pixels = [Double](unsafeUninitializedCapacity: records * pixelsPerImage) { buffer, initialized in
            bytes.withUnsafeBufferPointer { source in
                for record in 0..<records {
                    PixelWidening.widen(
                        source.baseAddress! + record * recordSize + 1,
                        into: buffer.baseAddress! + record * pixelsPerImage, count: pixelsPerImage)
                }
            }
            initialized = records * pixelsPerImage
        }
        return LabeledImages(images: Matrix(rows: records, cols: pixelsPerImage, elements: pixels), labels: labels)
    }
}
