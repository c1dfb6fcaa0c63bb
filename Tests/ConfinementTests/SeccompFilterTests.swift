// The seccomp filter's decisions, read off the program itself by an interpreter: what is refused,
// what is allowed, and how calls from another ABI end.
import CConfinement
import Confinement
import XCTest

final class SeccompFilterTests: XCTestCase {
    private let machine = BPFMachine(program: SeccompFilter.labs.instructions)
    private let arch = labgrade_audit_arch()
    private let allow: UInt32 = 0x7fff_0000
    private let eperm: UInt32 = 0x0005_0001
    private let enosys: UInt32 = 0x0005_0026
    private let kill: UInt32 = 0x8000_0000

    func testEveryCallTheIssueNamesIsRefusedWithEPERM() {
        let names = Set(SeccompFilter.deniedCalls.map(\.name))
        for name in [
            "ptrace", "process_vm_readv", "process_vm_writev", "keyctl", "bpf", "perf_event_open", "io_uring_setup",
            "io_uring_enter", "io_uring_register", "mount", "umount2", "unshare", "setns", "kexec_load",
        ] {
            XCTAssertTrue(names.contains(name), "\(name) is not refused")
        }
        for call in SeccompFilter.deniedCalls {
            XCTAssertEqual(machine.run(arch: arch, nr: call.number), eperm, call.name)
        }
    }

    func testOrdinaryCallsAreAllowed() {
        // read, write, mmap and friends: every number below 512 that is not refused or inspected.
        let refused = Set(SeccompFilter.deniedCalls.map(\.number))
        let inspected = Set([labgrade_syscall_clone(), labgrade_syscall_clone3(), labgrade_syscall_socket(), labgrade_syscall_socketpair(), labgrade_syscall_ioctl()].map { Int($0) })
        for nr in 0..<512 where !refused.contains(nr) && !inspected.contains(nr) {
            XCTAssertEqual(machine.run(arch: arch, nr: nr), allow, "call \(nr)")
        }
    }

    func testCloneIsAllowedForThreadsAndProcessesButNotForNamespaces() {
        let clone = Int(labgrade_syscall_clone())
        let thread: UInt64 = 0x3d0f00  // CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID
        XCTAssertEqual(machine.run(arch: arch, nr: clone, args: [thread]), allow)
        XCTAssertEqual(machine.run(arch: arch, nr: clone, args: [17]), allow, "fork: SIGCHLD only")
        XCTAssertEqual(machine.run(arch: arch, nr: clone, args: [0x1000_0000 | 17]), eperm, "CLONE_NEWUSER")
        XCTAssertEqual(machine.run(arch: arch, nr: clone, args: [0x2000_0000 | 17]), eperm, "CLONE_NEWPID")
        XCTAssertEqual(machine.run(arch: arch, nr: clone, args: [0x4000_0000 | 17]), eperm, "CLONE_NEWNET")
    }

    func testClone3AnswersENOSYSSoTheCLibraryFallsBackToClone() throws {
        try XCTSkipIf(labgrade_syscall_clone3() < 0, "no clone3 on this architecture")
        XCTAssertEqual(machine.run(arch: arch, nr: Int(labgrade_syscall_clone3())), enosys)
    }

    func testOnlyUnixSocketsMayBeMade() {
        for call in [labgrade_syscall_socket(), labgrade_syscall_socketpair()].map({ Int($0) }) {
            XCTAssertEqual(machine.run(arch: arch, nr: call, args: [1, 1, 0]), allow, "AF_UNIX")
            XCTAssertEqual(machine.run(arch: arch, nr: call, args: [2, 1, 0]), eperm, "AF_INET")
            XCTAssertEqual(machine.run(arch: arch, nr: call, args: [10, 1, 0]), eperm, "AF_INET6")
            XCTAssertEqual(machine.run(arch: arch, nr: call, args: [16, 3, 0]), eperm, "AF_NETLINK")
            XCTAssertEqual(machine.run(arch: arch, nr: call, args: [0x1_0000_0001, 1, 0]), allow, "the kernel reads 32 bits: AF_UNIX")
        }
    }

    func testTypingIntoATerminalIsRefusedButOtherIoctlsAreNot() {
        let ioctl = Int(labgrade_syscall_ioctl())
        XCTAssertEqual(machine.run(arch: arch, nr: ioctl, args: [0, UInt64(labgrade_tiocsti())]), eperm)
        XCTAssertEqual(machine.run(arch: arch, nr: ioctl, args: [0, 0xffff_ffff_0000_0000 | UInt64(labgrade_tiocsti())]), eperm, "high bits ignored")
        XCTAssertEqual(machine.run(arch: arch, nr: ioctl, args: [0, UInt64(labgrade_tioclinux())]), eperm)
        XCTAssertEqual(machine.run(arch: arch, nr: ioctl, args: [0, 0x5401 /* TCGETS */]), allow)
    }

    func testCallsFromAnotherArchitectureKillTheProcess() {
        XCTAssertEqual(machine.run(arch: 0x4000_0003 /* AUDIT_ARCH_I386 */, nr: 0), kill)
        let x32 = labgrade_x32_syscall_bit()
        if x32 != 0 { XCTAssertEqual(machine.run(arch: arch, nr: Int(x32) | 1), kill) }
    }

    func testTheFilterIsBuiltForThisMachine() {
        XCTAssertTrue(SeccompFilter.isSupported)
        XCTAssertGreaterThan(SeccompFilter.deniedCalls.count, 40)
        XCTAssertEqual(Set(SeccompFilter.deniedCalls.map(\.number)).count, SeccompFilter.deniedCalls.count, "no number twice")
    }
}
