// StudentSDK: built once per LabKit build, by one builder at a time across threads and processes.
import Foundation
import XCTest

@testable import Grader

final class StudentSDKTests: XCTestCase {
    func testBuildersStartingTogetherGetOneReadySDKThatCompilesAProgram() throws {
        let cache = try GraderFixtures.scratch(self).appendingPathComponent("sdk-cache")
        let roots = Roots()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            roots.add(Result { try StudentSDK.prepare(toolchain: GraderFixtures.toolchain, cache: cache).root })
        }
        let built = try roots.all.map { try $0.get() }
        XCTAssertEqual(Set(built).count, 1, "every builder got the same SDK")
        let sdk = StudentSDK(root: built[0])
        XCTAssertTrue(FileManager.default.fileExists(atPath: sdk.root.appendingPathComponent("ready").path))
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.resolvingSymlinksInPath().path).sorted()
        XCTAssertEqual(left, [built[0].lastPathComponent, built[0].lastPathComponent + ".lock"], "no second copy, no staging left")

        let program = cache.deletingLastPathComponent().appendingPathComponent("main.swift")
        try "import LabKit\nprint(Matrix.zeros(rows: 2, cols: 3).shapeDescription)\n".write(to: program, atomically: true, encoding: .utf8)
        let output = cache.deletingLastPathComponent().appendingPathComponent("shape")
        let compiled = try Compiler.run(
            GraderFixtures.toolchain.swiftc,
            ["-module-cache-path", sdk.moduleCache.path, "-I", sdk.modules.path, "-L", sdk.libraries.path, "-lLabKit",
             "-Xlinker", "-rpath", "-Xlinker", sdk.libraries.path, program.path, "-o", output.path],
            in: cache.deletingLastPathComponent(), timeout: 120)
        XCTAssertEqual(compiled.status, 0, compiled.output)
    }

    func testABuilderWaitsWhileAnotherProcessHoldsTheSDKsLock() throws {
        let scratch = try GraderFixtures.scratch(self)
        let cache = scratch.appendingPathComponent("sdk-cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let root = try StudentSDK.folder(toolchain: GraderFixtures.toolchain, cache: cache)
        let (held, seen) = (scratch.appendingPathComponent("held"), scratch.appendingPathComponent("seen"))
        // Another process takes the lock, says so, and while still holding it lists the cache.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [StudentSDK.lockFile(of: root).path, "/bin/sh", "-c",
                            "touch '\(held.path)'; sleep 0.5; ls '\(cache.path)' > '\(seen.path)'"]
        try holder.run()
        while !FileManager.default.fileExists(atPath: held.path) { usleep(10_000) }

        let sdk = try StudentSDK.prepare(toolchain: GraderFixtures.toolchain, cache: cache)
        holder.waitUntilExit()
        XCTAssertEqual(sdk.root, root)
        let listed = try String(contentsOf: seen, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(listed, [root.lastPathComponent + ".lock"], "nothing was built while the other process held the lock")
    }
}

/// Results gathered from concurrent builders.
private final class Roots: @unchecked Sendable {
    private let lock = NSLock()
    private var results = [Result<URL, any Error>]()

    func add(_ result: Result<URL, any Error>) { lock.withLock { results.append(result) } }

    var all: [Result<URL, any Error>] { lock.withLock { results } }
}
