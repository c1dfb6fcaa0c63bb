// Roster: reading class lists, and errors that name the file, line and column.
import XCTest

@testable import BatchGrading

final class RosterTests: XCTestCase {
    func testIdNameEmailAndSectionAreReadInFileOrderAndOtherColumnsIgnored() throws {
        let roster = try Roster.parse("\u{FEFF}email,ID,section,name,grade\r\nb@x.edu,bob,2,\"Bob, B.\",A\r\n,alice,1,Alice,B\r\n", file: "r.csv")
        XCTAssertEqual(roster.students, [
            .init(id: "bob", name: "Bob, B.", email: "b@x.edu", canvas: .init(section: "2")),
            .init(id: "alice", name: "Alice", email: nil, canvas: .init(section: "1")),
        ])
    }

    func testAnIdColumnAloneIsEnough() throws {
        XCTAssertEqual(try Roster.parse("id\nalice\nbob\n", file: "r.csv").students.map(\.id), ["alice", "bob"])
    }

    func testAHeaderWithoutIdIsAnErrorOnLineOne() {
        assertError("name,email\nAlice,a@x\n", line: 1, column: nil, mentions: "no `id` column")
    }

    func testARowWithTheWrongNumberOfFieldsNamesItsLine() {
        assertError("id,name\nalice,Alice\nbob\n", line: 3, column: nil, mentions: "1 fields where the header has 2")
    }

    func testAnEmptyIdNamesLineAndColumn() {
        assertError("name,id\nAlice,alice\nBob,  \n", line: 3, column: 2, mentions: "the id is empty")
    }

    func testADuplicateIdNamesBothLines() {
        assertError("id\nalice\nbob\nalice\n", line: 4, column: 1, mentions: "already on line 2")
    }

    func testAnIdThatCannotNameAFolderIsRejected() {
        assertError("id\nx/../y\n", line: 2, column: 1, mentions: "must not")
    }

    func testAnUnclosedQuoteNamesTheLine() {
        assertError("id,name\nalice,\"Alice\n", line: 2, column: nil, mentions: "never closed")
    }

    func testAnEmptyFileIsAnError() {
        assertError("", line: nil, column: nil, mentions: "empty")
    }

    func testTheErrorMessageNamesFileLineAndColumn() {
        let error = RosterError(file: "class.csv", line: 4, column: 2, problem: "the id is empty")
        XCTAssertEqual(error.description, "roster class.csv, line 4, column 2: the id is empty")
    }

    private func assertError(_ text: String, line: Int?, column: Int?, mentions: String, file: StaticString = #filePath, at: UInt = #line) {
        XCTAssertThrowsError(try Roster.parse(text, file: "class.csv"), file: file, line: at) { error in
            guard let error = error as? RosterError else { return XCTFail("\(error)", file: file, line: at) }
            XCTAssertEqual(error.file, "class.csv", file: file, line: at)
            XCTAssertEqual(error.line, line, file: file, line: at)
            XCTAssertEqual(error.column, column, file: file, line: at)
            XCTAssertTrue(error.description.contains(mentions), error.description, file: file, line: at)
        }
    }
}
