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
