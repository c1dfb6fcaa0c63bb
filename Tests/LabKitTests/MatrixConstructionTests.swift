// Specifications of how matrices are made and indexed.
import XCTest
import LabKit

final class MatrixConstructionTests: XCTestCase {
    func testNestedArraysAreReadRowMajor() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(m.rows, 2)
        XCTAssertEqual(m.cols, 3)
        XCTAssertEqual(m.elements, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(m[1, 0], 4)
    }

    func testClosureInitialiserSeesRowAndColumn() {
        let m = Matrix(rows: 2, cols: 3) { i, j in Double(10 * i + j) }
        XCTAssertEqual(m.elements, [0, 1, 2, 10, 11, 12])
    }

    func testCodableRoundTripAndRejectsWrongCount() throws {
        let m = Matrix([[1.5, -2], [0, 7]])
        let data = try JSONEncoder().encode(m)
        XCTAssertEqual(try JSONDecoder().decode(Matrix.self, from: data), m)
        let bad = Data(#"{"rows": 2, "cols": 2, "elements": [1, 2, 3]}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Matrix.self, from: bad))
    }
}
