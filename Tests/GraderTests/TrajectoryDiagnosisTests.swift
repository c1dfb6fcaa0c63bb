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

    func testDigitsFollowTheTolerance() {
        XCTAssertEqual(Diagnosis.format(-9.050690001, Check.ValueTolerance(relative: 1e-9, absolute: 0)), "-9.050690001")
        XCTAssertEqual(Diagnosis.format(-9.050690001, Check.ValueTolerance(relative: 1e-3, absolute: 0)), "-9.05069")
    }
}
