// CSV: RFC 4180 reading (rosters) and writing (gradebook exports).
import Foundation

/// Comma-separated values as RFC 4180 has them: fields quoted with `"` when they hold a comma, a
/// quote or a line break, quotes inside doubled, records ended by CRLF (LF is accepted on input).
public enum CSV {
    /// One record read from a file, with the line it starts on (1-based) for error messages.
    public struct Record: Sendable, Equatable {
        /// The record's first line in the file.
        public var line: Int
        /// The fields, unquoted.
        public var fields: [String]
    }

    /// Why a text is not valid CSV.
    public enum SyntaxError: Error, Equatable {
        /// A quoted field that never closes, opened on `line`.
        case unterminatedQuote(line: Int)
        /// Text after a closing quote that is not a comma or the end of the record.
        case textAfterQuote(line: Int)
    }

    /// The records of `text`; blank lines are skipped.
    public static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records = [Record]()
        var fields = [String]()
        var field = ""
        var line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            wasQuoted = false
        }

        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                        if let next, next != ",", next != "\n", next != "\r\n", next != "\r" {
                            throw .textAfterQuote(line: line)
                        }
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if quoted { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// One record as RFC 4180 text, ended by CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// `field`, quoted when it holds a comma, a quote, a line break or surrounding spaces.
    public static func quote(_ field: String) -> String {
        let special = field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard special else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
