// Products, solves and least squares against NumPy's results in fixtures/numpy/linalg_vectors.json.
import XCTest
import LabKit

final class MatrixLinearAlgebraTests: XCTestCase {
    var vectors: LinalgVectors!

    override func setUpWithError() throws {
        vectors = try LinalgVectors.load()
    }

    func testProductMatchesNumPyIncludingMatrixVector() {
        XCTAssertEqual(vectors.cases.dot.count, 6)
        for (k, c) in vectors.cases.dot.enumerated() {
            let (a, b) = (c.a.matrix, c.b.matrix)
            XCTAssertLessThan(maxRelativeDifference(a.dot(b), c.product.matrix), 1e-13, "case \(k)")
            XCTAssertLessThan(maxRelativeDifference(dot(a, b), c.product.matrix), 1e-13, "case \(k)")
        }
    }

    func testTransposedProductsNeedNoCopy() {
        for c in vectors.cases.dot {
            let (a, b) = (c.a.matrix, c.b.matrix)
            let expected = c.product.matrix
            XCTAssertLessThan(maxRelativeDifference(Matrix.product(a.T, b, transposeA: true), expected), 1e-13)
            XCTAssertLessThan(maxRelativeDifference(Matrix.product(a, b.T, transposeB: true), expected), 1e-13)
            XCTAssertLessThan(maxRelativeDifference(Matrix.product(a.T, b.T, transposeA: true, transposeB: true), expected), 1e-13)
        }
    }

    func testEmptyInnerDimensionGivesZeros() {
        XCTAssertEqual(Matrix.zeros(rows: 2, cols: 0).dot(Matrix.zeros(rows: 0, cols: 3)), Matrix.zeros(rows: 2, cols: 3))
    }

    func testSolveMatchesNumPy() throws {
        for c in vectors.cases.solve {
            XCTAssertLessThan(maxRelativeDifference(try Matrix.solve(c.a.matrix, c.b.matrix), c.x.matrix), 1e-12)
        }
    }

    func testPositiveDefiniteSolveMatchesNumPy() throws {
        for c in vectors.cases.solve_spd {
            XCTAssertLessThan(maxRelativeDifference(try Matrix.solvePositiveDefinite(c.a.matrix, c.b.matrix), c.x.matrix), 1e-10)
        }
    }

    func testLeastSquaresMatchesNumPy() throws {
        for c in vectors.cases.lstsq {
            XCTAssertLessThan(maxRelativeDifference(try Matrix.leastSquares(c.a.matrix, c.b.matrix), c.x.matrix), 1e-11)
        }
    }

    func testSingularSystemThrowsWithPivot() {
        XCTAssertThrowsError(try Matrix.solve(Matrix([[1, 2], [2, 4]]), Matrix(column: [1, 1]))) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .singular(pivot: 2))
        }
    }

    func testIndefiniteMatrixIsRejectedByCholesky() {
        XCTAssertThrowsError(try Matrix.solvePositiveDefinite(Matrix([[1, 0], [0, -1]]), Matrix(column: [1, 1]))) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .notPositiveDefinite(order: 2))
        }
    }

    func testRankDeficientLeastSquaresThrows() {
        let a = Matrix([[1, 2], [2, 4], [3, 6]])
        XCTAssertThrowsError(try Matrix.leastSquares(a, Matrix(column: [1, 2, 3]))) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .rankDeficient(index: 2))
        }
    }
}
