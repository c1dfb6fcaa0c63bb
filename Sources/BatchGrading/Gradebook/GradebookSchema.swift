// GradebookSchema: the gradebook's tables, created and evolved by GRDB's DatabaseMigrator.
import GRDB

/// The gradebook's schema, one migration per version; a gradebook written by an older labgrade
/// is brought up to date when opened.
///
/// - `batch`: one row per `labgrade batch` run — assignment, seed, when it started and finished
///   (`finished` stays NULL for a run that was killed), labgrade's version, the shard.
/// - `student`: every student the gradebook knows, with the roster's name, email and position
///   (NULL for a student who is not on the roster).
/// - `grading`: one row per grading of a student (or per finding that a student has no
///   submission): never updated, never deleted, so it is the history. The current grade of a
///   student is the latest row (by `gradedAt`, then `id`): the `currentGrading` view.
/// - `checkResult`: one row per check of a grading; `checkDiagnosis`: the diagnosis kinds of each.
///
/// `batch.uid` and `grading.uid` are random identifiers that survive a merge, so merging the
/// same shard twice adds nothing.
enum GradebookSchema {
    /// The migrator with every migration registered.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: batches, students, gradings, check results") { db in
            try db.create(table: "batch") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("uid", .text).notNull().unique()
                table.column("assignment", .text).notNull()
                table.column("seed", .integer).notNull()
                table.column("started", .text).notNull()
                table.column("finished", .text)
                table.column("labgradeVersion", .text).notNull()
                table.column("shardIndex", .integer).notNull().defaults(to: 1)
                table.column("shardCount", .integer).notNull().defaults(to: 1)
                table.check(sql: "shardIndex BETWEEN 1 AND shardCount")
            }
            try db.create(index: "batch_on_assignment_started", on: "batch", columns: ["assignment", "started"])

            try db.create(table: "student") { table in
                table.primaryKey("id", .text)
                table.column("name", .text)
                table.column("email", .text)
                table.column("rosterPosition", .integer)
            }

            try db.create(table: "grading") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("uid", .text).notNull().unique()
                table.belongsTo("batch", onDelete: .cascade).notNull()
                table.column("assignment", .text).notNull()
                table.belongsTo("student").notNull()
                table.column("submission", .text)
                table.column("gradedAt", .text).notNull()
                table.column("status", .text).notNull().check(sql: "status IN ('graded', 'missing', 'error')")
                table.column("score", .double).notNull()
                table.column("maxScore", .double).notNull()
                table.column("seconds", .double)
                table.column("message", .text)
                table.column("result", .text)
            }
            // The current grade of each student is a lookup on this index.
            try db.create(
                index: "grading_on_assignment_student_gradedAt", on: "grading", columns: ["assignment", "studentId", "gradedAt"])

            try db.create(table: "checkResult") { table in
                // Not `belongsTo`: the primary key below already indexes `gradingId` first.
                table.column("gradingId", .integer).notNull().references("grading", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("checkId", .text).notNull()
                table.column("status", .text).notNull()
                table.column("points", .double).notNull()
                table.column("maxPoints", .double).notNull()
                table.primaryKey(["gradingId", "checkId"])
            }
            try db.create(index: "checkResult_on_checkId_status", on: "checkResult", columns: ["checkId", "status"])

            try db.create(table: "checkDiagnosis") { table in
                table.column("gradingId", .integer).notNull()
                table.column("checkId", .text).notNull()
                table.column("kind", .text).notNull()
                table.primaryKey(["gradingId", "checkId", "kind"])
                table.foreignKey(["gradingId", "checkId"], references: "checkResult", onDelete: .cascade)
            }
            try db.create(index: "checkDiagnosis_on_checkId_kind", on: "checkDiagnosis", columns: ["checkId", "kind"])

            try db.execute(sql: """
                CREATE VIEW currentGrading AS
                SELECT grading.* FROM grading
                WHERE grading.id = (
                    SELECT latest.id FROM grading AS latest
                    WHERE latest.assignment = grading.assignment AND latest.studentId = grading.studentId
                    ORDER BY latest.gradedAt DESC, latest.id DESC LIMIT 1)
                """)
        }
        return migrator
    }
}
