// Reads the NumPy-computed linear-algebra vectors committed under fixtures/numpy/.
import Foundation
import LabKit

/// One matrix as stored by fixtures/numpy/make_linalg_vectors.py: shape plus float.hex entries.
struct HexMatrix: Decodable {
    let rows: Int
    let cols: Int
    let hex: [String]

    var matrix: Matrix {
        Matrix(rows: rows, cols: cols, elements: hex.map { Double($0)! })
    }
}

/// The cases of linalg_vectors.json.
struct LinalgVectors: Decodable {
    struct Product: Decodable { let a: HexMatrix, b: HexMatrix, product: HexMatrix }
    struct System: Decodable { let a: HexMatrix, b: HexMatrix, x: HexMatrix }
    struct Cases: Decodable {
        let dot: [Product]
        let solve: [System]
        let solve_spd: [System]
        let lstsq: [System]
    }
    let cases: Cases

    static func load() throws -> LinalgVectors {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/numpy/linalg_vectors.json")
        return try JSONDecoder().decode(LinalgVectors.self, from: Data(contentsOf: url))
    }
}

/// The largest |a − b| / max(1, |b|) over all entries; stops the test on a shape mismatch.
func maxRelativeDifference(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.cols == b.cols, "shapes \(a.shapeDescription) vs \(b.shapeDescription)")
    return zip(a.elements, b.elements).map { Swift.abs($0 - $1) / Swift.max(1, Swift.abs($1)) }.max() ?? 0
}
