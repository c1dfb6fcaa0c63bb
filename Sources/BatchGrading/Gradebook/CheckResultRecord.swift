// CheckResultRecord: one check of one grading, with its diagnosis kinds beside it.
import GRDB

/// A row of `checkResult`: the summary of a ``CheckResult`` that the gradebook's queries need.
struct CheckResultRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "checkResult"

    /// The grading.
    var gradingId: Int64
    /// The check's position in the assignment (column order of exports).
    var position: Int
    /// The check id.
    var checkId: String
    /// `pass`, `fail`, `error`, `timeout` or `not-implemented`.
    var status: String
    /// Points earned.
    var points: Double
    /// Points available.
    var maxPoints: Double
}

/// A row of `checkDiagnosis`: one diagnosis kind a check reported.
struct CheckDiagnosisRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "checkDiagnosis"

    /// The grading.
    var gradingId: Int64
    /// The check id.
    var checkId: String
    /// The diagnosis kind (`sum-not-mean`, ...).
    var kind: String
}
