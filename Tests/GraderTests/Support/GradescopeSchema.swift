// GradescopeSchema: checks a results.json against the keys and values Gradescope documents.
import Foundation
import XCTest

/// Gradescope's documented `results.json`: top-level keys, per-test keys and their allowed values.
enum GradescopeSchema {
    static let topLevelKeys: Set<String> = [
        "score", "execution_time", "output", "output_format", "test_output_format", "test_name_format", "visibility",
        "stdout_visibility", "extra_data", "tests", "leaderboard",
    ]
    static let testKeys: Set<String> = [
        "score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data",
    ]
    static let visibilities: Set<String> = ["visible", "hidden", "after_due_date", "after_published"]

    /// Asserts that `data` is a valid results.json and returns it parsed.
    @discardableResult
    static func validate(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], "not a JSON object", file: file, line: line)
        XCTAssertTrue(Set(object.keys).isSubset(of: topLevelKeys), "unknown keys \(Set(object.keys).subtracting(topLevelKeys))", file: file, line: line)
        XCTAssertNotNil(object["score"] as? Double, "score is a number", file: file, line: line)
        if let time = object["execution_time"] { XCTAssertNotNil(time as? Double, "execution_time is a number", file: file, line: line) }
        if let visibility = object["visibility"] as? String { XCTAssertTrue(visibilities.contains(visibility), file: file, line: line) }
        let tests = try XCTUnwrap(object["tests"] as? [[String: Any]], "tests is an array of objects", file: file, line: line)
        for test in tests {
            XCTAssertTrue(Set(test.keys).isSubset(of: testKeys), "unknown keys \(Set(test.keys).subtracting(testKeys))", file: file, line: line)
            XCTAssertNotNil(test["name"] as? String, file: file, line: line)
            XCTAssertNotNil(test["score"] as? Double, file: file, line: line)
            XCTAssertNotNil(test["max_score"] as? Double, file: file, line: line)
            XCTAssertNotNil(test["output"] as? String, file: file, line: line)
            XCTAssertTrue(["passed", "failed"].contains(test["status"] as? String), "status \(test["status"] ?? "none")", file: file, line: line)
            XCTAssertTrue(visibilities.contains(test["visibility"] as? String ?? ""), "visibility \(test["visibility"] ?? "none")", file: file, line: line)
        }
        return object
    }
}
