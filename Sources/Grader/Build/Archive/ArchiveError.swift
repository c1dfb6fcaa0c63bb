// ArchiveError: why a submitted archive was refused, naming the entry.

/// A problem with a submitted `.zip` or `.tar(.gz)`: the message names the entry and what to do.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not an archive of the kind its name says, or are cut short.
    case malformed(String)
    /// An entry the grader will not unpack: an absolute path, `..`, a link, a device, a FIFO, an odd name.
    case refusedEntry(entry: String, reason: String)
    /// The archive unpacks to more than a cap allows.
    case overLimit(String)

    public var description: String {
        switch self {
        case .malformed(let reason): return "the archive cannot be read: \(reason)"
        case .refusedEntry(let entry, let reason): return "the archive's entry \"\(entry)\" is refused: \(reason)"
        case .overLimit(let reason): return "the archive is refused: \(reason)"
        }
    }
}

/// The caps every archive is unpacked under.
public struct ArchiveLimits: Sendable, Hashable {
    /// Bytes of all unpacked files together.
    public var totalBytes = 32 << 20
    /// Bytes of one unpacked file.
    public var fileBytes = 4 << 20
    /// Entries of any kind.
    public var entries = 10_000
    /// Folders deep.
    public var depth = 16
    /// Bytes of one path component.
    public var nameBytes = 255
    /// Bytes of a whole path.
    public var pathBytes = 1_024

    /// The default caps: far above any lab submission, far below what could hurt the host.
    public init() {}
}
