// OracleCache: compiled oracles by the exact inputs of their compile, so a regrade skips the compiler.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A content-addressed cache of compiler runs: what a `swiftc` run on the same files (names and
/// bytes), entry point, student SDK, compiler version and flags produced — the program, or the
/// diagnostics of a failed compile — kept so that grading the same submission again (a regrade
/// after a grader change, `labgrade check` run twice) costs only the checks.
///
/// An entry is never trusted on its name alone: the name is a hash, but the entry also holds
/// its whole key, compared byte for byte, and its program's size and checksum, compared before it
/// is used; an entry that fails either is removed and the compile runs again. The cache is
/// bounded (`LABGRADE_ORACLE_CACHE_MB`, default 2048) and evicts the least recently used entries;
/// entries are written to a temporary folder and renamed into place under an exclusive lock, so
/// processes that grade at once share it safely. It is readable by labgrade's user alone: it
/// holds other students' programs.
public struct OracleCache: Sendable {
    /// The cache's folder.
    public let folder: URL
    /// The most bytes it keeps.
    public let capacity: Int

    /// What a cached compile produced.
    enum Outcome: Equatable {
        case program(URL)
        case failed(diagnostics: String)
    }

    /// The cache under `folder` with room for `capacity` bytes.
    public init(folder: URL, capacity: Int) {
        self.folder = folder
        self.capacity = capacity
    }

    /// The cache gradings use: in the sandbox's runtime folder, unless `LABGRADE_ORACLE_CACHE=off`.
    static func standard(products: URL) throws -> OracleCache? {
        let environment = ProcessInfo.processInfo.environment
        guard environment["LABGRADE_ORACLE_CACHE"] != "off" else { return nil }
        let megabytes = environment["LABGRADE_ORACLE_CACHE_MB"].flatMap { Int($0) } ?? 2048
        return OracleCache(folder: try SandboxRuntime.shared(products: products).folder.appendingPathComponent("oracles"), capacity: megabytes << 20)
    }

    /// The key of a compile: every input that decides its outcome, in one byte string.
    static func key(files: [(name: String, contents: Data)], arguments: [String], compiler: String) -> Data {
        var key = Data("labgrade oracle cache 1\ncompiler \(compiler)\n".utf8)
        for argument in arguments { key += Data("argument \(argument.utf8.count) \(argument)\n".utf8) }
        for file in files.sorted(by: { $0.name < $1.name }) {
            key += Data("file \(file.name.utf8.count) \(file.name) \(file.contents.count)\n".utf8) + file.contents + Data("\n".utf8)
        }
        return key
    }

    /// The outcome stored for `key`, with the program copied to `program` when there is one; `nil`
    /// on a miss (or an entry that failed its checks, which is removed).
    func lookup(_ key: Data, program: URL) -> Outcome? {
        locked { () -> Outcome? in
            let entry = self.entry(for: key)
            guard let stored = try? Data(contentsOf: entry.appendingPathComponent("key")), stored == key,
                let summary = try? String(contentsOf: entry.appendingPathComponent("outcome"), encoding: .utf8)
            else { return nil }
            // Marks the entry used now: eviction goes by this time.
            try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: entry.path)
            if summary.hasPrefix("failed\n") { return .failed(diagnostics: String(summary.dropFirst(7))) }
            let fields = summary.split(separator: " ")
            guard fields.count == 3, fields[0] == "program", let size = Int(fields[1]),
                let binary = try? Data(contentsOf: entry.appendingPathComponent("oracle")), binary.count == size,
                OracleCache.checksum(binary) == String(fields[2])
            else {
                FileTree.remove(entry)
                return nil
            }
            guard (try? binary.write(to: program)) != nil else { return nil }
            chmod(program.path, 0o755)
            return .program(program)
        }
    }

    /// Stores what the compile for `key` produced, then evicts old entries beyond the capacity.
    func store(_ key: Data, outcome: Outcome) {
        _ = locked { () -> Void? in
            let temporary = folder.appendingPathComponent(".new-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
                try key.write(to: temporary.appendingPathComponent("key"))
                switch outcome {
                case .program(let program):
                    let binary = try Data(contentsOf: program)
                    try binary.write(to: temporary.appendingPathComponent("oracle"))
                    try "program \(binary.count) \(OracleCache.checksum(binary))".write(
                        to: temporary.appendingPathComponent("outcome"), atomically: false, encoding: .utf8)
                case .failed(let diagnostics):
                    try ("failed\n" + diagnostics).write(to: temporary.appendingPathComponent("outcome"), atomically: false, encoding: .utf8)
                }
                let entry = self.entry(for: key)
                FileTree.remove(entry)
                guard rename(temporary.path, entry.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                FileTree.remove(temporary)
            }
            evict()
            return ()
        }
    }

    /// Removes the least recently used entries until the cache fits its capacity.
    private func evict() {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        var entries = names.map { name -> (URL, Date, Int) in
            let entry = folder.appendingPathComponent(name)
            let used = (try? manager.attributesOfItem(atPath: entry.path)[.modificationDate] as? Date) ?? .distantPast
            let size = ((try? manager.contentsOfDirectory(atPath: entry.path)) ?? []).reduce(0) { total, file in
                total + ((try? manager.attributesOfItem(atPath: entry.appendingPathComponent(file).path)[.size] as? Int) ?? 0)
            }
            return (entry, used, size)
        }
        var total = entries.reduce(0) { $0 + $1.2 }
        entries.sort { $0.1 < $1.1 }
        for (entry, _, size) in entries where total > capacity {
            FileTree.remove(entry)
            total -= size
        }
    }

    private func entry(for key: Data) -> URL {
        var hash = ContentHash()
        hash.add(key)
        return folder.appendingPathComponent(hash.hex)
    }

    /// Runs `body` holding the cache's lock (the folder made owner-only on first use); `nil`
    /// without running it when the cache cannot be used (then nothing is cached).
    private func locked<T>(_ body: () -> T?) -> T? {
        guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST,
            let lock = try? FileLock.acquire(folder.appendingPathComponent(".lock"))
        else { return nil }
        defer { lock.release() }
        return body()
    }

    /// A checksum of a cached program (against a truncated or damaged file, not an adversary:
    /// only labgrade writes the cache).
    static func checksum(_ data: Data) -> String {
        var hash = ContentHash()
        hash.add(data)
        return hash.hex
    }
}
