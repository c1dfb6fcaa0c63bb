// Gradebook+Queries: reading the gradebook — assignments, batches, current grades, history.
import GRDB

extension Gradebook {
    /// A student's current grade in an assignment, with the seed it was graded at.
    public struct CurrentGrade: Sendable, Equatable {
        /// The grading.
        public var grading: GradingRecord
        /// The seed of the batch that made it.
        public var seed: UInt32
    }

    /// One grading of a student's history, with its batch.
    public struct HistoryEntry: Sendable, Equatable {
        /// The grading.
        public var grading: GradingRecord
        /// The batch that made it.
        public var batch: BatchRecord
        /// Whether this is the student's current grade in its assignment.
        public var isCurrent: Bool
    }

    /// The assignments with a batch in this gradebook, sorted.
    public func assignments() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT assignment FROM batch ORDER BY assignment") }
    }

    /// `requested`, checked against the gradebook, or its only assignment when `nil`; throws
    /// ``GradebookError`` when the gradebook is empty, holds several and none was named, or lacks `requested`.
    public func assignment(_ requested: String?) throws -> String {
        let known = try assignments()
        if let requested {
            guard known.contains(requested) else { throw GradebookError.unknownAssignment(requested, known: known, file: file.path) }
            return requested
        }
        guard let only = known.first else { throw GradebookError.empty(file.path) }
        guard known.count == 1 else { throw GradebookError.severalAssignments(known, file: file.path) }
        return only
    }

    /// The latest batch of `assignment`, if any.
    public func latestBatch(of assignment: String) throws -> BatchRecord? {
        try database.read { db in
            try BatchRecord.fetchOne(db, sql: "SELECT * FROM batch WHERE assignment = ? ORDER BY started DESC, id DESC LIMIT 1", arguments: [assignment])
        }
    }

    /// Every student's current grade in `assignment`, by student id.
    public func currentGrades(of assignment: String) throws -> [String: CurrentGrade] {
        try database.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT currentGrading.*, batch.seed AS batchSeed FROM currentGrading JOIN batch ON batch.id = currentGrading.batchId WHERE currentGrading.assignment = ?",
                arguments: [assignment])
            var grades = [String: CurrentGrade]()
            for row in rows {
                let grading = try GradingRecord(row: row)
                let seed: Int64 = row["batchSeed"]
                grades[grading.studentId] = CurrentGrade(grading: grading, seed: UInt32(truncatingIfNeeded: seed))
            }
            return grades
        }
    }

    /// Every grading of `student` (in `assignment`, or in all), oldest first.
    public func history(of student: String, assignment: String? = nil) throws -> [HistoryEntry] {
        try database.read { db in
            let gradings = try GradingRecord.fetchAll(
                db, sql: "SELECT * FROM grading WHERE studentId = ? AND (? IS NULL OR assignment = ?) ORDER BY gradedAt, id",
                arguments: [student, assignment, assignment])
            let current = try Set(Int64.fetchAll(db, sql: "SELECT id FROM currentGrading WHERE studentId = ?", arguments: [student]))
            return try gradings.map { grading in
                guard let batch = try BatchRecord.fetchOne(db, key: grading.batchId) else {
                    throw GradebookError.notAGradebook(file.path, reason: "grading \(grading.id ?? 0) names a missing batch")
                }
                return HistoryEntry(grading: grading, batch: batch, isCurrent: current.contains(grading.id!))
            }
        }
    }

    /// The students, roster first in roster order, then the others sorted by id.
    func students() throws -> [StudentRecord] {
        try database.read { db in
            try StudentRecord.fetchAll(db, sql: "SELECT * FROM student ORDER BY rosterPosition IS NULL, rosterPosition, id")
        }
    }

    /// Whether a roster was recorded.
    func hasRoster() throws -> Bool {
        try database.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM student WHERE rosterPosition IS NOT NULL)") ?? false }
    }

    /// The check ids of `assignment`'s gradings, in the assignment's order.
    func checkIDs(of assignment: String) throws -> [String] {
        try database.read { db in
            try String.fetchAll(
                db, sql: """
                    SELECT checkResult.checkId FROM checkResult JOIN grading ON grading.id = checkResult.gradingId
                    WHERE grading.assignment = ? GROUP BY checkResult.checkId ORDER BY min(checkResult.position), checkResult.checkId
                    """,
                arguments: [assignment])
        }
    }

    /// The check rows of the current gradings of `assignment`: grading id → check id → row.
    func currentCheckResults(of assignment: String) throws -> [Int64: [String: CheckResultRecord]] {
        try database.read { db in
            let rows = try CheckResultRecord.fetchAll(
                db, sql: "SELECT checkResult.* FROM checkResult JOIN currentGrading ON currentGrading.id = checkResult.gradingId WHERE currentGrading.assignment = ?",
                arguments: [assignment])
            return Dictionary(grouping: rows, by: \.gradingId).mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.checkId, $0) }) }
        }
    }
}
