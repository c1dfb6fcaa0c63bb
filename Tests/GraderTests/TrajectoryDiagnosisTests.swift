// TrajectoryDiagnosisTests: each history pattern is named when the numbers fit it, and never for a near miss.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class TrajectoryDiagnosisTests: XCTestCase {
    private let tolerance = Check.ValueTolerance(relative: 1e-9, absolute: 1e-12)
    private let reference = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5]

    private struct Run: Encodable {
        @WireSeries var lossHistory: [Double]
        var trainAccuracyHistory: [Double]
    }

    private func kinds(_ yours: [Double], accuracies: [Double] = [0.5, 0.75]) throws -> [Diagnosis.Kind] {
        let student = try OracleReply(id: 1, value: Run(lossHistory: yours, trainAccuracyHistory: accuracies))
        let expected = try OracleReply(id: 1, value: Run(lossHistory: reference, trainAccuracyHistory: [0.5, 0.75]))
        return TrajectoryDiagnosis.diagnoses(student: student, reference: expected, tolerance: tolerance).map(\.kind)
    }

    func testAStepTooManyOrTooFewIsNamedOnlyWhenEveryCommonEntryAgrees() throws {
        XCTAssertEqual(try kinds(Array(reference.dropLast())), [.stepCount])
        XCTAssertEqual(try kinds(reference + [0.4]), [.stepCount])
        var nearMiss = Array(reference.dropLast())
        nearMiss[2] += 1e-6
        XCTAssertNotEqual(try kinds(nearMiss), [.stepCount], "a shorter history that also differs is not an off-by-one alone")
    }

    func testAHistoryRecordedAfterTheUpdateIsEachLossTheReferencesNext() throws {
        XCTAssertEqual(try kinds(Array(reference.dropFirst()) + [0.45]), [.historyAfterUpdate])
        var nearMiss = Array(reference.dropFirst()) + [0.45]
        nearMiss[1] = 0.81
        XCTAssertEqual(try kinds(nearMiss), [.firstBatchDiffers], "one entry that is not the next one breaks the pattern")
    }

    func testTheStepAtWhichTheRunsPartIsTheFirstDifferingEntry() throws {
        var parted = reference
        parted[3] = 0.71
        let student = try OracleReply(id: 1, value: Run(lossHistory: parted, trainAccuracyHistory: [0.5, 0.75]))
        let expected = try OracleReply(id: 1, value: Run(lossHistory: reference, trainAccuracyHistory: [0.5, 0.75]))
        let found = TrajectoryDiagnosis.diagnoses(student: student, reference: expected, tolerance: tolerance)
        XCTAssertEqual(found.map(\.kind), [.trajectoryParts])
        XCTAssertTrue(found[0].text.contains("the first 3 recorded losses agree and entry 4 differs (0.71 where the reference records 0.7)"), found[0].text)
        var first = reference
        first[1] = 0.95
        XCTAssertEqual(try kinds(first), [.trajectoryParts])
        XCTAssertEqual(try kinds([1.1] + reference.dropFirst()), [.firstBatchDiffers])
    }

    func testOtherHistoriesAreNamedOnlyWhenEveryLossAgrees() throws {
        XCTAssertEqual(try kinds(reference, accuracies: [0.5, 0.5]), [.historyRecordedElsewhere])
        XCTAssertEqual(try kinds(reference), [], "identical histories: nothing to say")
    }

    private struct AfterEachStep: Encodable {
        @WireSeries var lossHistory: [Double]
        @WireSeries var errorHistory: [Double]
    }

    /// ECE 285's convention: each entry is taken after its step's update, errors beside the losses.
    private func afterEachStep(_ yours: [Double], errors: [Double]? = nil) throws -> [Diagnosis] {
        let student = try OracleReply(id: 1, value: AfterEachStep(lossHistory: yours, errorHistory: errors ?? reference.map { 10 * $0 }))
        let expected = try OracleReply(id: 1, value: AfterEachStep(lossHistory: reference, errorHistory: reference.map { 10 * $0 }))
        let convention = TrajectoryDiagnosis.Convention(others: ["errorHistory"], recordedAfterUpdate: true, minibatches: false, decays: false)
        return TrajectoryDiagnosis.diagnoses(student: student, reference: expected, tolerance: tolerance, convention: convention)
    }

    func testALabThatRecordsAfterTheUpdateReadsTheShiftTheOtherWay() throws {
        // Recorded before each update: the initial loss first, then the reference's entries one step late.
        let before = try afterEachStep([1.2] + reference.dropLast())
        XCTAssertEqual(before.map(\.kind), [.historyAfterUpdate])
        XCTAssertTrue(before[0].text.contains("recorded before the update instead of after it"), before[0].text)
        // The other shift is no pattern here: it is a run that differs from its first entry.
        XCTAssertEqual(try afterEachStep(Array(reference.dropFirst()) + [0.45]).map(\.kind), [.firstBatchDiffers])
        var nearMiss = [1.2] + reference.dropLast()
        nearMiss[3] = 0.805
        XCTAssertNotEqual(try afterEachStep(nearMiss).map(\.kind), [.historyAfterUpdate])
        // The first entry already follows an update, and a full-batch run has no minibatch to blame.
        let first = try afterEachStep([1.1] + reference.dropFirst())
        XCTAssertTrue(first[0].text.contains("after the first update, differs"), first[0].text)
        XCTAssertFalse(first[0].text.contains("minibatch"), first[0].text)
        // Entry 4 differs: with entries after each update, update 4 is the first to differ, and no decay is blamed.
        var parted = reference
        parted[3] = 0.71
        let step = try afterEachStep(parted)
        XCTAssertEqual(step.map(\.kind), [.trajectoryParts])
        XCTAssertTrue(step[0].text.contains("the update of step 4 is the first to differ"), step[0].text)
        XCTAssertFalse(step[0].text.contains("decay"), step[0].text)
        XCTAssertEqual(try afterEachStep(reference, errors: [9, 9, 9, 9, 9, 9]).map(\.kind), [.historyRecordedElsewhere])
    }

    private struct Costs: Encodable {
        @WireSeries var trainCosts: [Double]
    }

    func testUppsalasCostsAreReadUnderTheirOwnName() throws {
        let convention = TrajectoryDiagnosis.Convention(history: "trainCosts", others: [], minibatches: false, decays: false, noun: "cost")
        let expected = try OracleReply(id: 1, value: Costs(trainCosts: reference))
        let short = try OracleReply(id: 1, value: Costs(trainCosts: Array(reference.dropLast())))
        let found = TrajectoryDiagnosis.diagnoses(student: short, reference: expected, tolerance: tolerance, convention: convention)
        XCTAssertEqual(found.map(\.kind), [.stepCount])
        XCTAssertTrue(found[0].text.contains("your trainCosts has 5 entries, the reference's 6"), found[0].text)
        let late = try OracleReply(id: 1, value: Costs(trainCosts: Array(reference.dropFirst()) + [0.45]))
        let after = TrajectoryDiagnosis.diagnoses(student: late, reference: expected, tolerance: tolerance, convention: convention)
        XCTAssertTrue(after[0].text.contains("each of your recorded costs is the reference's next one"), after[0].text)
        let other = try OracleReply(id: 1, value: Costs(trainCosts: [1.1] + reference.dropFirst()))
        let start = TrajectoryDiagnosis.diagnoses(student: other, reference: expected, tolerance: tolerance, convention: convention)
        XCTAssertTrue(start[0].text.contains("another cost or another starting point"), start[0].text)
    }

    func testDigitsFollowTheTolerance() {
        XCTAssertEqual(Diagnosis.format(-9.050690001, Check.ValueTolerance(relative: 1e-9, absolute: 0)), "-9.050690001")
        XCTAssertEqual(Diagnosis.format(-9.050690001, Check.ValueTolerance(relative: 1e-3, absolute: 0)), "-9.05069")
    }
}
