// CompileOverhead: what confining the compiler costs, measured on a real submission.
import Foundation

/// Compiles one submission with the grading's exact compiler arguments, alternately unconfined
/// and in the sandbox gradings use (bubblewrap or limits-only, with the grading's own user when
/// labgrade runs as root), so both see the same machine state; `labgrade-bench sandbox` prints it.
public enum CompileOverhead {
    /// Wall seconds of each run, in the order they ran.
    public struct Times: Sendable {
        public var unconfined: [Double]
        public var sandboxed: [Double]
        /// The sandbox's layers, as reports state them.
        public var layers: String
    }

    /// Compiles the Swift files of `submission` (with the assignment's entry point) `repeats` times each way.
    public static func measure(_ submission: URL, assignment: Assignment, repeats: Int, toolchain: Toolchain = .current) throws -> Times {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labgrade-overhead-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { FileTree.remove(scratch) }
        let runtime = try SandboxRuntime.shared(products: toolchain.products)
        let user = try SandboxUser.borrow(locks: runtime.userLocks)
        defer { user?.release(helper: runtime.helper) }
        let sandbox = try Sandbox(limits: assignment.limits.compiler, products: toolchain.products, user: user)
        let source = try SubmissionSource.collect(submission, into: scratch)
        let sdk = try StudentSDK.prepare(toolchain: toolchain, cache: StudentSDK.defaultCache(toolchain))
        let entry = scratch.appendingPathComponent("entry")
        let bin = scratch.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try "import LabKit\nOracleLoop.serve(\(assignment.responder)(\(assignment.entryType)()))\n"
            .write(to: entry.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        sandbox.handOver([scratch])
        let arguments = sdk.compilerArguments(
            output: bin.appendingPathComponent("oracle"), sources: [entry.appendingPathComponent("main.swift").path] + source.files)
        var times = Times(unconfined: [], sandboxed: [], layers: sandbox.layers.summary)
        for _ in 0..<repeats {
            let plain = try Compiler.run(toolchain.swiftc, arguments, in: source.folder, timeout: 300)
            guard plain.status == 0 else { throw BuildError.sdkWarmupFailed(plain.output) }
            times.unconfined.append(plain.seconds)
            let command = Sandbox.Command(
                executable: toolchain.swiftc, arguments: arguments, readable: [toolchain.root, sdk.root, source.folder, entry],
                writable: [bin], workingDirectory: source.folder, hostFolder: scratch.appendingPathComponent("compiler"))
            let confined = try sandbox.run(command, timeout: 300)
            guard confined.status == 0 else { throw BuildError.sdkWarmupFailed(confined.output) }
            times.sandboxed.append(confined.seconds)
        }
        return times
    }
}
