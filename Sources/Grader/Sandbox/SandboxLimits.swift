// SandboxLimits: the resources one oracle process may use.

/// Resource limits for a submission's oracle, applied by ``Sandbox``.
public struct SandboxLimits: Sendable, Hashable, Codable {
    /// Resident memory of the whole process tree, enforced by a memory control group where one
    /// can be made (bytes). Without control groups the address space is limited instead, with room
    /// for OpenBLAS's start-up buffers (it spins forever when that allocation fails).
    public var memoryBytes: Int
    /// CPU seconds per process (`RLIMIT_CPU`): a backstop behind the wall-clock limits.
    public var cpuSeconds: Int
    /// Largest file the oracle may write (`RLIMIT_FSIZE`), bytes.
    public var fileSizeBytes: Int
    /// Open files per process (`RLIMIT_NOFILE`).
    public var openFiles: Int
    /// Processes and threads in the oracle's control group (`pids.max`).
    public var processes: Int
    /// Bytes of stdout and of stderr kept for the report; the rest is read and dropped.
    public var outputBytes: Int

    /// Makes limits; the defaults suit the labs' training runs on one core.
    public init(
        memoryBytes: Int = 2 << 30, cpuSeconds: Int = 600, fileSizeBytes: Int = 64 << 20, openFiles: Int = 64,
        processes: Int = 32, outputBytes: Int = 64 << 10
    ) {
        self.memoryBytes = memoryBytes
        self.cpuSeconds = cpuSeconds
        self.fileSizeBytes = fileSizeBytes
        self.openFiles = openFiles
        self.processes = processes
        self.outputBytes = outputBytes
    }
}
