// BatchRecord: one `labgrade batch` run, as the gradebook's `batch` table holds it.
import Foundation
import GRDB

/// A batch run: which assignment, with which seed, when, by which labgrade, which shard.
public struct BatchRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "batch"

    /// Row id in this gradebook (a merge gives the row a new one).
    public var id: Int64?
    /// Identifier that stays the same across merges.
    public var uid: String
    /// The assignment id.
    public var assignment: String
    /// The seed of every student's hidden instances.
    public var seed: Int64
    /// When the run started (ISO 8601, UTC, milliseconds).
    public var started: String
    /// When it finished; `nil` while running, or when it was killed.
    public var finished: String?
    /// labgrade's version.
    public var labgradeVersion: String
    /// The shard, 1-based; 1 of 1 for a whole batch.
    public var shardIndex: Int
    /// The number of shards.
    public var shardCount: Int

    /// The seed as grading takes it.
    public var gradingSeed: UInt32 { UInt32(truncatingIfNeeded: seed) }

    /// Takes the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
