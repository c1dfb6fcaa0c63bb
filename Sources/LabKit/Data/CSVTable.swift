// CSVTable: a delimited text table read from disk, whose columns are taken out by name.
import Foundation

/// A table read from a comma- or whitespace-separated file, raw or gzip'd.
///
/// Fields stay text until a column is asked for, as numbers (`numbers(_:)`, `matrix(columns:)`)
/// or as text (`strings(_:)`). Missing fields (`?` or empty by default) become `nil` or NaN.
///
/// ```swift
/// let auto = try CSVTable(contentsOf: url)                     // pd.read_csv(url, na_values="?")
/// let X = try auto.matrix(columns: ["horsepower", "weight"])   // auto[["horsepower", "weight"]].values
/// ```
public struct CSVTable: Sendable {
    /// The path the table was read from, used in errors.
    public let file: String
    /// The column names: the header's fields, or `"0"`, `"1"`, … without a header.
    public let columnNames: [String]
    /// Number of data rows (the header is not one).
    public var rowCount: Int { lines.count }

    private let bytes: [UInt8]
    private let fields: [CSVField]
    private let lines: [Int]
    private let offsets: [Int]
    private let missingMarkers: [[UInt8]]

    /// Reads the table in the file at `url`, raw or gzip-compressed.
    public init(contentsOf url: URL, options: CSVOptions = CSVOptions()) throws {
        try self.init(bytes: DataFile.contents(of: url), file: url.path, options: options)
    }

    /// Reads a table from the bytes of a file; `file` names their source in errors.
    ///
    /// Throws `emptyFile` when there is no record at all, `raggedRow` when a record's field count
    /// differs from the first record's, and `malformedQuote` for an unclosed quoted field or text
    /// after a closing quote.
    public init(bytes: [UInt8], file: String, options: CSVOptions = CSVOptions()) throws {
        guard bytes.count < Int(UInt32.max) else {
            throw DataLoadError.unreadableFile(file: file, reason: "text tables over 4 GiB are not supported")
        }
        var records = try CSVScanner.scan(bytes, separator: options.separator, file: file)
        guard !records.lines.isEmpty else { throw DataLoadError.emptyFile(file: file) }
        let width = records.width
        self.file = file
        self.bytes = bytes
        self.missingMarkers = options.missingMarkers.map { Array($0.utf8) }
        if options.hasHeader {
            columnNames = records.fields[..<width].map { Self.text(of: $0, in: bytes) }
            records.fields.removeFirst(width)
            records.lines.removeFirst()
            records.offsets.removeFirst()
        } else {
            columnNames = (0..<width).map(String.init)
        }
        if options.dropMissing { records = Self.completeRows(of: records, bytes: bytes, markers: missingMarkers) }
        fields = records.fields
        lines = records.lines
        offsets = records.offsets
    }

    /// The column called `name` as text, `nil` for a missing field. Throws `unknownColumn`.
    public func strings(_ name: String) throws -> [String?] {
        let column = try index(of: name)
        return (0..<rowCount).map { row in
            let field = fields[row * columnNames.count + column]
            return isMissing(field) ? nil : Self.text(of: field, in: bytes)
        }
    }

    /// The column called `name` as numbers, `nil` for a missing field.
    ///
    /// Throws `unknownColumn`, or `notANumber` naming the line of the first field that is neither
    /// a number nor missing.
    public func numbers(_ name: String) throws -> [Double?] {
        try matrix(columns: [name]).elements.map { $0.isNaN ? nil : $0 }
    }

    /// The named columns as a `(rowCount, columns.count)` matrix, NaN for missing fields.
    ///
    /// NumPy: `df[columns].to_numpy(dtype=float)`. Throws `unknownColumn` or `notANumber`.
    public func matrix(columns: [String]) throws -> Matrix {
        let indices = try columns.map(index(of:))
        var values = [Double](repeating: .nan, count: rowCount * indices.count)
        // `while` loops over raw buffers: this runs once per field (millions for MNIST), and
        // generic iteration costs a call per step in the unoptimised builds tests use.
        try bytes.withUnsafeBufferPointer { text in
            try fields.withUnsafeBufferPointer { fields in
                var row = 0, k = 0
                while row < rowCount && !indices.isEmpty {
                    let field = fields[row * columnNames.count + indices[k]]
                    let slice = UnsafeBufferPointer(
                        start: text.baseAddress! + Int(field.start), count: Int(field.end - field.start))
                    if !Self.isMissing(slice, markers: missingMarkers) {
                        guard let value = DecimalText.parse(slice) else {
                            throw DataLoadError.notANumber(
                                file: file, line: lines[row], offset: Int(field.start), column: columns[k],
                                found: Self.text(of: field, in: bytes))
                        }
                        values[row * indices.count + k] = value
                    }
                    k += 1
                    if k == indices.count { (row, k) = (row + 1, 0) }
                }
            }
        }
        return Matrix(rows: rowCount, cols: indices.count, elements: values)
    }

    /// Every column as numbers, a `(rowCount, columnNames.count)` matrix. See `matrix(columns:)`.
    public func matrix() throws -> Matrix {
        try matrix(columns: columnNames)
    }

    /// The byte offset at which data row `row` starts.
    func offset(ofRow row: Int) -> Int { offsets[row] }

    private func index(of name: String) throws -> Int {
        if let index = columnNames.firstIndex(of: name) { return index }
        throw DataLoadError.unknownColumn(
            file: file, column: name, suggestion: NameSuggestion.closest(to: name, in: columnNames),
            available: columnNames)
    }

    private func isMissing(_ field: CSVField) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            let slice = UnsafeBufferPointer(rebasing: text[Int(field.start)..<Int(field.end)])
            return Self.isMissing(slice, markers: missingMarkers)
        }
    }

    private static func isMissing(_ text: UnsafeBufferPointer<UInt8>, markers: [[UInt8]]) -> Bool {
        var start = 0, end = text.count
        DecimalText.trim(text, &start, &end)
        var m = 0
        while m < markers.count {
            let marker = markers[m]
            if marker.count == end - start {
                var i = 0
                while i < marker.count && marker[i] == text[start + i] { i += 1 }
                if i == marker.count { return true }
            }
            m += 1
        }
        return false
    }

    /// The records with no missing field (pandas `dropna()`, `how="any"`).
    private static func completeRows(of records: CSVRecords, bytes: [UInt8], markers: [[UInt8]]) -> CSVRecords {
        var kept = CSVRecords()
        kept.width = records.width
        bytes.withUnsafeBufferPointer { text in
            for row in records.lines.indices {
                let rowFields = records.fields[row * records.width..<(row + 1) * records.width]
                let complete = !rowFields.contains { field in
                    isMissing(UnsafeBufferPointer(rebasing: text[Int(field.start)..<Int(field.end)]), markers: markers)
                }
                guard complete else { continue }
                kept.fields += rowFields
                kept.lines.append(records.lines[row])
                kept.offsets.append(records.offsets[row])
            }
        }
        return kept
    }

    /// The text of `field`, with a quoted field's doubled quotes made single.
    ///
    /// A field is quoted exactly when the byte before it is a quote: an unquoted field always
    /// starts a line or follows a separator.
    private static func text(of field: CSVField, in bytes: [UInt8]) -> String {
        let start = Int(field.start), end = Int(field.end)
        let raw = String(decoding: bytes[start..<end], as: UTF8.self)
        let quoted = start > 0 && bytes[start - 1] == UInt8(ascii: "\"")
        return quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }
}
