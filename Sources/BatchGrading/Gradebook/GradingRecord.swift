// GradingRecord: one grading of one student (or the finding that there is no submission).
import Foundation
import GRDB

/// A row of the `grading` table: never changed once written, so the table is the history.
public struct GradingRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "grading"

    /// What a grading row records.
    public enum Status: String, Codable, Sendable {
        /// The submission was graded (whatever the score).
        case graded
        /// The student is on the roster and handed nothing in: score 0.
        case missing
        /// Grading could not run (an unreadable archive, say): score 0, `message` says why; a
        /// rerun of the batch tries again.
        case error
    }

    /// Row id in this gradebook.
    public var id: Int64?
    /// Identifier that stays the same across merges.
    public var uid: String
    /// The batch that made this row.
    public var batchId: Int64
    /// The assignment id.
    public var assignment: String
    /// The student id.
    public var studentId: String
    /// The entry graded (`alice.zip`); `nil` when missing.
    public var submission: String?
    /// When the row was written (ISO 8601, UTC, milliseconds): the latest is the current grade.
    public var gradedAt: String
    /// What happened.
    public var status: Status
    /// Points earned.
    public var score: Double
    /// Points available.
    public var maxScore: Double
    /// Wall time of the grading, seconds.
    public var seconds: Double?
    /// Why grading could not run (status `error`).
    public var message: String?
    /// The whole ``GradingResult`` as labgrade JSON (status `graded`).
    public var result: String?

    /// Takes the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
