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

    /// Where gradings keep the SDK of `toolchain`'s LabKit build: in the sandbox's runtime folder,
    /// outside the checkout, where every sandbox user may read it.
    public static func defaultCache(_ toolchain: Toolchain) throws -> URL {
        try SandboxRuntime.shared(products: toolchain.products).folder.appendingPathComponent("sdk")
    }

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
        // How an SDK is laid out and warmed: a new layout gets new folders, never a stale cache.
        hasher.add("layout 2: warmed by a full build, readable by all")
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

    /// The compiler's arguments for a program built from `sources` against this SDK, written to
    /// `output`. Warming uses the very same, so the module cache it fills is the one gradings read
    /// (the cache's folder is a hash of these options).
    func compilerArguments(output: URL, sources: [String]) -> [String] {
        [
            "-O", "-wmo", "-module-name", "Submission", "-module-cache-path", moduleCache.path,
            "-I", modules.path, "-L", libraries.path, "-lLabKit",
            "-Xlinker", "-rpath", "-Xlinker", libraries.path, "-suppress-warnings", "-o", output.path,
        ] + sources
    }

    /// Fills the module cache by building a program that imports every warmed module, then makes
    /// the whole SDK readable by all: the compiler reads it as the grading's own user, and never
    /// writes to it.
    private func warm(_ toolchain: Toolchain) throws {
        let source = root.appendingPathComponent("warm.swift")
        let program = root.appendingPathComponent("warm")
        try StudentSDK.warmedImports.map { "import \($0)\n" }.joined().write(to: source, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: program)
        }
        let result = try Compiler.run(toolchain.swiftc, compilerArguments(output: program, sources: [source.path]), in: root, timeout: 300)
        guard result.status == 0 else { throw BuildError.sdkWarmupFailed(result.output) }
        StudentSDK.makeReadableByAll(root.path)
    }

    /// Folders 0755, files 0644 (0755 when executable), never following a link.
    private static func makeReadableByAll(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            chmod(path, 0o755)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { makeReadableByAll(path + "/" + name) }
        case S_IFREG:
            chmod(path, info.st_mode & 0o100 != 0 ? 0o755 : 0o644)
        default:
            break
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
