// ControlGroup: a memory, process-count and CPU-accounting group for one oracle, where the kernel allows.
import Foundation

/// Per-oracle control groups (v1 hierarchies or the unified v2 one), made under the host's own
/// groups and removed afterwards. They limit resident memory and process count, and count CPU
/// time, for the whole process tree, which rlimits cannot do.
final class ControlGroup: @unchecked Sendable {
    /// The group folders a process joins by writing its pid to `cgroup.procs`.
    let folders: [URL]
    private let memory: URL?
    private let cpu: URL?
    private let unified: Bool

    private init(folders: [URL], memory: URL?, cpu: URL?, unified: Bool) {
        self.folders = folders
        self.memory = memory
        self.cpu = cpu
        self.unified = unified
    }

    /// Makes groups limited to `memoryBytes` and `processes`; `nil` where the kernel or permissions do not allow it.
    static func make(name: String, memoryBytes: Int, processes: Int) -> ControlGroup? {
        let root = URL(fileURLWithPath: "/sys/fs/cgroup")
        guard let membership = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return nil }
        var own = [String: String]()
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            for controller in parts[1].split(separator: ",") { own[String(controller)] = String(parts[2]) }
            if parts[1].isEmpty { own[""] = String(parts[2]) }
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: root.appendingPathComponent("memory").path) {
            var made = [String: URL]()
            for controller in ["memory", "pids", "cpuacct"] {
                let folder = root.appendingPathComponent(controller)
                    .appendingPathComponent(own[controller] ?? "/").appendingPathComponent(name)
                if (try? manager.createDirectory(at: folder, withIntermediateDirectories: false)) != nil {
                    made[controller] = folder
                }
            }
            guard let memory = made["memory"] else {
                made.values.forEach { try? manager.removeItem(at: $0) }
                return nil
            }
            let group = ControlGroup(folders: Array(made.values), memory: memory, cpu: made["cpuacct"], unified: false)
            group.write("\(memoryBytes)", to: memory.appendingPathComponent("memory.limit_in_bytes"))
            if let pids = made["pids"] { group.write("\(processes)", to: pids.appendingPathComponent("pids.max")) }
            return group
        }
        if manager.fileExists(atPath: root.appendingPathComponent("cgroup.controllers").path) {
            let folder = root.appendingPathComponent(own[""] ?? "/").appendingPathComponent(name)
            guard (try? manager.createDirectory(at: folder, withIntermediateDirectories: false)) != nil else { return nil }
            let group = ControlGroup(folders: [folder], memory: folder, cpu: folder, unified: true)
            group.write("\(memoryBytes)", to: folder.appendingPathComponent("memory.max"))
            group.write("\(processes)", to: folder.appendingPathComponent("pids.max"))
            return group
        }
        return nil
    }

    /// CPU time used by every process that was in the group, in seconds.
    var cpuSeconds: Double? {
        guard let cpu else { return nil }
        if unified {
            let stat = read(cpu.appendingPathComponent("cpu.stat"))
            let usage = stat?.split(separator: "\n").first { $0.hasPrefix("usage_usec") }?.split(separator: " ").last
            return usage.flatMap { Double($0) }.map { $0 / 1e6 }
        }
        return read(cpu.appendingPathComponent("cpuacct.usage")).flatMap { Double($0) }.map { $0 / 1e9 }
    }

    /// Whether the kernel had to refuse memory or kill for it.
    var hitMemoryLimit: Bool {
        guard let memory else { return false }
        if unified {
            let events = read(memory.appendingPathComponent("memory.events")) ?? ""
            return events.split(separator: "\n").contains { $0.hasPrefix("oom_kill ") && !$0.hasSuffix(" 0") }
        }
        return (read(memory.appendingPathComponent("memory.failcnt")).flatMap { Int($0) } ?? 0) > 0
    }

    /// `v1` or `v2` when this process may make control groups (a probe group is made and removed), else `nil`.
    static let version: String? = {
        guard let probe = make(name: "labgrade-probe-\(getpid())", memoryBytes: 64 << 20, processes: 8) else { return nil }
        defer { probe.remove() }
        return probe.unified ? "v2" : "v1"
    }()

    /// The controllers in use, e.g. `v1 (memory, pids, cpuacct)`.
    var description: String {
        unified ? "v2 (memory, pids, cpu)" : "v1 (" + folders.map { $0.deletingLastPathComponent().lastPathComponent }.sorted().joined(separator: ", ") + ")"
    }

    /// Kills every process in the groups, again and again until none is left (a process may fork
    /// while the first signals go out; the pids limit bounds how many it can make).
    func killAll() {
        for _ in 0..<200 {
            let pids = folders.flatMap { folder in
                (read(folder.appendingPathComponent("cgroup.procs")) ?? "").split(separator: "\n").compactMap { pid_t($0) }
            }
            if pids.isEmpty { return }
            for pid in Set(pids) { kill(pid, SIGKILL) }
            usleep(1_000)
        }
    }

    /// Removes the groups; call after every process in them has exited.
    func remove() {
        for folder in folders {
            for _ in 0..<50 {
                if rmdir(folder.path) == 0 || errno == ENOENT { break }
                usleep(2_000)
            }
        }
    }

    private func write(_ text: String, to file: URL) {
        try? text.write(to: file, atomically: false, encoding: .utf8)
    }

    private func read(_ file: URL) -> String? {
        (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
