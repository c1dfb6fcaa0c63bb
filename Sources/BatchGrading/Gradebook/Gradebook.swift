// Gradebook: the SQLite file a batch writes its gradings into, one transaction per submission.
import Foundation
import GRDB
import Grader

/// A course's gradebook: batches, students, every grading (the history) and per-check rows.
///
/// Each grading is written in its own transaction as soon as it is done, so a batch that is
/// killed loses at most the submissions being graded at that moment, and a rerun finds the rest.
/// The schema is ``GradebookSchema``.
public final class Gradebook: Sendable {
    /// The file name a batch uses inside the submissions folder unless told otherwise.
    public static let defaultFileName = "labgrade-gradebook.sqlite"

    /// The database file.
    public let file: URL
    /// The connection; GRDB serialises its writes, so workers may record from any thread.
    let database: DatabaseQueue

    /// Opens the gradebook at `file`, creating it (and its folder) when there is none, and brings
    /// its schema up to date.
    public init(creatingAt file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        self.file = file
        database = try Self.open(file, readOnly: false)
        try GradebookSchema.migrator.migrate(database)
    }

    /// Opens the existing gradebook at `file`; throws ``GradebookError`` when there is no file or
    /// it is not a labgrade gradebook.
    public init(existing file: URL, readOnly: Bool = false) throws {
        guard FileManager.default.fileExists(atPath: file.path) else { throw GradebookError.notFound(file.path) }
        self.file = file
        do {
            database = try Self.open(file, readOnly: readOnly)
            let known = try database.read { db in try db.tableExists("grdb_migrations") && db.tableExists("grading") }
            guard known else { throw GradebookError.notAGradebook(file.path, reason: "it has no labgrade tables") }
            if !readOnly { try GradebookSchema.migrator.migrate(database) }
        } catch let error as DatabaseError {
            throw GradebookError.notAGradebook(file.path, reason: error.message ?? "\(error)")
        }
    }

    private static func open(_ file: URL, readOnly: Bool) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readOnly
        // Shards on a shared volume may be read while another process writes.
        configuration.busyMode = .timeout(30)
        return try DatabaseQueue(path: file.path, configuration: configuration)
    }

    /// Starts a batch: records it and the students it concerns, and the roster's order when
    /// there is one (students not on it lose their roster position).
    public func startBatch(assignment: String, seed: UInt32, shard: Shard, roster: Roster?, students: [String]) throws -> BatchRecord {
        try database.write { db in
            var batch = BatchRecord(
                id: nil, uid: UUID().uuidString, assignment: assignment, seed: Int64(seed), started: Self.now(), finished: nil,
                labgradeVersion: LabgradeVersion.current, shardIndex: shard.index, shardCount: shard.count)
            try batch.insert(db)
            if let roster {
                try db.execute(sql: "UPDATE student SET rosterPosition = NULL")
                for (position, student) in roster.students.enumerated() {
                    try StudentRecord(id: student.id, name: student.name, email: student.email, rosterPosition: position).upsert(db)
                }
            }
            for id in students { try StudentRecord(id: id).insert(db, onConflict: .ignore) }
            return batch
        }
    }

    /// Marks `batch` finished and returns it so.
    @discardableResult
    public func finish(_ batch: BatchRecord) throws -> BatchRecord {
        var finished = batch
        finished.finished = Self.now()
        try database.write { db in try finished.update(db) }
        return finished
    }

    /// Records `result`, the grading of `student`'s `submission`, with its checks and diagnosis
    /// kinds, in one transaction.
    @discardableResult
    public func record(_ result: GradingResult, student: String, submission: String, batch: BatchRecord) throws -> GradingRecord {
        let json = try ReportFormat.json.render(result)
        return try database.write { db in
            var grading = GradingRecord(
                id: nil, uid: UUID().uuidString, batchId: batch.id!, assignment: batch.assignment, studentId: student,
                submission: submission, gradedAt: Self.now(), status: .graded, score: result.score, maxScore: result.maxScore,
                seconds: result.seconds, message: nil, result: json)
            try grading.insert(db)
            for (position, check) in result.checks.enumerated() {
                try CheckResultRecord(
                    gradingId: grading.id!, position: position, checkId: check.id, status: check.status.rawValue, points: check.points,
                    maxPoints: check.maxPoints
                ).insert(db)
                for kind in Set(check.diagnoses.map(\.kind.rawValue)).sorted() {
                    try CheckDiagnosisRecord(gradingId: grading.id!, checkId: check.id, kind: kind).insert(db)
                }
            }
            return grading
        }
    }

    /// Records that `student` has no gradable result: `.missing` (no submission) or `.error`
    /// (grading could not run, `message` says why), with score 0 of `maxScore`.
    @discardableResult
    public func recordUngraded(
        _ status: GradingRecord.Status, student: String, submission: String?, message: String?, maxScore: Double, batch: BatchRecord
    ) throws -> GradingRecord {
        precondition(status != .graded, "a graded result is recorded with record(_:student:submission:batch:)")
        return try database.write { db in
            var grading = GradingRecord(
                id: nil, uid: UUID().uuidString, batchId: batch.id!, assignment: batch.assignment, studentId: student,
                submission: submission, gradedAt: Self.now(), status: status, score: 0, maxScore: maxScore, seconds: nil,
                message: message, result: nil)
            try grading.insert(db)
            return grading
        }
    }

    /// Now, as the gradebook writes times: ISO 8601 in UTC with milliseconds, so text order is time order.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
