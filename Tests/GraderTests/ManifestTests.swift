// Specifications of assignment.json validation: every shipped manifest loads; mistakes are named precisely.
import Foundation
import XCTest

@testable import Grader

final class ManifestTests: XCTestCase {
    private let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)

    func testEveryShippedManifestLoadsAndHasAStarterFilePerExercise() throws {
        XCTAssertFalse(catalog.ids.isEmpty)
        for id in catalog.ids {
            let assignment = try catalog.load(id)
            XCTAssertEqual(assignment.id, id)
            XCTAssertGreaterThan(assignment.totalPoints, 0)
            for exercise in assignment.exercises {
                let file = catalog.starterSources(id).appendingPathComponent(exercise.file)
                XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(id): starter lacks \(exercise.file)")
            }
        }
    }

    /// The HLCV manifest with one edit applied to its JSON object.
    private func hlcv(editing edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: catalog.manifest("hlcv-ex2"))) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    private func check(_ object: inout [String: Any], _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var checks = object["checks"] as! [[String: Any]]
        edit(&checks[index])
        object["checks"] = checks
    }

    private func assertRejected(_ data: Data, _ expected: ManifestError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Assignment.decode(data, file: "hlcv.json"), file: file, line: line) { error in
            XCTAssertEqual(error as? ManifestError, expected, file: file, line: line)
        }
    }

    func testMisspelledFieldIsNamedWithItsPathAndASuggestion() throws {
        let data = try hlcv { object in
            check(&object, 3) { $0["tolerence"] = $0.removeValue(forKey: "tolerance") }
        }
        assertRejected(data, .unknownField(path: "checks[3].tolerence", file: "hlcv.json", suggestion: "tolerance"))
    }

    func testMissingRequiredFieldSaysWhatWasExpected() throws {
        let data = try hlcv { object in check(&object, 0) { $0.removeValue(forKey: "points") } }
        assertRejected(data, .missingField(path: "checks[0].points", file: "hlcv.json", expected: "a number from 0.0 to 1000.0"))
    }

    func testWrongTypeIsReported() throws {
        let data = try hlcv { object in check(&object, 1) { $0["points"] = "two" } }
        assertRejected(data, .wrongType(path: "checks[1].points", file: "hlcv.json", expected: "a number from 0.0 to 1000.0", found: "the string \"two\""))
    }

    func testUnknownKindSuggestsTheClosestKind() throws {
        let data = try hlcv { object in check(&object, 0) { $0["kind"] = "valeu" } }
        XCTAssertThrowsError(try Assignment.decode(data, file: "hlcv.json")) { error in
            guard case .invalidValue(let path, _, let reason)? = error as? ManifestError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "checks[0].kind")
            XCTAssertTrue(reason.contains("did you mean \"value\""), reason)
        }
    }

    func testCheckOfAnUnknownExerciseIsRejected() throws {
        let data = try hlcv { object in check(&object, 0) { $0["exercise"] = "scorez" } }
        XCTAssertThrowsError(try Assignment.decode(data, file: "hlcv.json")) { error in
            guard case .invalidValue(let path, _, let reason)? = error as? ManifestError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "checks[0].exercise")
            XCTAssertTrue(reason.contains("scores"), reason)
        }
    }

    func testGradientCheckWithoutItsSectionIsRejected() throws {
        let data = try hlcv { object in check(&object, 4) { $0.removeValue(forKey: "gradient") } }
        XCTAssertThrowsError(try Assignment.decode(data, file: "hlcv.json")) { error in
            guard case .missingField(let path, _, _)? = error as? ManifestError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "checks[4].gradient")
        }
    }

    func testAGradientCheckNamesOnlyValueChecksAsGradingItsReferenceComparison() throws {
        let gradedBy = { (ids: [String]) in
            try self.hlcv { object in
                self.check(&object, 4) { check in
                    var gradient = check["gradient"] as! [String: Any]
                    gradient["referenceGradedBy"] = ids
                    check["gradient"] = gradient
                }
            }
        }
        XCTAssertNoThrow(try Assignment.decode(gradedBy(["q2-gradients"]), file: "hlcv.json"))
        assertRejected(
            try gradedBy(["q2-gradients", "q2-gradient"]),
            .invalidValue(
                path: "checks[4].gradient.referenceGradedBy[1]", file: "hlcv.json",
                reason: "no check \"q2-gradient\" (did you mean \"q2-gradients\"?)"))
        assertRejected(
            try gradedBy(["q3b-real-images"]),
            .invalidValue(
                path: "checks[4].gradient.referenceGradedBy[0]", file: "hlcv.json",
                reason: "\"q3b-real-images\" is a training check; only a value check grades a gradient against the reference"))
    }

    func testAnExerciseBuildsOnlyOnOtherExercisesOfTheLab() throws {
        let uses = { (index: Int, ids: [String]) in
            try self.hlcv { object in
                var exercises = object["exercises"] as! [[String: Any]]
                exercises[index]["uses"] = ids
                object["exercises"] = exercises
            }
        }
        XCTAssertNoThrow(try Assignment.decode(uses(3, ["loss", "gradients"]), file: "hlcv.json"))
        assertRejected(
            try uses(3, ["loss", "gradient"]),
            .invalidValue(path: "exercises[3].uses[1]", file: "hlcv.json", reason: "no exercise \"gradient\" (did you mean \"gradients\"?)"))
        assertRejected(
            try uses(1, ["loss"]), .invalidValue(path: "exercises[1].uses[0]", file: "hlcv.json", reason: "an exercise cannot build on itself"))
    }

    func testDuplicateCheckIdsAreRejected() throws {
        let data = try hlcv { object in check(&object, 1) { $0["id"] = "q1a-scores" } }
        assertRejected(data, .invalidValue(path: "checks[1].id", file: "hlcv.json", reason: "\"q1a-scores\" appears twice"))
    }

    func testInvalidJSONNamesTheFile() {
        XCTAssertThrowsError(try Assignment.decode(Data("{\"id\": ".utf8), file: "broken.json")) { error in
            guard case .invalidJSON(let file, _)? = error as? ManifestError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "broken.json")
        }
    }

    func testUnknownAssignmentListsTheKnownOnes() {
        XCTAssertThrowsError(try catalog.load("hlcv-ex3")) { error in
            XCTAssertTrue("\(error)".contains("hlcv-ex2"), "\(error)")
        }
    }
}
