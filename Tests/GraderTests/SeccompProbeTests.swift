// The system-call filter, seen from a program inside the sandbox: every call the filter refuses
// fails with EPERM (clone3 with ENOSYS) under bubblewrap and in limits-only mode alike, and a
// positive control shows the same calls are not refused by anything else.
import CConfinement
import Confinement
import Foundation
import XCTest

@testable import Grader

final class SeccompProbeTests: XCTestCase {
    /// A program that calls `syscall(2)` (reached through `dlsym`, as a student's code would) for
    /// each `name:number:arg…` argument and prints `name result errno`, then its seccomp mode.
    private static let probeSource = """
        import Glibc
        typealias Call = @convention(c) (Int, Int, Int, Int, Int, Int, Int) -> Int
        let call = unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "syscall"), to: Call.self)
        for request in CommandLine.arguments.dropFirst() {
            let parts = request.split(separator: ":")
            let values = parts.dropFirst().map { Int($0)! } + Array(repeating: 0, count: 6)
            errno = 0
            let result = call(values[0], values[1], values[2], values[3], values[4], values[5], values[6])
            print("\\(parts[0]) \\(result) \\(result < 0 ? errno : 0)")
        }
        var bytes = [UInt8](repeating: 0, count: 8192)
        let file = open("/proc/self/status", O_RDONLY)
        let count = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        let status = String(decoding: bytes.prefix(Swift.max(0, count)), as: UTF8.self)
        if let line = status.split(separator: "\\n").first(where: { $0.hasPrefix("Seccomp:") }) { print(line) }
        """

    /// Every refused call with harmless arguments (they never reach the kernel when refused),
    /// sockets of other families, a namespace clone, typing into a terminal, and clone3.
    private var refusedCalls: [String] {
        SeccompFilter.deniedCalls.map { "\($0.name):\($0.number)" } + [
            "socket-inet:\(labgrade_syscall_socket()):2:1:0", "socket-inet6:\(labgrade_syscall_socket()):10:2:0",
            "socketpair-inet:\(labgrade_syscall_socketpair()):2:1:0:0", "ioctl-tiocsti:\(labgrade_syscall_ioctl()):0:\(labgrade_tiocsti()):0",
            "clone-newuser:\(labgrade_syscall_clone()):\(0x1000_0000 | 17)",
        ] + (labgrade_syscall_clone3() >= 0 ? ["clone3:\(labgrade_syscall_clone3())"] : [])
    }

    /// Calls that unconfined succeed or fail for reasons of their own (never EPERM), but that the
    /// filter refuses: the positive control.
    private var controlCalls: [String] {
        let number = { (name: String) in SeccompFilter.deniedCalls.first { $0.name == name }!.number }
        return [
            "socket-inet:\(labgrade_syscall_socket()):2:1:0", "keyctl:\(number("keyctl")):0:-3:0",
            "io_uring_setup:\(number("io_uring_setup")):0:0", "ioctl-tiocsti:\(labgrade_syscall_ioctl()):0:\(labgrade_tiocsti()):0",
            "perf_event_open:\(number("perf_event_open")):0:0:0:-1:0",
        ]
    }

    private func probe(in scratch: URL) throws -> URL {
        let source = scratch.appendingPathComponent("probe.swift")
        try Self.probeSource.write(to: source, atomically: true, encoding: .utf8)
        let program = scratch.appendingPathComponent("probe")
        let result = try Compiler.run(GraderFixtures.toolchain.swiftc, ["-O", "-o", program.path, source.path], in: scratch, timeout: 300)
        XCTAssertEqual(result.status, 0, result.output)
        chmod(scratch.path, 0o755)
        return program
    }

    /// `name → (result, errno)` from the probe's output.
    private func parse(_ output: String) -> [String: (result: Int, errno: Int32)] {
        var found = [String: (Int, Int32)]()
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 3, let result = Int(fields[1]), let code = Int32(fields[2]) { found[String(fields[0])] = (result, code) }
        }
        return found
    }

    func testEveryRefusedCallFailsInsideTheSandboxInBothModes() throws {
        let scratch = try GraderFixtures.scratch(self)
        let program = try probe(in: scratch)
        for isolation in [Sandbox.Isolation.bubblewrap, .limitsOnly] {
            let runtime = try SandboxRuntime.shared(products: GraderFixtures.toolchain.products)
            if isolation == .bubblewrap && !runtime.bubblewrapWorks { continue }
            let user = try SandboxUser.borrow(locks: runtime.userLocks)
            defer { user?.release(helper: runtime.helper) }
            let sandbox = try Sandbox(limits: SandboxLimits(), products: GraderFixtures.toolchain.products, user: user, isolation: isolation)
            let run = try sandbox.run(
                Sandbox.Command(executable: program, arguments: refusedCalls, readable: [scratch], hostFolder: scratch.appendingPathComponent("box-\(isolation)")),
                timeout: 30)
            XCTAssertEqual(run.status, 0, run.output)
            XCTAssertTrue(run.output.contains("Seccomp:\t2"), "the filter is installed (\(isolation)): \(run.output)")
            let results = parse(run.output)
            let notRefused = refusedCalls.map { String($0.split(separator: ":")[0]) }.filter { call in
                results[call]?.result != -1 || results[call]?.errno != (call == "clone3" ? ENOSYS : EPERM)
            }
            XCTAssertEqual(notRefused, [], "not refused (\(isolation)):\n\(run.output)")
        }
    }

    func testWithoutTheFilterTheSameCallsAreNotRefused() throws {
        let scratch = try GraderFixtures.scratch(self)
        let program = try probe(in: scratch)
        let unconfined = try Compiler.run(program, controlCalls, in: scratch, timeout: 30)
        let confined = try Compiler.run(
            try SandboxRuntime.shared(products: GraderFixtures.toolchain.products).helper,
            ConfinementPlan(command: [program.path] + controlCalls).arguments, in: scratch, timeout: 30)
        XCTAssertTrue(unconfined.output.contains("Seccomp:\t0"), unconfined.output)
        XCTAssertTrue(confined.output.contains("Seccomp:\t2"), confined.output)
        let open = parse(unconfined.output), closed = parse(confined.output)
        for call in controlCalls.map({ String($0.split(separator: ":")[0]) }) {
            XCTAssertNotNil(open[call], "\(call): \(unconfined.output)")
            XCTAssertNotEqual(open[call]?.errno, EPERM, "\(call) is refused even without the filter, so the test proves nothing")
            XCTAssertEqual(closed[call]?.errno, EPERM, "\(call) under the filter: \(confined.output)")
        }
    }
}
