// Specifications of reading delimited text tables: fields, quoting, missing values and errors.
import LabKit
import XCTest

final class CSVTableTests: XCTestCase {
    private func table(
        _ text: String, _ options: CSVOptions = CSVOptions(), name: String = "t.csv"
    ) throws -> CSVTable {
        try CSVTable(contentsOf: write(text, to: name, in: makeFixtureFolder()), options: options)
    }

    func testHeaderNamesTheColumnsAndSelectedColumnsFormAMatrix() throws {
        let t = try table("x,y,name\n1,2.5,a\n-3,4e2,b\n")
        XCTAssertEqual(t.columnNames, ["x", "y", "name"])
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(try t.matrix(columns: ["y", "x"]), Matrix([[2.5, 1], [400, -3]]))
        XCTAssertEqual(try t.strings("name"), ["a", "b"])
        XCTAssertEqual(try t.matrix(columns: []).shapeDescription, "(2, 0)")
    }

    func testWithoutHeaderColumnsAreNamedByIndex() throws {
        let t = try table("1,2,3\n4,5,6\n", CSVOptions(hasHeader: false))
        XCTAssertEqual(t.columnNames, ["0", "1", "2"])
        XCTAssertEqual(try t.matrix(), Matrix([[1, 2, 3], [4, 5, 6]]))
    }

    func testQuotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws {
        let t = try table("id,name\n1,\"ford, pinto\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n")
        XCTAssertEqual(try t.strings("name"), ["ford, pinto", "say \"hi\"", "two\nlines"])
        XCTAssertEqual(try t.numbers("id"), [1, 2, 3])
    }

    func testCRLFLineEndingsAndTrailingBlankLinesAreAccepted() throws {
        let t = try table("a,b\r\n1,2\r\n3,4\r\n\r\n\n")
        XCTAssertEqual(try t.matrix(), Matrix([[1, 2], [3, 4]]))
    }

    func testQuestionMarkAndEmptyFieldsAreMissing() throws {
        let t = try table("mpg,horsepower\n18,130\n25,?\n21,\n")
        XCTAssertEqual(try t.numbers("horsepower"), [130, nil, nil])
        XCTAssertTrue(try t.matrix(columns: ["horsepower"])[1, 0].isNaN)
    }

    func testDropMissingDropsEveryRowWithAMissingFieldLikePandasDropna() throws {
        let t = try table("mpg,horsepower,name\n18,130,a\n25,?,b\n21,95,\n30,88,c\n", CSVOptions(dropMissing: true))
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(try t.matrix(columns: ["mpg", "horsepower"]), Matrix([[18, 130], [30, 88]]))
    }

    func testWhitespaceSeparatedFieldsMayHaveRunsOfSpacesTabsAndQuotedNames() throws {
        let text = "mpg\tcylinders  horsepower\tname\n18.0   8   130.0\t\"chevrolet chevelle malibu\"\n"
            + "  25.0 4 ?  \"ford pinto\"  \n"
        let t = try table(text, CSVOptions(separator: .whitespace))
        XCTAssertEqual(t.columnNames, ["mpg", "cylinders", "horsepower", "name"])
        XCTAssertEqual(try t.numbers("horsepower"), [130, nil])
        XCTAssertEqual(try t.strings("name"), ["chevrolet chevelle malibu", "ford pinto"])
    }

    func testGzippedTableReadsLikeTheRawOne() throws {
        let url = try write(gzip(Array("a,b\n1,2\n".utf8)), to: "t.csv.gz", in: makeFixtureFolder())
        XCTAssertEqual(try CSVTable(contentsOf: url).matrix(), Matrix([[1, 2]]))
    }

    func testNumbersAreCorrectlyRounded() throws {
        let texts = ["0.1", "-0.3", "3504.", ".5", "23.445918367346938", "1e-3", "-2.5E+2",
                     "123456789012345678", "0.000000000000000000000001", " 7 ", "9007199254740993"]
        let t = try table("v\n" + texts.joined(separator: "\n") + "\n")
        let expected = texts.map { Double($0.trimmingCharacters(in: .whitespaces))! }
        XCTAssertEqual(try t.numbers("v"), expected)
    }

    func testRaggedRowNamesItsLineAndOffset() throws {
        let t = "a,b,c\n1,2,3\n4,5\n"
        let url = try write(t, to: "ragged.csv", in: makeFixtureFolder())
        let expected = DataLoadError.raggedRow(file: url.path, line: 3, offset: 12, expected: 3, found: 2)
        assertThrows(expected, mentioning: ["\(url.path):3", "2 fields", "3 columns", "offset 12"]) {
            try CSVTable(contentsOf: url)
        }
    }

    func testUnquotedCommaInANameMakesARaggedRow() throws {
        let url = try write("mpg,name\n18,ford, pinto\n", to: "names.csv", in: makeFixtureFolder())
        assertThrows(.raggedRow(file: url.path, line: 2, offset: 9, expected: 2, found: 3), mentioning: ["quote"]) {
            try CSVTable(contentsOf: url)
        }
    }

    func testTextInANumericColumnNamesLineOffsetAndColumn() throws {
        let url = try write("mpg,horsepower\n18,130\n25,fast\n", to: "text.csv", in: makeFixtureFolder())
        let expected = DataLoadError.notANumber(
            file: url.path, line: 3, offset: 25, column: "horsepower", found: "fast")
        assertThrows(expected, mentioning: ["\(url.path):3", "'horsepower'", "\"fast\"", "offset 25"]) {
            try CSVTable(contentsOf: url).matrix()
        }
    }

    func testUnknownColumnSuggestsTheClosestName() throws {
        let t = try table("mpg,horsepower,weight\n1,2,3\n", name: "auto.csv")
        let expected = DataLoadError.unknownColumn(
            file: t.file, column: "horsepowr", suggestion: "horsepower", available: ["mpg", "horsepower", "weight"])
        assertThrows(expected, mentioning: [t.file, "'horsepowr'", "did you mean 'horsepower'?"]) {
            try t.numbers("horsepowr")
        }
    }

    func testUnknownColumnFarFromEveryNameListsTheColumns() throws {
        let t = try table("mpg,weight\n1,3\n")
        assertThrows(
            .unknownColumn(file: t.file, column: "price", suggestion: nil, available: ["mpg", "weight"]),
            mentioning: ["the columns are 'mpg', 'weight'"]
        ) { try t.matrix(columns: ["price"]) }
    }

    func testEmptyFileIsRejected() throws {
        for (name, text) in [("empty.csv", ""), ("blank.csv", "\n\r\n\n")] {
            let url = try write(text, to: name, in: makeFixtureFolder())
            assertThrows(.emptyFile(file: url.path), mentioning: [url.path]) { try CSVTable(contentsOf: url) }
        }
    }

    func testUnclosedQuoteNamesWhereItOpened() throws {
        let url = try write("a,b\n1,\"open\n2,3\n", to: "open.csv", in: makeFixtureFolder())
        let expected = DataLoadError.malformedQuote(
            file: url.path, line: 2, offset: 6, detail: "the quoted field is never closed")
        assertThrows(expected, mentioning: ["\(url.path):2", "offset 6"]) { try CSVTable(contentsOf: url) }
    }

    func testTextAfterAClosingQuoteIsRejected() throws {
        let url = try write("a,b\n1,\"x\"y\n", to: "after.csv", in: makeFixtureFolder())
        let expected = DataLoadError.malformedQuote(
            file: url.path, line: 2, offset: 6, detail: "text follows the closing quote")
        assertThrows(expected, mentioning: ["\(url.path):2"]) { try CSVTable(contentsOf: url) }
    }
}
