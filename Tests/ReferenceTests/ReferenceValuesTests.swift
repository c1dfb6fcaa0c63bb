// Every published value in the ReferenceValues table is reproduced by the reference solutions.
import XCTest
import Reference

final class ReferenceValuesTests: XCTestCase {
    func testEveryPublishedValueIsReproduced() {
        XCTAssertFalse(ReferenceValues.all.isEmpty)
        for row in ReferenceValues.all {
            let outcome = row.verify()
            XCTAssertNil(outcome.failure, "\(row.lab.rawValue) \(row.name): \(outcome.failure ?? "")")
            XCTAssertTrue(
                outcome.passed,
                "\(row.lab.rawValue) \(row.name): computed \(outcome.computed), expected \(row.expected) (\(row.tolerance))")
        }
    }

    func testEveryLabHasRows() {
        let labs = Set(ReferenceValues.all.map(\.lab))
        XCTAssertEqual(labs, Set(LabID.allCases))
    }

    func testRowNamesAreUniqueWithinALab() {
        var seen = Set<String>()
        for row in ReferenceValues.all {
            XCTAssertTrue(seen.insert("\(row.lab.rawValue)/\(row.name)").inserted, "duplicate row \(row.name)")
        }
    }
}
