// ReferenceCache: the reference's answers shared by every grading of a batch that uses one seed.
import Foundation

/// The reference's instances and replies, computed once per assignment, seed and check, and
/// handed to every grading that asks for the same ones.
///
/// A batch grades every student with one seed, so the reference's side of every check is the same
/// for all of them; without this cache each grading computes it again, and for training checks
/// that is most of a grading's time. The first grading to need a check computes it (its training
/// runs are timed then, so a training check's limit is still a multiple of the reference's time
/// measured in this run); gradings that need it meanwhile wait for that result instead of
/// computing it twice. A failure of the reference is kept too: it is the same for everyone.
///
/// Pass one through ``GradeOptions/referenceCache``; grading without one computes everything
/// itself, as `labgrade grade` does.
public final class ReferenceCache: @unchecked Sendable {
    /// What identifies the reference's side of a check: the same key gives the same instances.
    struct Key: Hashable {
        var assignment: String
        var seed: UInt32
        /// Student previews run the published instance only, so they get their own entries.
        var preview: Bool
        /// The check's position in the assignment.
        var check: Int
    }

    /// The entries of one grading run's assignment, seed and mode, looked up by check.
    struct Entries: Sendable {
        let cache: ReferenceCache
        let assignment: String
        let seed: UInt32
        let preview: Bool

        /// Check `index`'s prepared instances (see ``ReferenceCache/prepared(_:compute:)``).
        func prepared(check index: Int, compute: () throws -> ReferenceAhead.Prepared) throws -> ReferenceAhead.Prepared {
            try cache.prepared(Key(assignment: assignment, seed: seed, preview: preview, check: index), compute: compute)
        }
    }

    private enum Slot {
        case computing
        case done(Result<ReferenceAhead.Prepared, any Error>)
    }

    private let condition = NSCondition()
    private var slots = [Key: Slot]()
    private var computed = 0

    /// An empty cache.
    public init() {}

    /// How many checks' answers were computed rather than found (for tests and benchmarks).
    public var computedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return computed
    }

    /// The entries of a grading of `assignment` with `seed` (`preview` for student previews).
    func entries(assignment: String, seed: UInt32, preview: Bool) -> Entries {
        Entries(cache: self, assignment: assignment, seed: seed, preview: preview)
    }

    /// The prepared instances of `key`: found, waited for while another grading computes them,
    /// or computed here with `compute`.
    func prepared(_ key: Key, compute: () throws -> ReferenceAhead.Prepared) throws -> ReferenceAhead.Prepared {
        condition.lock()
        while case .computing? = slots[key] { condition.wait() }
        if case .done(let result)? = slots[key] {
            condition.unlock()
            return try result.get()
        }
        slots[key] = .computing
        computed += 1
        condition.unlock()

        let result = Result { try compute() }
        condition.lock()
        slots[key] = .done(result)
        condition.broadcast()
        condition.unlock()
        return try result.get()
    }
}
