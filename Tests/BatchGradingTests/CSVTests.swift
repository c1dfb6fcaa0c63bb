// CSV: RFC 4180 quoting on output, and parsing with line numbers for roster errors.
import BatchGrading
import XCTest

final class CSVTests: XCTestCase {
    func testFieldsWithCommasQuotesLineBreaksOrEdgeSpacesAreQuotedAndOthersAreNot() {
        XCTAssertEqual(CSV.line(["plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""]),
                       "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\n")
    }

    func testParsingReadsBackWhatWritingWrote() throws {
        let rows = [["id", "name"], ["a,b", "say \"hi\""], ["x", "two\r\nlines"], ["", "last"]]
        let text = rows.map(CSV.line).joined()
        XCTAssertEqual(try CSV.parse(text).map(\.fields), rows)
    }

    func testRecordsKnowTheLineTheyStartOnAndBlankLinesAreSkipped() throws {
        let records = try CSV.parse("id\n\n\"multi\nline\"\nnext\n")
        XCTAssertEqual(records.map(\.line), [1, 3, 5])
        XCTAssertEqual(records.map(\.fields), [["id"], ["multi\nline"], ["next"]])
    }

    func testAnUnterminatedQuoteNamesTheLineItOpensOn() {
        XCTAssertThrowsError(try CSV.parse("id\nok\n\"never closed\n")) { error in
            XCTAssertEqual(error as? CSV.SyntaxError, .unterminatedQuote(line: 3))
        }
    }

    func testTextAfterAClosingQuoteIsAnError() {
        XCTAssertThrowsError(try CSV.parse("id\n\"a\"b\n")) { error in
            XCTAssertEqual(error as? CSV.SyntaxError, .textAfterQuote(line: 2))
        }
    }
}
