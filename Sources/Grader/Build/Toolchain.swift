// Toolchain: where the compiler, the built LabKit and the package sources are on this machine.
import Foundation
import Synchronization

/// Paths labgrade needs to build a submission: `swiftc`, the LabKit build products, the package root.
public struct Toolchain: Sendable, Hashable {
    /// The Swift compiler driver.
    public var swiftc: URL
    /// The build folder that holds `libLabKit.so` and `Modules/LabKit.swiftmodule`.
    public var products: URL
    /// The package root (for the C module maps and the assignments).
    public var packageRoot: URL

    /// Makes a toolchain description from explicit paths.
    public init(swiftc: URL, products: URL, packageRoot: URL) {
        self.swiftc = swiftc
        self.products = products
        self.packageRoot = packageRoot
    }

    /// The toolchain of this checkout: `swiftc` from `PATH` (or `/opt/swift`), products beside the
    /// running executable (or `LABGRADE_PRODUCTS`), the package root from `LABGRADE_ROOT` or this
    /// file's location.
    public static var current: Toolchain {
        let environment = ProcessInfo.processInfo.environment
        let root = environment["LABGRADE_ROOT"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let products = environment["LABGRADE_PRODUCTS"].map { URL(fileURLWithPath: $0) } ?? executable
        return Toolchain(swiftc: findSwiftc(environment["PATH"] ?? ""), products: products, packageRoot: root)
    }

    /// The compiler's version line (`Swift version 6.3.1 (swift-6.3.1-RELEASE)`), asked once per
    /// compiler and process (it costs a process start).
    public var versionLine: String {
        Toolchain.versions.withLock { known in
            if let version = known[swiftc] { return version }
            let result = try? Compiler.run(swiftc, ["--version"], in: FileManager.default.temporaryDirectory, timeout: 20)
            let version = result?.output.split(separator: "\n").first.map(String.init) ?? "unknown"
            known[swiftc] = version
            return version
        }
    }

    private static let versions = Mutex<[URL: String]>([:])

    /// The toolchain's folder: the one above `swiftc`'s `bin` (e.g. `/opt/swift/usr`), which the
    /// compiler needs whole (its frontend, Clang, the runtime and the standard library's modules).
    public var root: URL { swiftc.deletingLastPathComponent().deletingLastPathComponent() }

    /// The driver is found by name, not resolved: `swiftc` is a link to `swift-driver`, which
    /// decides what to be from the name it is called by.
    private static func findSwiftc(_ path: String) -> URL {
        let candidates = path.split(separator: ":").map { "\($0)/swiftc" } + ["/opt/swift/usr/bin/swiftc", "/usr/bin/swiftc"]
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/opt/swift/usr/bin/swiftc"
        return URL(fileURLWithPath: found)
    }

}
