// LabResponder: serves a lab solution through its lab's exercise table — the part every lab's responder shares.

/// Serves a solution to the grader: one request, one call of the exercise the request names,
/// looked up in the lab's ``ExerciseTable``.
///
/// Each lab names this type over its own table (`HLCVResponder` is
/// `LabResponder<HLCVExerciseTable<Lab>>`). An exercise the table does not name throws
/// ``OracleResponder/unknownExercise(_:)``.
public struct LabResponder<Table: ExerciseTable>: OracleResponder {
    /// The solution being served.
    public let lab: Table.Lab
    /// The table's exercises, read once.
    private let exercises: [String: Table.Exercise]

    /// Serves `lab`.
    public init(_ lab: Table.Lab) {
        self.lab = lab
        exercises = Table.exercises
    }

    /// Runs the requested exercise.
    public func respond(to request: OracleRequest) throws -> OracleReply {
        guard let exercise = exercises[request.exercise] else { throw unknownExercise(request) }
        return try OracleReply(id: request.id, value: exercise(lab, request))
    }
}
