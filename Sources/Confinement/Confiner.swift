// Confiner: carries out a ConfinementPlan in the current process, then becomes the program.
import CConfinement

#if canImport(Glibc)
import Glibc
#endif

/// Applies a ``ConfinementPlan`` to the calling process; used by `labgrade-confine` alone.
public enum Confiner {
    /// Takes every step of `plan`, then executes its program (or kills ``ConfinementPlan/user``'s
    /// processes). Returns only by throwing.
    public static func run(_ plan: ConfinementPlan) throws(ConfinementError) -> Never {
        for folder in plan.cgroups { try join(folder) }
        if let scratch = plan.scratch { try mountScratch(scratch) }
        if let folder = plan.workingDirectory {
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw .system(call: "mkdir \(folder)", errno: errno) }
            guard chdir(folder) == 0 else { throw .system(call: "chdir \(folder)", errno: errno) }
        }
        for (limit, value) in plan.limits { try setLimit(limit, value) }
        if plan.reaper { try becomeReaper() }
        if let user = plan.user { try switchUser(user) }
        if plan.killAll { killEveryProcessOfThisUser() }
        labgrade_close_from(5)
        // Without the filter this is the step before bubblewrap, which needs what capabilities
        // are left to map its user (and drops them all in the sandbox itself).
        if plan.seccomp {
            guard labgrade_drop_capabilities() == 0 else { throw .system(call: "dropping capabilities", errno: errno) }
            guard labgrade_prctl(38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0) == 0 else { throw .system(call: "no_new_privs", errno: errno) }
            try SeccompFilter.labs.install()
        }
        let argv = plan.command.map { strdup($0) } + [nil]
        execv(plan.command[0], argv)
        throw .system(call: "exec \(plan.command[0])", errno: errno)
    }

    private static func join(_ folder: String) throws(ConfinementError) {
        let file = folder + "/cgroup.procs"
        let descriptor = open(file, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(call: "open \(file)", errno: errno) }
        defer { close(descriptor) }
        let pid = "\(getpid())\n"
        guard pid.withCString({ write(descriptor, $0, strlen($0)) }) > 0 else { throw .system(call: "join \(folder)", errno: errno) }
    }

    private static func mountScratch(_ scratch: ConfinementPlan.Scratch) throws(ConfinementError) {
        if mkdir(scratch.path, 0o700) != 0 && errno != EEXIST { throw .system(call: "mkdir \(scratch.path)", errno: errno) }
        let options = "size=\(scratch.bytes),nr_inodes=\(scratch.inodes),mode=0700"
        let flags = UInt(MS_NOSUID | MS_NODEV)
        guard mount("tmpfs", scratch.path, "tmpfs", flags, options) == 0 else {
            throw .system(call: "mount tmpfs on \(scratch.path)", errno: errno)
        }
    }

    private static func setLimit(_ limit: ConfinementPlan.Limit, _ value: Int) throws(ConfinementError) {
        let resource: Int32
        switch limit {
        case .cpu: resource = Int32(RLIMIT_CPU.rawValue)
        case .fsize: resource = Int32(RLIMIT_FSIZE.rawValue)
        case .nofile: resource = Int32(RLIMIT_NOFILE.rawValue)
        case .core: resource = Int32(RLIMIT_CORE.rawValue)
        case .address: resource = Int32(RLIMIT_AS.rawValue)
        case .nproc: resource = Int32(__RLIMIT_NPROC.rawValue)
        }
        var bound = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        guard setrlimit(__rlimit_resource_t(resource), &bound) == 0 else { throw .system(call: "setrlimit \(limit.rawValue)", errno: errno) }
    }

    private static func switchUser(_ user: (uid: UInt32, gid: UInt32)) throws(ConfinementError) {
        guard setgroups(0, nil) == 0 else { throw .system(call: "setgroups", errno: errno) }
        guard setgid(user.gid) == 0 else { throw .system(call: "setgid \(user.gid)", errno: errno) }
        guard setuid(user.uid) == 0 else { throw .system(call: "setuid \(user.uid)", errno: errno) }
        guard getuid() == user.uid, geteuid() == user.uid, getgid() == user.gid else {
            throw .unsupported("still not user \(user.uid) after setuid")
        }
    }

    /// Forks: the child returns and goes on to become the program; this process stays behind,
    /// still with labgrade's user (so the program, running as its own user, cannot signal it), as
    /// the child subreaper of everything the program starts. It reaps every process that ends —
    /// orphans included, which would otherwise wait as zombies on an init that may never reap them
    /// and count against the user's process limit — and when the program itself ends, kills
    /// whatever it left, reaps that too, and ends the way the program did.
    private static func becomeReaper() throws(ConfinementError) {
        guard labgrade_prctl(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0) == 0 else {
            throw .system(call: "becoming a subreaper", errno: errno)
        }
        let program = fork()
        guard program >= 0 else { throw .system(call: "fork", errno: errno) }
        if program == 0 { return }
        labgrade_close_from(0)
        var status: Int32 = 0
        while true {
            var raw: Int32 = 0
            let ended = waitpid(-1, &raw, 0)
            if ended == program { status = raw; break }
            if ended < 0 && errno == ECHILD { break }
        }
        // What the program left: kill it, reap it, until nothing is left.
        while true {
            for child in children() { kill(child, SIGKILL) }
            var raw: Int32 = 0
            if waitpid(-1, &raw, 0) < 0 && errno == ECHILD { break }
        }
        if status & 0x7f != 0 {
            signal(status & 0x7f, SIG_DFL)
            kill(getpid(), status & 0x7f)
        }
        exit((status >> 8) & 0xff)
    }

    /// This process's children (`/proc/self/task/<pid>/children`).
    private static func children() -> [pid_t] {
        let file = open("/proc/self/task/\(getpid())/children", O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return [] }
        defer { close(file) }
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        return String(decoding: bytes.prefix(Swift.max(0, count)), as: UTF8.self).split(separator: " ").compactMap { pid_t($0) }
    }

    /// `kill(-1, SIGKILL)` as the user reaches every process of that user but this one; repeated
    /// until none is left, since a process may fork while the first signals go out.
    private static func killEveryProcessOfThisUser() -> Never {
        for _ in 0..<100 {
            if kill(-1, SIGKILL) != 0 && errno == ESRCH { exit(0) }
            usleep(1_000)
        }
        exit(1)
    }
}
