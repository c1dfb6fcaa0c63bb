// A hostile student in a class: `labgrade batch` grades everyone after them, whatever their program
// does to its processes and pipes, with the lanes side by side and one after the other.
import BatchGrading
import Foundation
import Grader
import XCTest

final class HostileBatchTests: XCTestCase {
    /// A fork bomb, and a program that closes the grader's request pipe (the host's next request
    /// then goes to a pipe nobody reads), between honest students.
    func testAForkBombAndADeadPipeStopNeitherTheBatchNorTheHonestStudents() throws {
        let catalog = AssignmentCatalog(toolchain: .current)
        let hostile = try CorpusCase.all(in: BatchFixtures.root.appendingPathComponent("fixtures/submissions"), assignment: "hlcv-ex2")
            .filter { ["hostile-fork-bomb", "hostile-closes-request-pipe"].contains($0.name) }
        XCTAssertEqual(hostile.count, 2)
        for lanes in [[], ["--one-lane-at-a-time"]] {
            let scratch = try BatchFixtures.scratch(self)
            let folder = scratch.appendingPathComponent("class")
            let manager = FileManager.default
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let reference = BatchFixtures.root.appendingPathComponent("reference/HLCV/Solution")
            try manager.copyItem(at: reference, to: folder.appendingPathComponent("a-honest"))
            try manager.copyItem(at: hostile[1].submission(catalog: catalog, scratch: scratch), to: folder.appendingPathComponent("b-fork-bomb"))
            try manager.copyItem(at: hostile[0].submission(catalog: catalog, scratch: scratch), to: folder.appendingPathComponent("c-dead-pipe"))
            try manager.copyItem(at: reference, to: folder.appendingPathComponent("d-honest"))

            let run = try LabgradeCLI.run(["batch", folder.path, "-a", "hlcv-ex2", "--seed", "7"] + lanes)
            XCTAssertEqual(run.reason, .exit, "labgrade was killed by signal \(run.status) \(lanes):\n\(run.output)")
            XCTAssertEqual(run.status, 0, run.output)
            let book = try Gradebook(existing: folder.appendingPathComponent(Gradebook.defaultFileName), readOnly: true)
            let grades = try book.currentGrades(of: "hlcv-ex2")
            XCTAssertEqual(Set(grades.keys), ["a-honest", "b-fork-bomb", "c-dead-pipe", "d-honest"], "\(lanes)")
            for (student, grade) in grades {
                XCTAssertEqual(grade.grading.status, .graded, "\(student) \(lanes): \(grade.grading.message ?? "")")
                XCTAssertEqual(grade.grading.score, student.hasSuffix("honest") ? 35 : 0, "\(student) \(lanes)")
            }
        }
    }
}
