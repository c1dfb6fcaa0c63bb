// Specifications of elementwise arithmetic and NumPy broadcasting.
import XCTest
import LabKit

final class MatrixArithmeticTests: XCTestCase {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])

    func testSameShapeOperationsAreEntrywise() {
        let b = Matrix([[6, 5, 4], [3, 2, 1]])
        XCTAssertEqual((a + b).elements, [7, 7, 7, 7, 7, 7])
        XCTAssertEqual((a - b).elements, [-5, -3, -1, 1, 3, 5])
        XCTAssertEqual((a * b).elements, [6, 10, 12, 12, 10, 6])
        let quotients: [Double] = [1.0 / 6, 2.0 / 5, 3.0 / 4, 4.0 / 3, 5.0 / 2, 6]
        XCTAssertEqual((a / b).elements, quotients)
    }

    func testRowVectorBroadcastsOverEveryRow() {
        let bias = Matrix(row: [10, 20, 30])
        XCTAssertEqual((a + bias).elements, [11, 22, 33, 14, 25, 36])
        XCTAssertEqual((bias + a).elements, [11, 22, 33, 14, 25, 36])
    }

    func testColumnVectorBroadcastsOverEveryColumn() {
        let rowSums = Matrix(column: [6, 15])
        let shares: [Double] = [1.0 / 6, 2.0 / 6, 3.0 / 6, 4.0 / 15, 5.0 / 15, 6.0 / 15]
        XCTAssertEqual((a / rowSums).elements, shares)
    }

    func testRowTimesColumnBroadcastsToOuterShape() {
        let outer = Matrix(row: [1, 2, 3]) * Matrix(column: [1, 10])
        XCTAssertEqual(outer.shapeDescription, "(2, 3)")
        XCTAssertEqual(outer.elements, [1, 2, 3, 10, 20, 30])
    }

    func testOneByOneMatrixActsAsScalar() {
        XCTAssertEqual((a * Matrix([[2]])).elements, [2, 4, 6, 8, 10, 12])
    }

    func testScalarOperationsOnBothSides() {
        XCTAssertEqual((a + 1).elements, [2, 3, 4, 5, 6, 7])
        XCTAssertEqual((1 - a).elements, [0, -1, -2, -3, -4, -5])
        XCTAssertEqual((2 * a).elements, (a * 2).elements)
        XCTAssertEqual((12 / a).elements, [12, 6, 4, 3, 2.4, 2])
        XCTAssertEqual((-a).elements, [-1, -2, -3, -4, -5, -6])
    }

    func testCompoundAssignmentIsAnSGDStep() {
        var w = Matrix([[1, 1], [1, 1]])
        w -= 0.5 * Matrix([[2, 4], [6, 8]])
        XCTAssertEqual(w.elements, [0, -1, -2, -3])
        w += Matrix(row: [1, 2])
        XCTAssertEqual(w.elements, [1, 1, -1, -1])
        w *= 3
        XCTAssertEqual(w.elements, [3, 3, -3, -3])
    }

    func testElementwiseFunctions() {
        let z = Matrix([[-2, 0, 3]])
        XCTAssertEqual(z.clamp(min: 0).elements, [0, 0, 3])
        XCTAssertEqual(maximum(z, 0).elements, [0, 0, 3])
        XCTAssertEqual(z.clamp(min: -1, max: 1).elements, [-1, 0, 1])
        XCTAssertEqual(z.abs().elements, [2, 0, 3])
        XCTAssertEqual(z.squared().elements, [4, 0, 9])
        XCTAssertEqual(z.sumOfSquares(), 13)
        // Vectorised exp and log are within one ulp of the C library's (VectorMathTests).
        XCTAssertEqual(exp(Matrix([[0, 1]])).elements[0], 1)
        XCTAssertEqual(exp(Matrix([[0, 1]])).elements[1], M_E, accuracy: M_E.ulp)
        XCTAssertEqual(log(Matrix([[1, M_E]])).elements, [0, 1])
        XCTAssertEqual(sqrt(Matrix([[4, 9]])).elements, [2, 3])
        XCTAssertEqual(z.map { $0 > 0 ? 1 : 0 }.elements, [0, 0, 1])
    }

    func testExpOverflowIsInfiniteNotACrash() {
        let e = exp(Matrix([[1000]]))
        XCTAssertEqual(e[0, 0], .infinity)
        XCTAssertFalse(e.isFinite)
    }
}
