// CheckLanes and CoreSlots: how a grading spreads its own work over the cores.
import Foundation
import XCTest

@testable import Grader

final class CheckLanesTests: XCTestCase {
    private func lanes(of id: String) throws -> [[String]] {
        let assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load(id)
        return CheckLanes(Array(assignment.checks.enumerated()).map { ($0.offset, $0.element) }).lanes.map { $0.map(\.check.id) }
    }

    func testTrainingChecksAreDealtFromTheLastAndEveryOtherCheckStaysInLaneZeroInOrder() throws {
        let lanes = try lanes(of: "vu-dl-a1")
        XCTAssertEqual(lanes.count, 2)
        XCTAssertEqual(lanes[1], ["q4-synth-training", "q7-mnist-training"])
        XCTAssertEqual(lanes[0].first, "q1-softmax-jacobian")
        XCTAssertTrue(lanes[0].contains("q5-mnist-sgd"))
        XCTAssertFalse(lanes[0].contains("q7-mnist-training"))
        let assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("vu-dl-a1")
        let order = assignment.checks.map(\.id)
        for lane in lanes { XCTAssertEqual(lane, order.filter(lane.contains), "assignment order within a lane") }
        XCTAssertEqual(Set(lanes.joined()), Set(order), "every check in exactly one lane")
        XCTAssertEqual(lanes.joined().count, order.count)
    }

    func testTheLargestTrainingCheckOfALabGetsTheSecondLane() throws {
        XCTAssertEqual(try lanes(of: "hlcv-ex2")[1], ["q3b-real-images"])
        XCTAssertEqual(try lanes(of: "ece285-a1")[1], ["q21-minibatch-training"])
    }

    func testAnAssignmentWithoutTrainingChecksHasOneLane() throws {
        XCTAssertEqual(try lanes(of: "dtu-02456-ex1").count, 1)
    }

    func testLanesSideBySideGradeExactlyAsLanesOneAfterTheOther() throws {
        _ = try GraderFixtures.sdk.get()
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        let cases = [
            ("uu-1rt720-lab1", GraderFixtures.root.appendingPathComponent("reference/Uppsala/Solution")),
            ("hlcv-ex2", GraderFixtures.root.appendingPathComponent("fixtures/submissions/hlcv-ex2/hostile-exits-in-scores")),
        ]
        for (id, submission) in cases {
            let assignment = try catalog.load(id)
            var side = GraderFixtures.options(seed: 5)
            side.overlapsLanes = true
            var alone = side
            alone.overlapsLanes = false
            let (first, second) = (try Grading.grade(submission, assignment: assignment, options: side),
                                   try Grading.grade(submission, assignment: assignment, options: alone))
            XCTAssertEqual(first.checks.map(\.id), assignment.checks.map(\.id), "results in assignment order")
            XCTAssertEqual(first.checks.map(\.status), second.checks.map(\.status), id)
            XCTAssertEqual(first.checks.map(\.message), second.checks.map(\.message), id)
            XCTAssertEqual(first.score, second.score, id)
        }
    }

    func testCoreSlotsNeverLetMoreHoldersInThanTheyHave() {
        let slots = CoreSlots(count: 2)
        let inside = Gauge()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            slots.holding {
                inside.enter()
                usleep(20_000)
                inside.leave()
            }
        }
        XCTAssertEqual(inside.peak, 2)
    }

    func testAThrowingHolderGivesItsSlotBack() {
        let slots = CoreSlots(count: 1)
        struct Failure: Error {}
        XCTAssertThrowsError(try slots.holding { throw Failure() })
        XCTAssertEqual(slots.holding { 7 }, 7, "the slot was returned")
    }
}

/// How many threads are inside at once, and the most there ever were.
private final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private var most = 0

    func enter() {
        lock.withLock {
            now += 1
            most = max(most, now)
        }
    }

    func leave() { lock.withLock { now -= 1 } }

    var peak: Int { lock.withLock { most } }
}
