// Assertions that compare matrices and arrays entry by entry, naming the first entry that differs.
import LabKit
import XCTest

/// Asserts same shape and every |a − b| ≤ accuracy.
func XCTAssertEqual(
    _ a: Matrix, _ b: Matrix, accuracy: Double, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    guard a.rows == b.rows, a.cols == b.cols else {
        XCTFail("shape \(a.shapeDescription) vs \(b.shapeDescription) \(message)", file: file, line: line)
        return
    }
    XCTAssertEqual(a.elements, b.elements, accuracy: accuracy, message, file: file, line: line)
}

/// Asserts same count and every |a − b| ≤ accuracy.
func XCTAssertEqual(
    _ a: [Double], _ b: [Double], accuracy: Double, _ message: String = "", file: StaticString = #filePath,
    line: UInt = #line
) {
    guard a.count == b.count else {
        XCTFail("\(a.count) values vs \(b.count) \(message)", file: file, line: line)
        return
    }
    if let k = a.indices.first(where: { !(Swift.abs(a[$0] - b[$0]) <= accuracy) }) {
        XCTFail("entry \(k): \(a[k]) vs \(b[k]) (accuracy \(accuracy)) \(message)", file: file, line: line)
    }
}
