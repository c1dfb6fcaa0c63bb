// SandboxLayers: which confinement layers were in force, as reports and `labgrade doctor` state them.

/// The layers of confinement a grading ran under, each in a few words, and a warning for every
/// layer that was missing.
public struct SandboxLayers: Sendable, Hashable, Codable {
    /// `bubblewrap` (namespaces: nothing of the host visible, no network) or `limits-only`.
    public var isolation: String
    /// The user the submission's programs ran as: `uid 3000000007 (its own)` or `labgrade's own`.
    public var user: String
    /// Control groups: `v1 (memory, pids, cpuacct)`, `v2`, or `none`.
    public var controlGroups: String
    /// The disk quota: `tmpfs 256 MB, 4096 files` or `watched 256 MB, 4096 files` or `none`.
    public var quota: String
    /// The system-call filter: `on (x86_64 numbers, 58 calls refused, sockets AF_UNIX only)` or `off`.
    public var seccomp: String
    /// How the compiler ran: `sandboxed like the program` or `unconfined`.
    public var compiler: String
    /// One sentence per missing layer, for a loud warning.
    public var warnings: [String]

    /// Whether every layer was in force.
    public var complete: Bool { warnings.isEmpty }

    /// One line: `bubblewrap, own user, cgroup v1, tmpfs quota, seccomp`.
    public var summary: String {
        [isolation, "user: \(user)", "cgroups: \(controlGroups)", "quota: \(quota)", "seccomp: \(seccomp)", "compiler: \(compiler)"]
            .joined(separator: "; ")
    }
}
