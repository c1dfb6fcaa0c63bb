// BatchError: why a batch cannot start, naming the folder, entry or option at fault.

/// A batch that cannot run as asked.
public enum BatchError: Error, Equatable, CustomStringConvertible {
    /// The submissions folder does not exist or is a file.
    case notAFolder(String)
    /// Two entries of the folder name the same student.
    case duplicateStudent(String, first: String, second: String, folder: String)
    /// `--shard` is not `i/n` with 1 ≤ i ≤ n.
    case badShard(String)
    /// A sharded batch without a fixed seed: the shards would grade different hidden instances.
    case shardWithoutSeed
    /// The gradebook already grades the assignment with another seed.
    case seedMismatch(assignment: String, recorded: UInt32, requested: UInt32, gradebook: String)
    /// `--jobs` below 1.
    case badJobs(Int)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path) is not a folder of submissions"
        case .duplicateStudent(let student, let first, let second, let folder):
            return "\(folder): \"\(first)\" and \"\(second)\" are both submissions of student \"\(student)\"; keep one"
        case .badShard(let text):
            return "--shard \(text): expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4"
        case .shardWithoutSeed:
            return "--shard needs --seed, so that every shard grades the same hidden instances"
        case .seedMismatch(let assignment, let recorded, let requested, let gradebook):
            return "the gradebook \(gradebook) grades \(assignment) with seed \(recorded), not \(requested): rerun without --seed "
                + "to continue it, add --regrade to grade everyone again with seed \(requested), or pass another --gradebook"
        case .badJobs(let jobs):
            return "--jobs \(jobs): grade at least 1 submission at a time"
        }
    }
}
