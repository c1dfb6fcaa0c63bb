// Sandbox: starts an untrusted program confined: namespaces, limits, process group, private folder.
import Foundation

/// How a submission's program is confined.
///
/// With bubblewrap: new user, PID, network (no interfaces), IPC and UTS namespaces; only `/usr`,
/// the Swift runtime, `/etc/alternatives` (OpenBLAS is reached through it) and the given
/// read-only paths are visible; the working folder is the only writable place besides a private
/// `/tmp`; the environment is cleared. Around that: rlimits (CPU, file size, open files, core
/// dumps), a memory and process-count control group where the kernel allows one, its own process
/// group, and the host's wall-clock limits. Without bubblewrap only the outer layers apply, and
/// reports say so.
public struct Sandbox: Sendable {
    /// How much isolation is available.
    public enum Isolation: String, Sendable, Codable {
        /// bubblewrap namespaces plus limits.
        case bubblewrap
        /// Limits and a process group only (no bubblewrap on this machine).
        case limitsOnly = "limits-only"
    }

    /// The limits applied to every process started.
    public let limits: SandboxLimits
    /// The isolation this machine allows.
    public let isolation: Isolation

    static let bubblewrap = "/usr/bin/bwrap"
    static let prlimit = "/usr/bin/prlimit"

    /// A sandbox with `limits`, using bubblewrap when it is installed and works here.
    public init(limits: SandboxLimits = SandboxLimits()) {
        self.limits = limits
        isolation = Sandbox.bubblewrapWorks ? .bubblewrap : .limitsOnly
    }

    /// Whether bubblewrap is installed and may create namespaces (checked once per process).
    static let bubblewrapWorks: Bool = {
        guard FileManager.default.isExecutableFile(atPath: bubblewrap) else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: bubblewrap)
        probe.arguments = Array(baseArguments.dropFirst()) + ["--", "/usr/bin/true"]
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
            probe.waitUntilExit()
            return probe.terminationStatus == 0
        } catch {
            return false
        }
    }()

    /// Starts `executable` with `arguments`, confined, working in `folder` (made writable inside).
    ///
    /// `readable` paths are mounted read-only at the same place; `environment` is all the program sees.
    func launch(
        _ executable: URL, arguments: [String] = [], in folder: URL, readable: [URL], environment: [String: String]
    ) throws -> (process: ChildProcess, group: ControlGroup?) {
        let group = ControlGroup.make(
            name: "labgrade-\(UUID().uuidString.prefix(12))", memoryBytes: limits.memoryBytes, processes: limits.processes)
        let environment = Sandbox.baseEnvironment(folder: folder).merging(environment) { $1 }
        var command = joinGroups(group)
        command += [Sandbox.prlimit] + rlimits(memoryLimited: group != nil) + ["--"]
        switch isolation {
        case .bubblewrap:
            command += bubblewrapArguments(folder: folder, readable: readable + [executable], environment: environment)
            command += [executable.path] + arguments
        case .limitsOnly:
            command += ["/usr/bin/env", "-C", folder.path, "--", executable.path] + arguments
        }
        do {
            let process = try ChildProcess(
                arguments: command, environment: isolation == .bubblewrap ? [:] : environment,
                outputLimit: limits.outputBytes)
            return (process, group)
        } catch {
            group?.remove()
            throw error
        }
    }

    /// `sh -c` that moves itself into the control groups, then execs the rest: no fork can escape first.
    private func joinGroups(_ group: ControlGroup?) -> [String] {
        guard let group, !group.folders.isEmpty else { return [] }
        let joins = group.folders.map { "echo $$ > '\($0.path)/cgroup.procs'" }.joined(separator: " && ")
        return ["/bin/sh", "-c", "\(joins) && exec \"$@\"", "labgrade-sandbox"]
    }

    private func rlimits(memoryLimited: Bool) -> [String] {
        var options = [
            "--cpu=\(limits.cpuSeconds)", "--fsize=\(limits.fileSizeBytes)", "--nofile=\(limits.openFiles)", "--core=0",
        ]
        // OpenBLAS needs ≥ 192 MB of address space per thread to start and spins forever below that,
        // so an address-space cap is only the fallback, and a generous one.
        if !memoryLimited { options.append("--as=\(Swift.max(limits.memoryBytes * 4, 4 << 30))") }
        return options
    }

    /// bubblewrap and the mounts every sandboxed program gets.
    static let baseArguments = [
        bubblewrap, "--unshare-all", "--die-with-parent", "--new-session",
        "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin", "--ro-bind", "/etc/alternatives", "/etc/alternatives",
        "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
    ]

    /// The environment every sandboxed program starts with, before the caller's additions: one BLAS
    /// thread (reproducible sums, no contention between parallel gradings) and short crash reports.
    static func baseEnvironment(folder: URL) -> [String: String] {
        ["OPENBLAS_NUM_THREADS": "1", "SWIFT_BACKTRACE": "enable=no", "HOME": folder.path, "PATH": "/usr/bin:/bin",
         "LANG": "C.UTF-8"]
    }

    private func bubblewrapArguments(folder: URL, readable: [URL], environment: [String: String]) -> [String] {
        var arguments = Sandbox.baseArguments
        var mounted = Set<String>()
        for path in readable.map({ $0.resolvingSymlinksInPath().path }) + [Sandbox.swiftRuntime]
        where !path.hasPrefix("/usr/") && mounted.insert(path).inserted {
            arguments += ["--ro-bind", path, path]
        }
        arguments += ["--bind", folder.path, folder.path, "--chdir", folder.path, "--clearenv"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            arguments += ["--setenv", key, value]
        }
        return arguments + ["--"]
    }

    /// The folder holding the Swift runtime libraries the oracle links.
    static let swiftRuntime: String = {
        let candidates = ["/opt/swift/usr/lib/swift/linux", "/usr/lib/swift/linux"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }()
}
