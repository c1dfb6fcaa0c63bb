// StudentSDK: the folder student code is compiled against — LabKit only, never Reference or Grader.
import Foundation

/// LabKit's interface and library, the C module maps it needs, and a warmed module cache.
///
/// Built once per distinct LabKit build and reused: its folder name is a hash of everything in it,
/// so a rebuilt LabKit gets a fresh SDK; a lock file beside it lets one builder (thread or process)
/// make it while the others wait, and `ready` marks it finished.
public struct StudentSDK: Sendable, Hashable {
    /// The SDK folder (canonical path: the module cache is tied to the path it was made at).
    public let root: URL

    /// `-I` folder: `LabKit.swiftmodule` and the `COpenBLAS`/`CZlib` module maps.
    public var modules: URL { root.appendingPathComponent("modules") }
    /// `-L` folder: `libLabKit.so`.
    public var libraries: URL { root.appendingPathComponent("lib") }
    /// Clang/Swift module cache, warmed for LabKit, Foundation, Glibc, Dispatch and Synchronization.
    public var moduleCache: URL { root.appendingPathComponent("module-cache") }

    /// The modules a student may import without touching the (read-only) cache.
    static let warmedImports = ["LabKit", "Foundation", "Glibc", "Dispatch", "Synchronization"]

    /// Returns the SDK for the current LabKit build under `cache`, building it when missing.
    public static func prepare(toolchain: Toolchain, cache: URL) throws -> StudentSDK {
        let sources = try inputs(toolchain)
        let manager = FileManager.default
        try manager.createDirectory(at: cache, withIntermediateDirectories: true)
        let root = try folder(toolchain: toolchain, cache: cache, sources: sources)
        let ready = root.appendingPathComponent("ready")
        if manager.fileExists(atPath: ready.path) { return StudentSDK(root: root) }
        // One builder at a time, across processes too (two `labgrade` commands started together on
        // a fresh checkout): the second waits, then finds the first one's SDK ready.
        let lock = try FileLock.acquire(lockFile(of: root))
        defer { lock.release() }
        if manager.fileExists(atPath: ready.path) { return StudentSDK(root: root) }

        let staging = root.deletingLastPathComponent().appendingPathComponent("staging-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        for (name, file) in sources {
            let target = staging.appendingPathComponent(name)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: file, to: target)
        }
        // Warm the cache at its final path: the cache records absolute paths.
        if manager.fileExists(atPath: root.path) { try manager.removeItem(at: root) }
        try manager.moveItem(at: staging, to: root)
        let sdk = StudentSDK(root: root)
        try sdk.warm(toolchain)
        try Data().write(to: ready)
        return sdk
    }

    /// Where the SDK of this LabKit build lives under `cache`: `sdk-<hash of its files>`, on the
    /// canonical path (its lock file is the same path with `.lock`).
    static func folder(toolchain: Toolchain, cache: URL, sources: [String: URL]? = nil) throws -> URL {
        var hasher = ContentHash()
        hasher.add(toolchain.swiftc.path)
        for (name, file) in try (sources ?? inputs(toolchain)).sorted(by: { $0.key < $1.key }) {
            hasher.add(name)
            hasher.add(try Data(contentsOf: file))
        }
        return cache.resolvingSymlinksInPath().appendingPathComponent("sdk-\(hasher.hex)", isDirectory: true)
    }

    /// The lock file of the SDK at `root`: beside it, `<name>.lock`.
    static func lockFile(of root: URL) -> URL {
        root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + ".lock", isDirectory: false)
    }

    /// The files an SDK is made of, by their path inside it.
    private static func inputs(_ toolchain: Toolchain) throws -> [String: URL] {
        let products = toolchain.products
        var files = [
            "modules/LabKit.swiftmodule": products.appendingPathComponent("Modules/LabKit.swiftmodule"),
            "lib/libLabKit.so": products.appendingPathComponent("libLabKit.so"),
        ]
        for module in ["COpenBLAS", "CZlib"] {
            for file in ["module.modulemap", "shim.h"] {
                files["modules/\(module)/\(file)"] = toolchain.packageRoot.appendingPathComponent("Sources/\(module)/\(file)")
            }
        }
        for (name, file) in files where !FileManager.default.fileExists(atPath: file.path) {
            throw BuildError.missingProduct(name: name, path: file.path)
        }
        return files
    }

    private func warm(_ toolchain: Toolchain) throws {
        let source = root.appendingPathComponent("warm.swift")
        try StudentSDK.warmedImports.map { "import \($0)\n" }.joined().write(to: source, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: source) }
        for optimisation in ["-O", "-Onone"] {
            let result = try Compiler.run(
                toolchain.swiftc,
                [optimisation, "-wmo", "-typecheck", "-module-cache-path", moduleCache.path, "-I", modules.path, source.path],
                in: root, timeout: 300)
            guard result.status == 0 else { throw BuildError.sdkWarmupFailed(result.output) }
        }
    }
}

/// FNV-1a over bytes: a cache key, not a security measure.
struct ContentHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for byte in data {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
    }

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    var hex: String { String(state, radix: 16) }
}
