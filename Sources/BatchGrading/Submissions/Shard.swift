// Shard: one of n parts of a batch, for fanning a class out over several machines.

/// Part `index` of `count` (written `i/n`, 1-based): the students at positions p (0-based) of the
/// sorted list of student ids — submissions and roster together — with p ≡ i − 1 (mod n).
///
/// Positions rather than a hash, so the parts differ in size by at most one student; every
/// shard of one command sees the same folder and roster, so the parts never overlap.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// The part, 1 ... `count`.
    public var index: Int
    /// The number of parts.
    public var count: Int

    /// The whole batch.
    public static let whole = Shard(index: 1, count: 1)!

    /// Part `index` of `count`; `nil` unless 1 ≤ `index` ≤ `count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`; throws ``BatchError/badShard(_:)`` otherwise.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), let shard = Shard(index: index, count: count) else {
            throw BatchError.badShard(text)
        }
        self = shard
    }

    /// The elements of `sorted` that belong to this part.
    public func part<T>(of sorted: [T]) -> [T] {
        sorted.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }
}
