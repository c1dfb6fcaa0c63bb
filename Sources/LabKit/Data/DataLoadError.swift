// DataLoadError: every way reading a data file can fail, each case carrying the file and the place.

/// Why a data file could not be loaded, with the file and the place in it.
///
/// Offsets count bytes from the start of the file's contents; for a gzip file they count bytes of
/// the decompressed contents, except in the two gzip cases, which count compressed bytes.
/// Line numbers start at 1, record indices at 0. The `description` says what is wrong, where, and
/// what to do about it.
public enum DataLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No file exists at `file`.
    case fileNotFound(file: String)
    /// The file exists but could not be read (a directory, no permission, an I/O error).
    case unreadableFile(file: String, reason: String)
    /// The file (after decompression) has no bytes, or a CSV file has no rows at all.
    case emptyFile(file: String)
    /// The gzip stream is damaged at compressed byte `offset`; `detail` is zlib's explanation.
    case corruptGzip(file: String, offset: Int, detail: String)
    /// The gzip stream stops after `offset` compressed bytes, before its end marker.
    case truncatedGzip(file: String, offset: Int)
    /// The first 4 bytes (`header`) are not an IDX magic number `00 00 <type> <ndim ≥ 1>`.
    case notIDX(file: String, header: [UInt8])
    /// The IDX element type is not `0x08` (unsigned byte), the only type LabKit reads.
    case unsupportedIDXType(file: String, typeCode: UInt8)
    /// The IDX file has `found` dimensions where `expected` are needed (3 for images, 1 for labels).
    case wrongIDXRank(file: String, expected: Int, found: Int)
    /// The data ends at byte `offset` but its header promises `expected` bytes in all.
    case truncated(file: String, offset: Int, expected: Int)
    /// `count` unexpected bytes follow the data, starting at byte `offset`.
    case trailingBytes(file: String, offset: Int, count: Int)
    /// An images file and its labels file hold different numbers of items.
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    /// A fixed-size-record file ends with a partial record of `found` bytes starting at `offset`.
    case partialRecord(file: String, offset: Int, recordSize: Int, found: Int)
    /// Record `record` (starting at byte `offset`) has label `found`, outside `0..<classes`.
    case labelOutOfRange(file: String, record: Int, offset: Int, found: Double, classes: Int)
    /// The CSV record starting on `line` (byte `offset`) has `found` fields instead of `expected`.
    case raggedRow(file: String, line: Int, offset: Int, expected: Int, found: Int)
    /// A quoted CSV field starting on `line` (byte `offset`) is not closed properly.
    case malformedQuote(file: String, line: Int, offset: Int, detail: String)
    /// A field of a column read as numbers holds text (`found`) that is not a number.
    case notANumber(file: String, line: Int, offset: Int, column: String, found: String)
    /// No column is named `column`; `suggestion` is the closest existing name, if any.
    case unknownColumn(file: String, column: String, suggestion: String?, available: [String])
    /// A named data set is not installed: none of the `searched` paths exists.
    case datasetNotFound(dataset: String, searched: [String], hint: String)

    /// What went wrong, where, and what to do, in one or two sentences.
    public var description: String {
        switch self {
        case .fileNotFound(let file):
            return "\(file): no such file; check the path"
        case .unreadableFile(let file, let reason):
            return "\(file): cannot be read (\(reason))"
        case .emptyFile(let file):
            return "\(file): the file is empty; it was probably cut off while copying, so copy it again"
        case .corruptGzip(let file, let offset, let detail):
            return "\(file): the gzip data is corrupt at compressed byte \(offset) (\(detail)); copy the file again"
        case .truncatedGzip(let file, let offset):
            return "\(file): the gzip data ends early, after \(offset) compressed bytes; "
                + "the file is truncated, copy it again"
        case .notIDX(let file, let header):
            let hex = header.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined(separator: " ")
            return "\(file): not an IDX file: it starts with \(hex.isEmpty ? "nothing" : hex), "
                + "expected 00 00 08 and a dimension count (00 00 08 03 for images, 00 00 08 01 for labels)"
        case .unsupportedIDXType(let file, let typeCode):
            return "\(file): IDX element type \(Self.idxTypeName(typeCode)) is not supported; "
                + "only 0x08 (unsigned byte, as in MNIST) can be read"
        case .wrongIDXRank(let file, let expected, let found):
            let kind = expected == 3 ? "an images file (count, rows, cols)" : "a labels file (count)"
            return "\(file): has \(found) IDX dimension\(found == 1 ? "" : "s"), but \(kind) has \(expected); "
                + "check that images and labels files are not swapped"
        case .truncated(let file, let offset, let expected):
            return "\(file): the data ends at byte offset \(offset)\(Self.decompressedNote(file)), "
                + "but its header promises \(expected) bytes; the file is truncated, copy it again"
        case .trailingBytes(let file, let offset, let count):
            return "\(file): \(count) unexpected byte\(count == 1 ? "" : "s") after the data, "
                + "from byte offset \(offset)\(Self.decompressedNote(file)); the header and the data disagree"
        case .countMismatch(let images, let imageCount, let labels, let labelCount):
            return "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels; "
                + "pair the images file with its own labels file"
        case .partialRecord(let file, let offset, let recordSize, let found):
            return "\(file): ends with a partial record of \(found) bytes at byte offset \(offset)"
                + "\(Self.decompressedNote(file)); every record has \(recordSize) bytes, so the file is truncated"
        case .labelOutOfRange(let file, let record, let offset, let found, let classes):
            return "\(file): record \(record) (byte offset \(offset)\(Self.decompressedNote(file))) "
                + "has label \(Self.number(found)), but labels must be 0...\(classes - 1); "
                + "check that the file belongs to this data set"
        case .raggedRow(let file, let line, let offset, let expected, let found):
            return "\(file):\(line): this row has \(found) field\(found == 1 ? "" : "s") but the table has \(expected) "
                + "columns (byte offset \(offset)); quote fields that contain the separator"
        case .malformedQuote(let file, let line, let offset, let detail):
            return "\(file):\(line): \(detail) (quoted field at byte offset \(offset)); "
                + "write a quote inside a quoted field as \"\""
        case .notANumber(let file, let line, let offset, let column, let found):
            return "\(file):\(line): column '\(column)' holds \"\(found)\" (byte offset \(offset)), which is "
                + "not a number; read it as text, or mark missing values with ? or an empty field"
        case .unknownColumn(let file, let column, let suggestion, let available):
            let hint = suggestion.map { "did you mean '\($0)'?" }
                ?? "the columns are " + available.map { "'\($0)'" }.joined(separator: ", ")
            return "\(file): no column named '\(column)'; \(hint)"
        case .datasetNotFound(let dataset, let searched, let hint):
            let others = searched.dropFirst()
            let also = others.isEmpty ? "" : " (also looked at " + others.joined(separator: ", ") + ")"
            return "\(dataset) not found at \(searched.first ?? "?")\(also): run scripts/setup\(hint)"
        }
    }

    private static func decompressedNote(_ file: String) -> String {
        file.hasSuffix(".gz") ? " of the decompressed data" : ""
    }

    private static func number(_ value: Double) -> String {
        if value.isNaN { return "missing" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func idxTypeName(_ code: UInt8) -> String {
        let names: [UInt8: String] = [
            0x09: "signed byte", 0x0B: "int16", 0x0C: "int32", 0x0D: "float32", 0x0E: "float64",
        ]
        let hex = "0x" + (code < 16 ? "0" : "") + String(code, radix: 16, uppercase: true)
        return names[code].map { "\(hex) (\($0))" } ?? "\(hex) (unknown)"
    }
}
