// ConfinementPlan: what `labgrade-confine` does before it runs a program, as command-line arguments.

/// The steps the sandbox helper takes, in this order, before it executes `program`: join the
/// control groups (writing its pid to each folder's `cgroup.procs`, so nothing it starts can run
/// outside them), mount a
/// size- and inode-capped tmpfs, change to the working folder, set resource limits, switch to an
/// unprivileged user, close inherited descriptors from 5 up, and — unless ``seccomp`` is off, as
/// in the step before bubblewrap, which needs its capabilities to map its user — drop every
/// capability, set `no_new_privs` and install the seccomp filter. With ``killAll`` it runs nothing and instead kills
/// every process of ``user`` (the cleanup of a grading without a PID namespace).
///
/// The plan travels as arguments (`--tmpfs /tmp:268435456:10000 … -- program args`) so the host
/// builds it and the helper, which links no Foundation and starts in a few milliseconds, reads it.
public struct ConfinementPlan: Sendable, Equatable {
    /// A tmpfs to mount.
    public struct Scratch: Sendable, Equatable {
        public var path: String
        public var bytes: Int
        public var inodes: Int
        public init(path: String, bytes: Int, inodes: Int) {
            self.path = path
            self.bytes = bytes
            self.inodes = inodes
        }
    }

    /// A resource limit (`setrlimit`), soft and hard alike.
    public enum Limit: String, Sendable, CaseIterable {
        case cpu, fsize, nofile, core, address = "as", nproc
    }

    /// Control-group folders to join first.
    public var cgroups: [String]
    /// The tmpfs mounted next (needs `CAP_SYS_ADMIN` in the sandbox's user namespace).
    public var scratch: Scratch?
    /// The folder made (inside ``scratch`` when it is there) and changed to.
    public var workingDirectory: String?
    /// Resource limits.
    public var limits: [(Limit, Int)]
    /// The user and group to switch to (needs to start as root).
    public var user: (uid: UInt32, gid: UInt32)?
    /// Whether to install ``SeccompFilter/labs``.
    public var seccomp: Bool
    /// Kill every process of ``user`` instead of running a program.
    public var killAll: Bool
    /// Stay behind as the program's reaper (see ``Confiner``): needed without bubblewrap, whose
    /// own init does this inside its PID namespace.
    public var reaper: Bool
    /// The program and its arguments.
    public var command: [String]

    /// Makes a plan.
    public init(
        cgroups: [String] = [], scratch: Scratch? = nil, workingDirectory: String? = nil, limits: [(Limit, Int)] = [], user: (uid: UInt32, gid: UInt32)? = nil,
        seccomp: Bool = true, killAll: Bool = false, reaper: Bool = false, command: [String] = []
    ) {
        self.cgroups = cgroups
        self.scratch = scratch
        self.workingDirectory = workingDirectory
        self.limits = limits
        self.user = user
        self.seccomp = seccomp
        self.killAll = killAll
        self.reaper = reaper
        self.command = command
    }

    public static func == (a: ConfinementPlan, b: ConfinementPlan) -> Bool {
        a.cgroups == b.cgroups && a.scratch == b.scratch && a.workingDirectory == b.workingDirectory && a.limits.map(\.0) == b.limits.map(\.0)
            && a.limits.map(\.1) == b.limits.map(\.1) && a.user?.uid == b.user?.uid && a.user?.gid == b.user?.gid
            && a.seccomp == b.seccomp && a.killAll == b.killAll && a.reaper == b.reaper && a.command == b.command
    }

    /// The helper's arguments for this plan (without the helper's own path).
    public var arguments: [String] {
        var arguments = cgroups.flatMap { ["--cgroup", $0] }
        if let scratch { arguments += ["--tmpfs", "\(scratch.path):\(scratch.bytes):\(scratch.inodes)"] }
        if let workingDirectory { arguments += ["--chdir", workingDirectory] }
        for (limit, value) in limits { arguments += ["--rlimit", "\(limit.rawValue)=\(value)"] }
        if let user { arguments += ["--user", "\(user.uid):\(user.gid)"] }
        if !seccomp { arguments.append("--no-seccomp") }
        if killAll { arguments.append("--kill-all") }
        if reaper { arguments.append("--reaper") }
        return arguments + ["--"] + command
    }

    /// Reads a plan from the helper's arguments.
    public init(arguments: [String]) throws(ConfinementError) {
        self.init()
        var rest = arguments[...]
        func value(_ option: String) throws(ConfinementError) -> String {
            guard let value = rest.popFirst() else { throw .badArguments("\(option) needs a value") }
            return value
        }
        while let option = rest.popFirst() {
            switch option {
            case "--":
                command = Array(rest)
                rest = []
            case "--cgroup":
                cgroups.append(try value(option))
            case "--tmpfs":
                let parts = try value(option).split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 3, let bytes = Int(parts[1]), let inodes = Int(parts[2]), bytes > 0, inodes > 0 else {
                    throw .badArguments("--tmpfs takes PATH:BYTES:INODES")
                }
                scratch = Scratch(path: String(parts[0]), bytes: bytes, inodes: inodes)
            case "--chdir":
                workingDirectory = try value(option)
            case "--rlimit":
                let parts = try value(option).split(separator: "=")
                guard parts.count == 2, let limit = Limit(rawValue: String(parts[0])), let amount = Int(parts[1]), amount >= 0 else {
                    throw .badArguments("--rlimit takes NAME=VALUE with NAME one of \(Limit.allCases.map(\.rawValue))")
                }
                limits.append((limit, amount))
            case "--user":
                let parts = try value(option).split(separator: ":")
                guard parts.count == 2, let uid = UInt32(parts[0]), let gid = UInt32(parts[1]), uid != 0 else {
                    throw .badArguments("--user takes UID:GID (not root)")
                }
                user = (uid, gid)
            case "--no-seccomp":
                seccomp = false
            case "--kill-all":
                killAll = true
            case "--reaper":
                reaper = true
            default:
                throw .badArguments("unknown option \(option)")
            }
        }
        if killAll && user == nil { throw .badArguments("--kill-all needs --user") }
        if !killAll && command.isEmpty { throw .badArguments("no program after --") }
    }
}
