// Specifications of row/column slicing, transposes, stacking and factories.
import XCTest
import LabKit

final class MatrixSlicingTests: XCTestCase {
    let a = Matrix(rows: 4, cols: 3) { i, j in Double(10 * i + j) }

    func testRowRangesIncludingOpenEnded() {
        XCTAssertEqual(a[rows: 1..<3].elements, [10, 11, 12, 20, 21, 22])
        XCTAssertEqual(a[rows: ..<1].elements, [0, 1, 2])
        XCTAssertEqual(a[rows: 3...].elements, [30, 31, 32])
    }

    func testRowsByIndexArrayKeepOrderAndRepeats() {
        XCTAssertEqual(a[rows: [3, 0, 3]].elements, [30, 31, 32, 0, 1, 2, 30, 31, 32])
    }

    func testColumnsByRangeAndIndexArray() {
        XCTAssertEqual(a[cols: 1...].elements, [1, 2, 11, 12, 21, 22, 31, 32])
        XCTAssertEqual(a[cols: [2, 0]].elements, [2, 0, 12, 10, 22, 20, 32, 30])
        XCTAssertEqual(a.column(1), Matrix(column: [1, 11, 21, 31]))
        XCTAssertEqual(a.row(2), Matrix(row: [20, 21, 22]))
    }

    func testAssigningThroughSlices() {
        var m = a
        m[rows: [0]] = Matrix(row: [-1, -2, -3])
        m[cols: 2...] = Matrix(column: [7, 7, 7, 7])
        XCTAssertEqual(m.nestedRows, [[-1, -2, 7], [10, 11, 7], [20, 21, 7], [30, 31, 7]])
    }

    func testTransposeAndReshape() {
        XCTAssertEqual(a.T.shapeDescription, "(3, 4)")
        XCTAssertEqual(a.T[2, 3], a[3, 2])
        XCTAssertEqual(a.T.T, a)
        XCTAssertEqual(a.reshaped(rows: 2, cols: 6).elements, a.elements)
    }

    func testStacking() {
        let top = Matrix([[1, 2]]), bottom = Matrix([[3, 4]])
        XCTAssertEqual(Matrix.vstack([top, bottom]), Matrix([[1, 2], [3, 4]]))
        XCTAssertEqual(Matrix.hstack([top.T, bottom.T]), Matrix([[1, 3], [2, 4]]))
    }

    func testFactories() {
        XCTAssertEqual(Matrix.identity(2), Matrix([[1, 0], [0, 1]]))
        XCTAssertEqual(Matrix.ones(rows: 1, cols: 2), Matrix([[1, 1]]))
        XCTAssertEqual(Matrix.zeros(like: a).sum(), 0)
        XCTAssertEqual(Matrix.oneHot([2, 0], classes: 3), Matrix([[0, 0, 1], [1, 0, 0]]))
    }
}
