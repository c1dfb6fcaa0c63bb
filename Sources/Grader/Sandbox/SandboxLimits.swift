// SandboxLimits: the resources one sandboxed program (an oracle or the compiler) may use.

/// Resource limits for a submission's programs, applied by ``Sandbox``.
public struct SandboxLimits: Sendable, Hashable, Codable {
    /// Resident memory of the whole process tree, enforced by a memory control group where one
    /// can be made (bytes). Without control groups the address space is limited instead, with room
    /// for OpenBLAS's start-up buffers (it spins forever when that allocation fails).
    public var memoryBytes: Int
    /// CPU seconds per process (`RLIMIT_CPU`): a backstop behind the wall-clock limits.
    public var cpuSeconds: Int
    /// Largest file the program may write (`RLIMIT_FSIZE`), bytes.
    public var fileSizeBytes: Int
    /// Open files per process (`RLIMIT_NOFILE`).
    public var openFiles: Int
    /// Processes and threads in the program's control group (`pids.max`), and of its user when
    /// it runs as one of its own (`RLIMIT_NPROC`).
    public var processes: Int
    /// Bytes of stdout and of stderr kept for the report; the rest is read and dropped.
    public var outputBytes: Int
    /// Bytes the program may write in all: the size of its private scratch space.
    public var diskBytes: Int
    /// Files and folders the program may create in its scratch space.
    public var inodes: Int

    /// Makes limits; the defaults suit the labs' training runs on one core.
    public init(
        memoryBytes: Int = 2 << 30, cpuSeconds: Int = 600, fileSizeBytes: Int = 64 << 20, openFiles: Int = 64,
        processes: Int = 32, outputBytes: Int = 64 << 10, diskBytes: Int = 256 << 20, inodes: Int = 4_096
    ) {
        self.memoryBytes = memoryBytes
        self.cpuSeconds = cpuSeconds
        self.fileSizeBytes = fileSizeBytes
        self.openFiles = openFiles
        self.processes = processes
        self.outputBytes = outputBytes
        self.diskBytes = diskBytes
        self.inodes = inodes
    }

    /// The compiler's limits: more processes (the driver starts the frontend and the linker),
    /// room for its temporary files and the program it writes, and as much memory as the oracle.
    public static func compiler(memoryBytes: Int) -> SandboxLimits {
        SandboxLimits(
            memoryBytes: memoryBytes, cpuSeconds: 600, fileSizeBytes: 256 << 20, openFiles: 256, processes: 64,
            outputBytes: 1 << 20, diskBytes: 1 << 30, inodes: 4_096)
    }
}
