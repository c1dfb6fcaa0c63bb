// Tests of the grader's identity.
import XCTest
@testable import Grader

final class VersionTests: XCTestCase {
    func testVersionIsSemantic() {
        let parts = LabgradeVersion.current.split(separator: ".")
        XCTAssertEqual(parts.count, 3)
        XCTAssertTrue(parts.allSatisfy { Int($0) != nil })
    }
}
