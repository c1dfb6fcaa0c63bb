// A few thousand mutated inputs for each reader of untrusted bytes: none crashes, every rejection
// says what is wrong, and memory stays bounded. `labgrade-bench fuzz` runs a hundred thousand.
import Foundation
import XCTest

@testable import Grader

final class FuzzTests: XCTestCase {
    func testTheWireDecoderRejectsMutatedFramesClearlyAndWithinItsCap() {
        let report = MutationFuzzer.run(FuzzTargets.wire(), iterations: 3_000, seed: 7)
        XCTAssertEqual(report.inputs, 3_000)
        XCTAssertEqual(report.unclear, 0)
        XCTAssertGreaterThan(report.rejected, 1_000, "the mutations reach the decoder's checks")
        XCTAssertGreaterThan(report.accepted, 4, "the seeds themselves are accepted")
        XCTAssertLessThan(report.peakMegabytes, 1_024, "no input made the host allocate its frame cap")
    }

    func testTheArchiveReadersRejectMutatedArchivesClearly() throws {
        let scratch = try GraderFixtures.scratch(self)
        for target in FuzzTargets.archives(scratch: scratch) {
            let report = MutationFuzzer.run(target, iterations: 1_500, seed: 7)
            XCTAssertEqual(report.unclear, 0, target.name)
            XCTAssertGreaterThan(report.rejected, 300, target.name)
            XCTAssertGreaterThanOrEqual(report.accepted, target.seeds.count, target.name)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "every input's folder is removed")
    }
}
