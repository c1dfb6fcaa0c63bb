// Specifications of sums, means, maxima and argmax over all entries and along each axis.
import XCTest
import LabKit

final class MatrixReductionTests: XCTestCase {
    let a = Matrix([[1, 5, 3], [4, 2, 6]])

    func testSumOverAllAndAlongAxesKeepsDimensions() {
        XCTAssertEqual(a.sum(), 21)
        XCTAssertEqual(a.sum(axis: 0), Matrix(row: [5, 7, 9]))
        XCTAssertEqual(a.sum(axis: 1), Matrix(column: [9, 12]))
    }

    func testMeanAlongAxes() {
        XCTAssertEqual(a.mean(), 3.5)
        XCTAssertEqual(a.mean(axis: 0), Matrix(row: [2.5, 3.5, 4.5]))
        XCTAssertEqual(a.mean(axis: 1), Matrix(column: [3, 4]))
    }

    func testMaxAndMinAlongAxes() {
        XCTAssertEqual(a.max(), 6)
        XCTAssertEqual(a.min(), 1)
        XCTAssertEqual(a.max(axis: 0), Matrix(row: [4, 5, 6]))
        XCTAssertEqual(a.max(axis: 1), Matrix(column: [5, 6]))
        XCTAssertEqual(a.min(axis: 1), Matrix(column: [1, 2]))
    }

    func testArgmaxTakesTheFirstMaximumLikeNumPy() {
        let tied = Matrix([[1, 7, 7], [9, 0, 9]])
        XCTAssertEqual(tied.argmax(), 3)
        XCTAssertEqual(tied.argmax(axis: 1), [1, 0])
        XCTAssertEqual(tied.argmax(axis: 0), [1, 0, 1])
    }

    func testNaNPropagatesThroughMaxAndWinsArgmax() {
        let withNaN = Matrix([[1, .nan, 3]])
        XCTAssertTrue(withNaN.max().isNaN)
        XCTAssertEqual(withNaN.argmax(axis: 1), [1])
    }

    func testEmptySumIsZero() {
        XCTAssertEqual(Matrix.zeros(rows: 0, cols: 3).sum(), 0)
        XCTAssertEqual(Matrix.zeros(rows: 0, cols: 3).sum(axis: 0), Matrix(row: [0, 0, 0]))
    }
}
