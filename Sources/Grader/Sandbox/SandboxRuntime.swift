// SandboxRuntime: what this machine allows the sandbox, found once per process and build.
import Confinement
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The sandbox's fixed parts on this machine: a folder every sandbox user may read (the helper
/// and the student SDK live there, outside the checkout), and which layers work here — found by
/// running the whole launch chain once on `/usr/bin/true`, so a layer is only claimed after it
/// was seen to work.
final class SandboxRuntime: Sendable {
    /// The folder of sandbox-readable files: `<temporary folder>/labgrade-runtime-<euid>`, mode 0755.
    let folder: URL
    /// The helper, `labgrade-confine`, copied into ``folder``.
    let helper: URL
    /// Whether bubblewrap (with the helper's tmpfs and seccomp inside) works here.
    let bubblewrapWorks: Bool
    /// Why not, when it does not: the probe's output.
    let bubblewrapProblem: String?
    /// Whether control groups can be made here: `v1`, `v2`, or `nil`.
    let controlGroups: String?
    /// Whether gradings run as users of their own (labgrade runs as root).
    let separateUsers: Bool

    /// Lock files of the lent user ids.
    var userLocks: URL { folder.appendingPathComponent("uids") }

    private init(products: URL) throws {
        folder = try SandboxRuntime.makeFolder()
        helper = try SandboxRuntime.stageHelper(from: products, into: folder)
        separateUsers = geteuid() == 0
        controlGroups = ControlGroup.version
        let probe = SandboxRuntime.probeBubblewrap(helper: helper, locks: folder.appendingPathComponent("uids"))
        bubblewrapWorks = probe == nil
        bubblewrapProblem = probe
    }

    /// The runtime for the LabKit build in `products` (one per build and process).
    static func shared(products: URL) throws -> SandboxRuntime {
        try known.withLock { runtimes in
            if let runtime = runtimes[products.path] { return runtime }
            let runtime = try SandboxRuntime(products: products)
            runtimes[products.path] = runtime
            return runtime
        }
    }

    private static let known = Mutex<[String: SandboxRuntime]>([:])

    /// Makes (or checks) the runtime folder: owned by this user, not a link, readable by all.
    private static func makeFolder() throws -> URL {
        let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        for attempt in 0..<5 {
            let folder = base.appendingPathComponent("labgrade-runtime-\(geteuid())" + (attempt == 0 ? "" : "-\(attempt)"))
            if mkdir(folder.path, 0o755) != 0 && errno != EEXIST { continue }
            var info = stat()
            guard lstat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else { continue }
            chmod(folder.path, 0o755)
            return folder
        }
        throw SandboxError.toolMissing("a runtime folder under \(base.path)", hint: "it must be writable and not taken by another user")
    }

    /// Copies `labgrade-confine` from the build into `folder` as `confine-<hash>`, atomically.
    private static func stageHelper(from products: URL, into folder: URL) throws -> URL {
        let source = products.appendingPathComponent("labgrade-confine")
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw BuildError.missingProduct(name: "labgrade-confine", path: source.path)
        }
        var hash = ContentHash()
        hash.add(data)
        let target = folder.appendingPathComponent("confine-\(hash.hex)")
        if FileManager.default.isExecutableFile(atPath: target.path) { return target }
        let temporary = folder.appendingPathComponent(".confine-\(UUID().uuidString)")
        try data.write(to: temporary)
        chmod(temporary.path, 0o755)
        guard rename(temporary.path, target.path) == 0 else {
            throw SandboxError.spawnFailed(program: "staging \(target.path)", errno: errno)
        }
        return target
    }

    /// Runs the whole bubblewrap chain on `/usr/bin/true`; `nil` when it works, else why not.
    private static func probeBubblewrap(helper: URL, locks: URL) -> String? {
        guard FileManager.default.isExecutableFile(atPath: Sandbox.bubblewrap) else { return "\(Sandbox.bubblewrap) is not installed" }
        let user = try? SandboxUser.borrow(locks: locks)
        defer { user?.release(helper: helper) }
        let command = Sandbox.bubblewrapCommand(
            helper: helper, user: user, cgroups: [], limits: SandboxLimits(), readable: [], writable: [], workingDirectory: nil,
            environment: [:], program: URL(fileURLWithPath: "/usr/bin/true"), arguments: [])
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: command[0])
        probe.arguments = Array(command.dropFirst())
        let pipe = Pipe()
        probe.standardError = pipe
        probe.standardOutput = FileHandle.nullDevice
        do {
            try probe.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            probe.waitUntilExit()
            return probe.terminationStatus == 0 ? nil : String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            return "\(error)"
        }
    }
}
