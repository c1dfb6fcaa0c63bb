// ReferenceCache: a batch's gradings share the reference's answers, computed once per check.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class ReferenceCacheTests: XCTestCase {
    func testGradingsSharingACacheComputeTheReferenceOnceAndReuseItsTrainingTime() throws {
        _ = try GraderFixtures.sdk.get()
        let assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("uu-1rt720-lab1")
        let solution = GraderFixtures.root.appendingPathComponent("reference/Uppsala/Solution")
        let cache = ReferenceCache()
        var options = GraderFixtures.options(seed: 21)
        options.referenceCache = cache

        let first = try Grading.grade(solution, assignment: assignment, options: options)
        let computed = cache.computedCount
        XCTAssertEqual(computed, assignment.checks.filter { $0.kind != .property }.count)
        let second = try Grading.grade(solution, assignment: assignment, options: options)
        XCTAssertEqual(cache.computedCount, computed, "the second grading found every check's answers")

        XCTAssertEqual(second.score, second.maxScore)
        XCTAssertEqual(second.checks.map(\.status), first.checks.map(\.status))
        let referenceTimes = { (result: GradingResult) in
            result.checks.flatMap { check in check.measurements.filter { $0.key.hasSuffix("reference seconds") }.map { "\(check.id) \($0.key) \($0.value)" } }.sorted()
        }
        XCTAssertFalse(referenceTimes(first).isEmpty, "the assignment has a training check")
        XCTAssertEqual(referenceTimes(second), referenceTimes(first), "the time limit uses the reference's time measured once in this run")
    }

    func testAnotherSeedOrAPreviewGetsItsOwnEntries() throws {
        let cache = ReferenceCache()
        var computed = 0
        let prepare = { () -> ReferenceAhead.Prepared in
            computed += 1
            return ReferenceAhead.Prepared(instances: [], random: NumPyRandomState(seed: 0))
        }
        for (seed, preview) in [(1, false), (1, false), (2, false), (1, true)] {
            _ = try cache.entries(assignment: "a", seed: UInt32(seed), preview: preview).prepared(check: 0, compute: prepare)
        }
        _ = try cache.entries(assignment: "b", seed: 1, preview: false).prepared(check: 0, compute: prepare)
        XCTAssertEqual(computed, 4)
        XCTAssertEqual(cache.computedCount, 4)
    }

    func testConcurrentRequestsForOneCheckWaitForASingleComputation() throws {
        let cache = ReferenceCache()
        let calls = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            _ = try? cache.entries(assignment: "a", seed: 1, preview: false).prepared(check: 3) {
                calls.increment()
                usleep(50_000)
                return ReferenceAhead.Prepared(instances: [], random: NumPyRandomState(seed: 0))
            }
        }
        XCTAssertEqual(calls.value, 1)
    }

    func testAReferenceFailureIsKeptForEveryGrading() {
        let cache = ReferenceCache()
        let entries = cache.entries(assignment: "a", seed: 1, preview: false)
        for _ in 0..<2 {
            XCTAssertThrowsError(try entries.prepared(check: 0) { throw GradingError.referenceFailed(check: "c", reason: "boom") }) { error in
                XCTAssertEqual("\(error)", "the reference solution failed in check c: boom")
            }
        }
        XCTAssertEqual(cache.computedCount, 1)
    }
}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
