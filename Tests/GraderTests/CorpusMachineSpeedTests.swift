// The corpus's expectations hold whatever the machine's speed: a case stopped by a resource limit
// may meet its memory limit before its time limit on a fast machine, and the other way round.
import Foundation
import XCTest

@testable import Grader

final class CorpusMachineSpeedTests: XCTestCase {
    /// On a machine that fills memory faster than this one, the unbounded-memory case meets its
    /// memory limit before the toy training's 2 s limit. A lower memory limit reproduces that here.
    func testUnboundedMemoryCaseMatchesItsExpectationWhenMemoryRunsOutFirst() throws {
        _ = try GraderFixtures.sdk.get()
        let item = try XCTUnwrap(
            try CorpusCase.all(in: SubmissionFixtureTests.fixtures, assignment: "hlcv-ex2")
                .first { $0.name == "hostile-unbounded-memory" })
        var assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
        assignment.limits.memoryMegabytes = 192
        let result = try Grading.grade(item.folder, assignment: assignment, options: GraderFixtures.options(seed: SubmissionFixtureTests.seed))
        let toy = try XCTUnwrap(result.checks.first { $0.id == "q3a-toy-sgd" })
        XCTAssertEqual(toy.status, .error, "the memory limit, not the time limit, stops the toy training: \(toy.message)")
        XCTAssertEqual(Corpus.problems(result, item.expected), [])
    }
}

final class ExpectedDiagnosisTests: XCTestCase {
    private let stop = CorpusCase.ExpectedDiagnosis.anyOf([.tooSlow, .memoryLimit])

    func testAnAlternativeMatchesEitherStopButNotBothOrNeither() {
        XCTAssertTrue(CorpusCase.ExpectedDiagnosis.match([.tooSlow], [stop]))
        XCTAssertTrue(CorpusCase.ExpectedDiagnosis.match([.memoryLimit], [stop]))
        XCTAssertFalse(CorpusCase.ExpectedDiagnosis.match([.tooSlow, .memoryLimit], [stop]))
        XCTAssertFalse(CorpusCase.ExpectedDiagnosis.match([], [stop]))
        XCTAssertFalse(CorpusCase.ExpectedDiagnosis.match([.tooSlow, .signFlipped], [stop]))
    }

    func testPlainKindsMatchAsASet() {
        XCTAssertTrue(CorpusCase.ExpectedDiagnosis.match([.onlyPart, .shapeMismatch], [.kind(.onlyPart), .kind(.shapeMismatch), .kind(.shapeMismatch)]))
        XCTAssertFalse(CorpusCase.ExpectedDiagnosis.match([.onlyPart], [.kind(.onlyPart), .kind(.shapeMismatch)]))
        XCTAssertFalse(CorpusCase.ExpectedDiagnosis.match([.onlyPart, .zero], [.kind(.onlyPart)]))
    }

    func testOnlyResourceStopsMayBeAlternatives() throws {
        let decoder = JSONDecoder()
        XCTAssertEqual(try decoder.decode(CorpusCase.ExpectedDiagnosis.self, from: Data(#"{"anyOf": ["too-slow", "memory-limit"]}"#.utf8)), stop)
        XCTAssertThrowsError(try decoder.decode(CorpusCase.ExpectedDiagnosis.self, from: Data(#"{"anyOf": ["too-slow", "sign-flipped"]}"#.utf8)))
        XCTAssertThrowsError(try decoder.decode(CorpusCase.ExpectedDiagnosis.self, from: Data(#"{"anyOf": ["too-slow"]}"#.utf8)))
        XCTAssertEqual(try decoder.decode(CorpusCase.ExpectedDiagnosis.self, from: Data(#""zero""#.utf8)), .kind(.zero))
    }

    func testRecordingKeepsTheAlternativeAFoundStopBelongsTo() {
        XCTAssertEqual(CorpusCase.ExpectedDiagnosis.recording([.memoryLimit], keeping: [stop]), [stop])
        XCTAssertEqual(CorpusCase.ExpectedDiagnosis.recording([.tooSlow], keeping: []), [.kind(.tooSlow)])
    }
}
