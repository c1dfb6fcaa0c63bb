// Sandbox: starts an untrusted program (an oracle, the compiler) confined, layer upon layer.
import Confinement
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How a submission's programs are confined.
///
/// Every program starts through `labgrade-confine` (see ``ConfinementPlan``), which joins a
/// memory, process-count and CPU control group where the kernel allows one, sets rlimits (CPU,
/// file size, open files, core dumps, processes) and, when labgrade runs as root, becomes the
/// grading's own user (``SandboxUser``). With bubblewrap it then starts new user, PID, network,
/// IPC, UTS and mount namespaces in which only `/usr`, the Swift runtime and the given paths are
/// visible, read-only, and the root, `/tmp` and `/dev` are read-only too; inside, the helper again
/// mounts a tmpfs of the quota's size and file count on `/scratch` (the only writable place, the
/// program's home and `TMPDIR`), drops every
/// capability, closes inherited descriptors, sets `no_new_privs` and installs the seccomp
/// filter (``SeccompFilter``). Without bubblewrap (`limits-only`, e.g. in a container that
/// forbids user namespaces) the same helper confines the program as far as it can: own user,
/// limits, filter, and a folder whose quota the ``DiskWatchdog`` enforces. The host adds its own
/// process group, wall-clock limits and output caps. ``layers`` says what was in force.
public struct Sandbox: Sendable {
    /// How much isolation is available.
    public enum Isolation: String, Sendable, Codable {
        /// bubblewrap namespaces plus everything below.
        case bubblewrap
        /// The helper's limits, user, filter and quota without namespaces.
        case limitsOnly = "limits-only"
    }

    /// The limits applied to every process started.
    public let limits: SandboxLimits
    /// The isolation in use.
    public let isolation: Isolation
    let runtime: SandboxRuntime
    /// The grading's own user, when labgrade runs as root.
    let user: SandboxUser?

    static let bubblewrap = "/usr/bin/bwrap"

    /// Where the quota's tmpfs is mounted inside the bubblewrap sandbox: not on `/tmp`, which
    /// would hide the host paths bound under it (the scratch folders usually are).
    static let insideScratch = "/scratch"
    /// The folder the program works in, inside the bubblewrap sandbox (on the quota's tmpfs).
    static let insideWorkFolder = insideScratch + "/work"

    /// A sandbox with `limits` for the LabKit build in `products`: bubblewrap when it works here,
    /// unless `isolation` (or `LABGRADE_SANDBOX=limits-only`) asks for limits only.
    init(limits: SandboxLimits, products: URL, user: SandboxUser?, isolation requested: Isolation? = nil) throws {
        self.limits = limits
        runtime = try SandboxRuntime.shared(products: products)
        self.user = user
        let forced = requested ?? (ProcessInfo.processInfo.environment["LABGRADE_SANDBOX"] == "limits-only" ? .limitsOnly : nil)
        isolation = forced ?? (runtime.bubblewrapWorks ? .bubblewrap : .limitsOnly)
    }

    /// The same sandbox with other limits.
    func with(limits: SandboxLimits) -> Sandbox {
        Sandbox(limits: limits, runtime: runtime, user: user, isolation: isolation)
    }

    private init(limits: SandboxLimits, runtime: SandboxRuntime, user: SandboxUser?, isolation: Isolation) {
        self.limits = limits
        self.runtime = runtime
        self.user = user
        self.isolation = isolation
    }

    /// Gives `folders` to the grading's own user (when there is one), so its compiler and oracles
    /// can read them (and write the ones they must) while other gradings' users cannot.
    func handOver(_ folders: [URL]) {
        guard let user else { return }
        for folder in folders { FileTree.handOver(folder, to: user.uid) }
    }

    /// Without namespaces, what the grading's own user may read is all the machine lets others
    /// read; so each of `folders` (the checkout with the reference solutions, the class's
    /// submissions, the gradebook) loses every permission for others, once, with a notice on
    /// stderr. Nothing happens under bubblewrap, whose sandbox sees none of them, or without a
    /// user of its own (the layers then warn that the submission can read them).
    func hide(_ folders: [URL]) {
        guard isolation == .limitsOnly, user != nil else { return }
        for folder in folders {
            var info = stat()
            guard stat(folder.path, &info) == 0, info.st_mode & 0o007 != 0, info.st_uid == geteuid() else { continue }
            guard chmod(folder.path, info.st_mode & 0o7770) == 0 else { continue }
            let notice = "labgrade: without bubblewrap, \(folder.path) is made unreadable to other users "
                + "(mode \(String(info.st_mode & 0o7777, radix: 8)) → \(String(info.st_mode & 0o7770, radix: 8))), "
                + "so the submission, running as a user of its own, cannot read it\n"
            FileHandle.standardError.write(Data(notice.utf8))
        }
    }

    /// The layers in force, as reports state them.
    var layers: SandboxLayers {
        var warnings = [String]()
        let isolationText: String
        switch isolation {
        case .bubblewrap:
            isolationText = "bubblewrap (user, PID, network, IPC, UTS and mount namespaces)"
        case .limitsOnly:
            isolationText = "limits-only"
            warnings.append(
                "No namespaces (\(runtime.bubblewrapProblem ?? "limits-only was asked for")): the submission sees the machine's "
                    + "processes and every file its user may read, and has the network a socket allows.")
        }
        let userText = user.map { "uid \($0.uid), its own" } ?? "labgrade's own"
        if user == nil && isolation == .limitsOnly {
            warnings.append("The submission runs as labgrade's own user: it can read everything labgrade can, the reference solutions included. Run labgrade as root so it can lend each grading a user of its own.")
        }
        let groups = runtime.controlGroups.map { $0 == "v1" ? "v1 (memory, pids, cpuacct)" : "v2 (memory, pids, cpu)" } ?? "none"
        if runtime.controlGroups == nil {
            warnings.append("No control groups: memory is limited per process by address space, processes only by RLIMIT_NPROC of the grading's user.")
        }
        let size = "\(limits.diskBytes >> 20) MB, \(limits.inodes) files"
        let quota = isolation == .bubblewrap ? "tmpfs \(size)" : "watched every 50 ms, \(size)"
        var machine = utsname()
        uname(&machine)
        let architecture = withUnsafeBytes(of: machine.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let seccomp =
            SeccompFilter.isSupported
            ? "on (\(architecture): \(SeccompFilter.deniedCalls.count) calls refused, namespace clones refused, sockets AF_UNIX only)" : "off"
        if !SeccompFilter.isSupported { warnings.append("No system-call filter: this architecture (\(architecture)) is not known to labgrade.") }
        return SandboxLayers(
            isolation: isolationText, user: userText, controlGroups: groups, quota: quota, seccomp: seccomp,
            compiler: "sandboxed like the program", warnings: warnings)
    }

    /// What a launch needs: the program, what it may read and write, where it works.
    struct Command {
        /// The program.
        var executable: URL
        /// Its arguments.
        var arguments: [String] = []
        /// Paths it may read (mounted read-only at the same place under bubblewrap).
        var readable: [URL] = []
        /// Paths it may write (mounted read-write at the same place under bubblewrap).
        var writable: [URL] = []
        /// Where it starts; `nil` for its private space.
        var workingDirectory: URL?
        /// Its private space on the host when there is no bubblewrap: a folder inside the
        /// grading's scratch folder, which the grading's own user owns and the watchdog counts whole.
        var hostFolder: URL
        /// Its environment, on top of ``Sandbox/baseEnvironment(home:)``.
        var environment: [String: String] = [:]
    }

    /// A started program and what watches it.
    struct Launch {
        var process: ChildProcess
        var group: ControlGroup?
        var watchdog: DiskWatchdog?

        /// Kills everything the program started and stops watching it.
        ///
        /// The launcher is the helper's reaper; its child goes first — bubblewrap (whose sandbox
        /// dies with it) or, without bubblewrap, the program — so the reaper reaps it and all it
        /// left, and exits; only then is the launcher itself killed and reaped. Killed the other
        /// way round, what it left would be orphaned and wait as zombies on a machine whose own
        /// init does not reap.
        func stop(grace: Double = 0) {
            watchdog?.stop()
            if grace > 0 { process.closeRequests() }
            let deadline = DispatchTime.now() + grace
            while grace > 0 && !process.hasExited && DispatchTime.now() < deadline { usleep(2_000) }
            if !process.hasExited, let inner = DiskWatchdog.firstChild(of: process.pid) {
                kill(inner, SIGKILL)
                let reaped = DispatchTime.now() + 1
                while !process.hasExited && DispatchTime.now() < reaped { usleep(1_000) }
            }
            process.kill()
            group?.killAll()
            group?.remove()
        }
    }

    /// Starts `command` confined.
    func launch(_ command: Command) throws -> Launch {
        let group = ControlGroup.make(
            name: "labgrade-\(UUID().uuidString.prefix(12))", memoryBytes: limits.memoryBytes, processes: limits.processes)
        let arguments: [String]
        var environment = [String: String]()
        switch isolation {
        case .bubblewrap:
            arguments = Sandbox.bubblewrapCommand(
                helper: runtime.helper, user: user, cgroups: group?.folders.map(\.path) ?? [], limits: limits,
                readable: command.readable, writable: command.writable, workingDirectory: command.workingDirectory,
                environment: command.environment, program: command.executable, arguments: command.arguments)
        case .limitsOnly:
            try FileManager.default.createDirectory(at: command.hostFolder, withIntermediateDirectories: true)
            if let user { FileTree.handOver(command.hostFolder, to: user.uid) }
            let plan = ConfinementPlan(
                cgroups: group?.folders.map(\.path) ?? [], workingDirectory: (command.workingDirectory ?? command.hostFolder).path,
                limits: Sandbox.rlimits(limits, memoryLimited: group != nil, user: user), user: user.map { ($0.uid, $0.uid) },
                reaper: true, command: [command.executable.path] + command.arguments)
            arguments = [runtime.helper.path] + plan.arguments
            environment = Sandbox.baseEnvironment(home: command.hostFolder.path).merging(command.environment) { $1 }
            environment["TMPDIR"] = command.hostFolder.path
        }
        let process: ChildProcess
        do {
            process = try ChildProcess(arguments: arguments, environment: environment, outputLimit: limits.outputBytes)
        } catch {
            group?.remove()
            throw error
        }
        let space: DiskWatchdog.Space =
            isolation == .bubblewrap
            ? .sandboxTmpfs(launcher: process.pid) : .hostFolders([command.hostFolder.deletingLastPathComponent()], uid: user?.uid)
        // The program goes, not the reaper above it, which then cleans up after it.
        let watchdog = DiskWatchdog(space, limits: limits) { [process] in
            if let program = DiskWatchdog.firstChild(of: process.pid) { kill(program, SIGKILL) } else { process.signalKill() }
        }
        return Launch(process: process, group: group, watchdog: watchdog)
    }

    /// Runs `command` to its end (or `timeout` seconds), returning its status and its output.
    func run(_ command: Command, timeout: Double) throws -> Compiler.Result {
        let start = DispatchTime.now()
        let launch = try launch(command)
        launch.process.closeRequests()
        let deadline = DispatchTime.now() + timeout
        while !launch.process.hasExited && DispatchTime.now() < deadline { usleep(5_000) }
        let killed = !launch.process.hasExited
        let full = launch.watchdog?.exceeded == true
        let outOfMemory = launch.group?.hitMemoryLimit == true
        launch.stop()
        let output = launch.process.output(waiting: 2)
        var text = output.stdout.text + output.stderr.text
        if killed { text += "\n(stopped after \(Int(timeout)) s)" }
        if full { text += "\n(stopped: more than \(limits.diskBytes >> 20) MB or \(limits.inodes) files written)" }
        if outOfMemory { text += "\n(stopped: more than \(limits.memoryBytes >> 20) MB of memory)" }
        let status: Int32 =
            killed || full ? -1 : {
                switch launch.process.termination {
                case .exited(let code)?: return code
                case .signaled(let signal)?: return 128 + signal
                case nil: return -1
                }
            }()
        return Compiler.Result(status: status, output: text, seconds: start.secondsSince)
    }

    /// The command line that starts `program` under bubblewrap: the helper outside (control
    /// groups, limits, user), bubblewrap, the helper inside (tmpfs, capabilities, filter).
    static func bubblewrapCommand(
        helper: URL, user: SandboxUser?, cgroups: [String], limits: SandboxLimits, readable: [URL], writable: [URL],
        workingDirectory: URL?, environment: [String: String], program: URL, arguments: [String]
    ) -> [String] {
        var bwrap = [
            bubblewrap, "--unshare-all", "--die-with-parent", "--new-session", "--uid", "0", "--gid", "0",
            "--cap-drop", "ALL", "--cap-add", "CAP_SYS_ADMIN", "--cap-add", "CAP_SETPCAP",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--ro-bind", "/etc/alternatives", "/etc/alternatives",
            "--proc", "/proc", "--dev", "/dev", "--dir", "/tmp", "--dir", insideScratch,
        ]
        var mounted = ["/usr"]
        let covered = { (path: String) in mounted.contains { path == $0 || path.hasPrefix($0 + "/") } }
        for path in ([helper] + readable + [program]).map({ $0.resolvingSymlinksInPath().path }) + [swiftRuntime] where !covered(path) {
            bwrap += ["--ro-bind", path, path]
            mounted.append(path)
        }
        for path in writable.map({ $0.resolvingSymlinksInPath().path }) {
            bwrap += ["--bind", path, path]
        }
        bwrap += ["--remount-ro", "/", "--remount-ro", "/dev", "--clearenv"]
        let home = insideWorkFolder
        let variables = baseEnvironment(home: home).merging(["TMPDIR": insideScratch]) { $1 }.merging(environment) { $1 }
        for (key, value) in variables.sorted(by: { $0.key < $1.key }) { bwrap += ["--setenv", key, value] }
        let inside = ConfinementPlan(
            scratch: .init(path: insideScratch, bytes: limits.diskBytes, inodes: limits.inodes),
            workingDirectory: workingDirectory?.path ?? insideWorkFolder, command: [program.path] + arguments)
        bwrap += ["--", helper.path] + inside.arguments
        // The helper outside stays behind as the reaper: bubblewrap's outer process exits without
        // reaping its PID namespace's init, which would otherwise wait as a zombie on the machine's init.
        let outside = ConfinementPlan(
            cgroups: cgroups, limits: rlimits(limits, memoryLimited: !cgroups.isEmpty, user: user), user: user.map { ($0.uid, $0.uid) },
            seccomp: false, reaper: true, command: bwrap)
        return [helper.path] + outside.arguments
    }

    /// The rlimits: CPU, file size, open files, no core dumps; processes per user when the
    /// grading has its own; and an address-space cap where no memory control group could be made.
    static func rlimits(_ limits: SandboxLimits, memoryLimited: Bool, user: SandboxUser?) -> [(ConfinementPlan.Limit, Int)] {
        var result: [(ConfinementPlan.Limit, Int)] = [
            (.cpu, limits.cpuSeconds), (.fsize, limits.fileSizeBytes), (.nofile, limits.openFiles), (.core, 0),
        ]
        // Both lanes' oracles and the helpers and bubblewrap around them count against one user.
        if user != nil { result.append((.nproc, 4 * limits.processes + 16)) }
        // OpenBLAS needs ≥ 192 MB of address space per thread to start and spins forever below that,
        // so an address-space cap is only the fallback, and a generous one.
        if !memoryLimited { result.append((.address, Swift.max(limits.memoryBytes * 4, 4 << 30))) }
        return result
    }

    /// The environment every sandboxed program starts with, before the caller's additions: one BLAS
    /// thread (reproducible sums, no contention between parallel gradings) and short crash reports.
    /// The host's OpenBLAS kernel family goes along, so the oracle computes with the same kernels.
    static func baseEnvironment(home: String) -> [String: String] {
        var environment = ["OPENBLAS_NUM_THREADS": "1", "SWIFT_BACKTRACE": "enable=no", "HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        environment["OPENBLAS_CORETYPE"] = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        return environment
    }

    /// The folder holding the Swift runtime libraries the oracle links.
    static let swiftRuntime: String = {
        let candidates = ["/opt/swift/usr/lib/swift/linux", "/usr/lib/swift/linux"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }()
}
