// StudentRecord: a student the gradebook knows, with what the roster says about them.
import GRDB

/// A student: the id submissions are named after, and the roster's name, email and position.
struct StudentRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "student"

    /// The student id.
    var id: String
    /// The roster's name, if any.
    var name: String?
    /// The roster's email, if any.
    var email: String?
    /// The position on the roster (0-based); `nil` for a student who is not on it.
    var rosterPosition: Int?
}
