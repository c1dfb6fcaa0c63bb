// CSVScanner: splits delimited text into records of field spans, tracking lines and byte offsets.

/// Where one field's text lies in the file: bytes `start..<end`, inside the quotes when quoted.
struct CSVField: Sendable, Equatable {
    var start: UInt32
    var end: UInt32
}

/// The records of a delimited file, all of the same width, with where each one starts.
struct CSVRecords: Sendable {
    /// Every field, record after record, `width` per record.
    var fields: [CSVField] = []
    /// Fields per record, set by the first record.
    var width = 0
    /// The line on which each record starts, from 1.
    var lines: [Int] = []
    /// The byte offset at which each record starts.
    var offsets: [Int] = []
}

/// A single pass over the bytes of a delimited file, RFC 4180 style.
///
/// Quoted fields may hold separators, line breaks and doubled quotes (`""`); lines end in LF or
/// CRLF; blank lines are skipped wherever they are. Every record must have as many fields as the
/// first one.
struct CSVScanner {
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private let bytes: UnsafeBufferPointer<UInt8>
    private let byWhitespace: Bool
    private let file: String
    private var position = 0
    private var line = 1
    private var records = CSVRecords()

    /// Splits `bytes` into records; `file` names their source in errors.
    static func scan(_ bytes: [UInt8], separator: CSVOptions.Separator, file: String) throws -> CSVRecords {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, byWhitespace: separator == .whitespace, file: file)
            while scanner.position < buffer.count {
                if !scanner.skipBlankLine() { try scanner.readRecord() }
            }
            return scanner.records
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, byWhitespace: Bool, file: String) {
        self.bytes = bytes
        self.byWhitespace = byWhitespace
        self.file = file
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The index just after the line break starting at `index`, or nil when none starts there.
    private func lineBreakEnd(at index: Int) -> Int? {
        if bytes[index] == Self.newline { return index + 1 }
        guard bytes[index] == Self.carriageReturn else { return nil }
        if index + 1 == bytes.count { return index + 1 }
        return bytes[index + 1] == Self.newline ? index + 2 : nil
    }

    private var atRecordEnd: Bool { position == bytes.count || lineBreakEnd(at: position) != nil }

    private mutating func skipSpaces() {
        while position < bytes.count && Self.isBlank(bytes[position]) { position += 1 }
    }

    /// Consumes an empty line (in whitespace mode, one of only spaces and tabs); false if not blank.
    private mutating func skipBlankLine() -> Bool {
        let start = position
        if byWhitespace { skipSpaces() }
        if position == bytes.count { return true }
        if let next = lineBreakEnd(at: position) {
            position = next
            line += 1
            return true
        }
        position = start
        return false
    }

    private mutating func readRecord() throws {
        let start = position, startLine = line, before = records.fields.count
        while true {
            if byWhitespace {
                skipSpaces()
                if atRecordEnd { break }
                try readField()
            } else {
                try readField()
                guard position < bytes.count, bytes[position] == Self.comma else { break }
                position += 1
            }
        }
        if position < bytes.count, let next = lineBreakEnd(at: position) {
            position = next
            line += 1
        }
        let found = records.fields.count - before
        if records.lines.isEmpty { records.width = found }
        guard found == records.width else {
            throw DataLoadError.raggedRow(
                file: file, line: startLine, offset: start, expected: records.width, found: found)
        }
        records.lines.append(startLine)
        records.offsets.append(start)
    }

    private mutating func readField() throws {
        if position < bytes.count && bytes[position] == Self.quote { return try readQuotedField() }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byWhitespace ? Self.isBlank(byte) : byte == Self.comma { break }
            if lineBreakEnd(at: position) != nil { break }
            position += 1
        }
        records.fields.append(CSVField(start: UInt32(start), end: UInt32(position)))
    }

    private mutating func readQuotedField() throws {
        let open = position, openLine = line
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                guard position + 1 < bytes.count, bytes[position + 1] == Self.quote else { break }
                position += 1
            } else if byte == Self.newline {
                line += 1
            }
            position += 1
        }
        guard position < bytes.count else {
            throw DataLoadError.malformedQuote(
                file: file, line: openLine, offset: open, detail: "the quoted field is never closed")
        }
        records.fields.append(CSVField(start: UInt32(open + 1), end: UInt32(position)))
        position += 1
        guard atRecordEnd || (byWhitespace ? Self.isBlank(bytes[position]) : bytes[position] == Self.comma) else {
            throw DataLoadError.malformedQuote(
                file: file, line: line, offset: open, detail: "text follows the closing quote")
        }
    }
}
