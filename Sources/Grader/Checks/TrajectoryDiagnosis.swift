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
    /// How a lab records its training run: which history holds the loss, which others it keeps,
    /// and when each entry is taken.
    struct Convention {
        /// The loss (or cost) history's field.
        var history = "lossHistory"
        /// The other histories compared when every loss agrees; `nil` for every field named `…History`.
        var others: [String]? = nil
        /// Whether an entry is taken after its step's update (ECE 285) rather than before it (HLCV, VU, Uppsala).
        var recordedAfterUpdate = false
        /// Whether the run draws minibatches (the first entry then depends on the generator too).
        var minibatches = true
        /// Whether the lab's learning rate decays during the run.
        var decays = true
        /// What an entry is called: `loss`, or `cost` (Uppsala's `trainCosts`).
        var noun = "loss"

        /// HLCV's Algorithm 1.
        static let hlcv = Convention()
    }

    /// `withholdingExpected` (a student's preview) leaves the reference's numbers out.
    static func diagnoses(
        student: OracleReply, reference: OracleReply, tolerance: Check.ValueTolerance, withholdingExpected: Bool = false,
        convention: Convention = .hlcv
    ) -> [Diagnosis] {
        guard case .object(let expectedFields)? = reference.result, case .object(let studentFields)? = student.result,
            let expected = series(expectedFields[convention.history], reference.blocks),
            let yours = series(studentFields[convention.history], student.blocks)
        else { return [] }
        let noun = convention.noun, nouns = convention.noun == "loss" ? "losses" : "\(convention.noun)s"
        let pair = { (k: Int) in
            withholdingExpected ? "" : " (\(Diagnosis.format(yours[k], tolerance)) where the reference records \(Diagnosis.format(expected[k], tolerance)))"
        }
        let close = tolerance.accepts
        let agreeing = zip(yours, expected).prefix { close($0, $1) }.count

        if yours.count == expected.count - 1 || yours.count == expected.count + 1, agreeing == Swift.min(yours.count, expected.count) {
            let more = yours.count > expected.count
            return [Diagnosis(
                .stepCount, "your \(convention.history) has \(yours.count) entries, the reference's \(expected.count), and the first "
                    + "\(agreeing) agree: consistent with a loop that runs one step too \(more ? "many" : "few") (an off-by-one in its bound).")]
        }
        if yours.count == expected.count, agreeing == yours.count {
            let others = convention.others ?? studentFields.keys.filter { $0.hasSuffix("History") && $0 != convention.history }.sorted()
            let differing = others.filter { name in
                guard let a = series(studentFields[name], student.blocks), let b = series(expectedFields[name], reference.blocks) else { return false }
                return a.count != b.count || !zip(a, b).allSatisfy { close($0, $1) }
            }
            if !differing.isEmpty {
                return [Diagnosis(
                    .historyRecordedElsewhere, "every \(noun) agrees, but \(differing.joined(separator: " and ")) "
                        + "\(differing.count == 1 ? "differs" : "differ"): consistent with accuracies or other figures measured at another point of "
                        + "the loop (\(convention.recordedAfterUpdate ? "before the update instead of after" : "after the update instead of before"), "
                        + "at another iteration), on other data, or by a prediction that "
                        + "differs (when a prediction check fails too, that is the place to start).")]
            }
            return []
        }
        guard yours.count == expected.count, agreeing < yours.count else { return [] }
        // Each recorded loss is the reference's next one (or, where the lab records after the
        // update, its previous one): the history is written on the other side of the update. The
        // first entries then differ (one is taken before any update, the other after the first).
        if yours.count >= 2, agreeing == 0, !convention.recordedAfterUpdate, (0..<(yours.count - 1)).allSatisfy({ close(yours[$0], expected[$0 + 1]) }) {
            return [Diagnosis(
                .historyAfterUpdate, "each of your recorded \(nouns) is the reference's next one (yours[k] = reference[k + 1] for "
                    + "every k): consistent with the \(noun) recorded after the update instead of before it.")]
        }
        if yours.count >= 2, agreeing == 0, convention.recordedAfterUpdate, (0..<(yours.count - 1)).allSatisfy({ close(yours[$0 + 1], expected[$0]) }) {
            return [Diagnosis(
                .historyAfterUpdate, "each of your recorded \(nouns) is the reference's previous one (yours[k + 1] = reference[k] for "
                    + "every k): consistent with the \(noun) recorded before the update instead of after it.")]
        }
        // With entries taken after each update, entry k + 1 is the first to follow update k + 1.
        let offset = convention.recordedAfterUpdate ? 1 : 0
        if agreeing == 0 {
            if convention.recordedAfterUpdate {
                return [Diagnosis(
                    .firstBatchDiffers, "the very first recorded \(noun), after the first update, differs\(pair(0)): consistent with a "
                        + "wrong first update (the gradient or the step size)\(convention.minibatches ? ", another first minibatch" : "") "
                        + "or another \(noun) (when a gradient or \(noun) check fails too, that is the place to start).")]
            }
            let cause =
                convention.minibatches
                ? "another first minibatch (the generator consumed differently, or the validation data added to the training data) or another \(noun)."
                : "another \(noun) or another starting point (when a \(noun) check fails too, that is the place to start)."
            return [Diagnosis(.firstBatchDiffers, "the very first \(noun) differs\(pair(0)), before any update: consistent with \(cause)")]
        }
        if agreeing + offset == 1 {
            return [Diagnosis(
                .trajectoryParts, "the first recorded \(noun) agrees and the second differs\(pair(1)): the very first update differs — consistent "
                    + "with a wrong gradient or step (when a gradient check fails too, that is the place to start).")]
        }
        let timing =
            convention.decays
            ? "a learning rate applied at another time (a decay every iteration instead of every epoch, or before the step instead of after) or a wrong update at that step"
            : "a wrong update at that step (another minibatch, step size or gradient there)"
        return [Diagnosis(
            .trajectoryParts, "\(agreeing == 1 ? "the first recorded \(noun) agrees" : "the first \(agreeing) recorded \(nouns) agree") and entry \(agreeing + 1) "
                + "differs\(pair(agreeing)): the update of step \(agreeing + offset) is the first to differ — consistent with \(timing).")]
    }

    /// The numbers of a history field: a plain array or a block-backed row.
    private static func series(_ tree: JSONTree?, _ blocks: [[Double]]) -> [Double]? {
        guard let tree else { return nil }
        return (try? WireCoding.value(WireSeries.self, from: tree, blocks: WireBlockSource(blocks)))?.wrappedValue
    }
}
