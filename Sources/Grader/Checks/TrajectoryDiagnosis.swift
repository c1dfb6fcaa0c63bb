// TrajectoryDiagnosis: where a training run's recorded histories first part from the reference's.
import Foundation
import LabKit

/// For labs whose loss history is recorded before each update, on minibatches (HLCV's
/// Algorithm 1): reads the histories a training exercise returns (`lossHistory`, and every other field named
/// `…History`) and says where yours first leaves the reference's, and how: a history recorded one
/// step late, a loop that runs a step too many or too few, the very first minibatch already
/// different, or a run that agrees for k steps and then parts.
///
/// Every sentence names the step at which the numbers part, so it can be checked against the
/// histories printed beside it; a pattern is named only when every entry fits it.
enum TrajectoryDiagnosis {
    /// `withholdingExpected` (a student's preview) leaves the reference's numbers out.
    static func diagnoses(
        student: OracleReply, reference: OracleReply, tolerance: Check.ValueTolerance, withholdingExpected: Bool = false
    ) -> [Diagnosis] {
        guard case .object(let expectedFields)? = reference.result, case .object(let studentFields)? = student.result,
            let expected = series(expectedFields["lossHistory"], reference.blocks),
            let yours = series(studentFields["lossHistory"], student.blocks)
        else { return [] }
        let pair = { (k: Int) in
            withholdingExpected ? "" : " (\(Diagnosis.format(yours[k], tolerance)) where the reference records \(Diagnosis.format(expected[k], tolerance)))"
        }
        let close = tolerance.accepts
        let agreeing = zip(yours, expected).prefix { close($0, $1) }.count

        if yours.count == expected.count - 1 || yours.count == expected.count + 1, agreeing == Swift.min(yours.count, expected.count) {
            let more = yours.count > expected.count
            return [Diagnosis(
                .stepCount, "your loss history has \(yours.count) entries, the reference's \(expected.count), and the first "
                    + "\(agreeing) agree: consistent with a loop that runs one step too \(more ? "many" : "few") (an off-by-one in its bound).")]
        }
        if yours.count == expected.count, agreeing == yours.count {
            let others = studentFields.keys.filter { $0.hasSuffix("History") && $0 != "lossHistory" }.sorted()
            let differing = others.filter { name in
                guard let a = series(studentFields[name], student.blocks), let b = series(expectedFields[name], reference.blocks) else { return false }
                return a.count != b.count || !zip(a, b).allSatisfy { close($0, $1) }
            }
            if !differing.isEmpty {
                return [Diagnosis(
                    .historyRecordedElsewhere, "every loss agrees, but \(differing.joined(separator: " and ")) "
                        + "\(differing.count == 1 ? "differs" : "differ"): consistent with accuracies measured at another point of "
                        + "the loop (after the update instead of before, at another iteration), on other data, or by a prediction that "
                        + "differs (when a prediction check fails too, that is the place to start).")]
            }
            return []
        }
        guard yours.count == expected.count, agreeing < yours.count else { return [] }
        // Each recorded loss is the reference's next one: the history is written after the update.
        if yours.count > 2, (0..<(yours.count - 1)).allSatisfy({ close(yours[$0], expected[$0 + 1]) }) {
            return [Diagnosis(
                .historyAfterUpdate, "each of your recorded losses is the reference's next one (yours[k] = reference[k + 1] for "
                    + "every k): consistent with the loss recorded after the update instead of before it.")]
        }
        if agreeing == 0 {
            return [Diagnosis(
                .firstBatchDiffers, "the very first loss differs\(pair(0)), before any update: consistent with another first minibatch (the "
                    + "generator consumed differently, or the validation data added to the training data) or another loss.")]
        }
        if agreeing == 1 {
            return [Diagnosis(
                .trajectoryParts, "the first recorded loss agrees and the second differs\(pair(1)): the very first update differs — consistent "
                    + "with a wrong gradient or step (when a gradient check fails too, that is the place to start).")]
        }
        return [Diagnosis(
            .trajectoryParts, "the first \(agreeing) recorded \(agreeing == 1 ? "loss agrees" : "losses agree") and entry \(agreeing + 1) "
                + "differs\(pair(agreeing)): the update of step \(agreeing) is the first to differ — "
                + "consistent with a learning rate applied at another time (a decay every iteration instead of every epoch, or before "
                + "the step instead of after) or a wrong update at that step.")]
    }

    /// The numbers of a history field: a plain array or a block-backed row.
    private static func series(_ tree: JSONTree?, _ blocks: [[Double]]) -> [Double]? {
        guard let tree else { return nil }
        return (try? WireCoding.value(WireSeries.self, from: tree, blocks: WireBlockSource(blocks)))?.wrappedValue
    }
}
