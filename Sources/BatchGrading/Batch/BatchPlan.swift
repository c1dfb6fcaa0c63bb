// BatchPlan: which students a batch grades, skips, or records as missing.
import Foundation

/// The work of one batch run, decided before any grading starts.
///
/// A student's submission is graded unless their current grade in the gradebook was graded at
/// the batch's seed (an earlier run, possibly interrupted, already did it) — or always, with
/// `regrade`. A roster student without a submission is recorded as missing, unless the
/// gradebook already has a grade for them (without `regrade`) or already says missing.
public struct BatchPlan: Sendable, Equatable {
    /// Submissions to grade, sorted by student.
    public var toGrade: [SubmissionSet.Entry]
    /// Students skipped because they are already graded at this seed.
    public var alreadyGraded: [String]
    /// Roster students without a submission, to record as missing.
    public var missing: [String]
    /// Students with a submission who are not on the roster (graded all the same).
    public var notOnRoster: [String]
    /// Every student of this shard, sorted.
    public var students: [String]
    /// Entries of the folder that are not submissions, with why.
    public var skippedEntries: [String]

    /// The plan for `submissions` (and `roster`) in `shard`, given the gradebook's current grades.
    public init(
        submissions: SubmissionSet, roster: Roster?, shard: Shard, current: [String: Gradebook.CurrentGrade], seed: UInt32,
        regrade: Bool
    ) {
        let bySubmission = Dictionary(uniqueKeysWithValues: submissions.entries.map { ($0.student, $0) })
        let rostered = Set(roster?.students.map(\.id) ?? [])
        students = shard.part(of: Set(bySubmission.keys).union(rostered).sorted())
        (toGrade, alreadyGraded, missing, notOnRoster, skippedEntries) = ([], [], [], [], submissions.skipped)
        for student in students {
            let grade = current[student]
            guard let entry = bySubmission[student] else {
                let recorded = regrade ? grade?.grading.status == .missing : grade != nil
                if !recorded { missing.append(student) }
                continue
            }
            if roster != nil && !rostered.contains(student) { notOnRoster.append(student) }
            if !regrade, let grade, grade.grading.status == .graded, grade.seed == seed {
                alreadyGraded.append(student)
            } else {
                toGrade.append(entry)
            }
        }
    }
}
