// SeccompFilter: the system-call filter every sandboxed program (oracle and compiler) runs under.
import CConfinement

/// A classic-BPF seccomp program that refuses what no lab needs and allows the rest.
///
/// Refused with `EPERM`: reading or steering other processes (ptrace, process_vm_readv/writev,
/// kcmp, pidfd_getfd), keyrings, eBPF, perf events, userfaultfd, io_uring, every mount and
/// namespace call (and `clone` with a namespace flag), kexec and modules, clock, swap, reboot and
/// host-name changes, file handles, `TIOCSTI`/`TIOCLINUX` ioctls (typing into a terminal), and
/// sockets of any family but `AF_UNIX`. `clone3` gets `ENOSYS`: its flags sit behind a pointer a
/// filter cannot read, and the C library then falls back to `clone`, whose flags it can. A call
/// from another ABI (32-bit or x32 on x86_64) kills the process.
///
/// The system-call numbers come from this machine's kernel headers for the architecture labgrade
/// is built for (``CConfinement``), so the filter is right on x86_64, arm64 and the rest alike.
public struct SeccompFilter: Sendable, Equatable {
    /// One BPF instruction: `code`, jump offsets if true / false, and the constant `k`.
    public struct Instruction: Sendable, Equatable {
        public var code: UInt16
        public var jt: UInt8
        public var jf: UInt8
        public var k: UInt32
    }

    /// The program.
    public let instructions: [Instruction]

    /// The calls refused outright on this architecture, by name and number.
    public static var deniedCalls: [(name: String, number: Int)] {
        (0..<Int(labgrade_denied_syscall_count())).compactMap { index in
            let number = labgrade_denied_syscall_number(Int32(index))
            guard number >= 0 else { return nil }
            return (String(cString: labgrade_denied_syscall_name(Int32(index))), number)
        }
    }

    /// Whether a filter can be built here (the architecture is known).
    public static var isSupported: Bool { labgrade_audit_arch() != 0 }

    /// The labs' filter for this architecture.
    public static let labs = SeccompFilter(instructions: assembleLabs())

    /// Installs the filter on the calling thread and its future children (after `no_new_privs`).
    public func install() throws(ConfinementError) {
        guard SeccompFilter.isSupported else { throw .unsupported("seccomp: no audit architecture for this machine") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(instructions.count * 8)
        for instruction in instructions {
            withUnsafeBytes(of: instruction.code.littleEndian) { bytes += $0 }
            bytes += [instruction.jt, instruction.jf]
            withUnsafeBytes(of: instruction.k.littleEndian) { bytes += $0 }
        }
        let status = bytes.withUnsafeBytes { labgrade_install_seccomp($0.baseAddress, UInt16(instructions.count)) }
        guard status == 0 else { throw .system(call: "seccomp", errno: errnoValue()) }
    }

    // MARK: - Assembling

    /// Return values.
    static let allow: UInt32 = 0x7fff_0000
    static let killProcess: UInt32 = 0x8000_0000
    static func errno(_ code: Int32) -> UInt32 { 0x0005_0000 | (UInt32(code) & 0xffff) }

    private static func assembleLabs() -> [Instruction] {
        var program = Assembler()
        let arch = labgrade_audit_arch()
        program.load(offset: 4)  // seccomp_data.arch
        program.jumpIf(equal: arch, to: "native", otherwise: "kill")
        program.label("native")
        program.load(offset: 0)  // seccomp_data.nr
        let x32 = labgrade_x32_syscall_bit()
        if x32 != 0 { program.jumpIf(atLeast: x32, to: "kill", otherwise: nil) }
        for call in deniedCalls { program.jumpIf(equal: UInt32(call.number), to: "eperm", otherwise: nil) }
        if labgrade_syscall_clone3() >= 0 { program.jumpIf(equal: UInt32(labgrade_syscall_clone3()), to: "enosys", otherwise: nil) }
        program.jumpIf(equal: UInt32(labgrade_syscall_clone()), to: "clone", otherwise: nil)
        program.jumpIf(equal: UInt32(labgrade_syscall_socket()), to: "socket", otherwise: nil)
        program.jumpIf(equal: UInt32(labgrade_syscall_socketpair()), to: "socket", otherwise: nil)
        program.jumpIf(equal: UInt32(labgrade_syscall_ioctl()), to: "ioctl", otherwise: "allow")

        program.label("clone")
        program.load(offset: argument(0))  // the flags
        program.jumpIf(anyBitOf: labgrade_namespace_clone_flags(), to: "eperm", otherwise: "allow")
        program.label("socket")
        program.load(offset: argument(0))  // the family
        program.jumpIf(equal: 1 /* AF_UNIX */, to: "allow", otherwise: "eperm")
        program.label("ioctl")
        program.load(offset: argument(1))  // the request (the kernel reads 32 bits of it)
        program.jumpIf(equal: labgrade_tiocsti(), to: "eperm", otherwise: nil)
        program.jumpIf(equal: labgrade_tioclinux(), to: "eperm", otherwise: "allow")

        program.label("allow")
        program.ret(allow)
        program.label("eperm")
        program.ret(errno(1 /* EPERM */))
        program.label("enosys")
        program.ret(errno(38 /* ENOSYS */))
        program.label("kill")
        program.ret(killProcess)
        return program.resolved()
    }

    /// Where the low 32 bits of argument `index` sit in `seccomp_data` (`args` starts at 16).
    private static func argument(_ index: UInt32) -> UInt32 {
        #if _endian(big)
        return 16 + 8 * index + 4
        #else
        return 16 + 8 * index
        #endif
    }

    /// A tiny assembler: instructions with named jump targets, resolved to BPF's forward offsets.
    private struct Assembler {
        private enum Item {
            case fixed(Instruction)
            case jump(code: UInt16, k: UInt32, ifTrue: String, ifFalse: String?)
            case label(String)
        }
        private var items = [Item]()

        mutating func load(offset: UInt32) { items.append(.fixed(Instruction(code: 0x20, jt: 0, jf: 0, k: offset))) }  // BPF_LD|BPF_W|BPF_ABS
        mutating func ret(_ value: UInt32) { items.append(.fixed(Instruction(code: 0x06, jt: 0, jf: 0, k: value))) }  // BPF_RET|BPF_K
        mutating func label(_ name: String) { items.append(.label(name)) }
        mutating func jumpIf(equal value: UInt32, to target: String, otherwise: String?) {
            items.append(.jump(code: 0x15, k: value, ifTrue: target, ifFalse: otherwise))  // BPF_JMP|BPF_JEQ|BPF_K
        }
        mutating func jumpIf(atLeast value: UInt32, to target: String, otherwise: String?) {
            items.append(.jump(code: 0x35, k: value, ifTrue: target, ifFalse: otherwise))  // BPF_JMP|BPF_JGE|BPF_K
        }
        mutating func jumpIf(anyBitOf mask: UInt32, to target: String, otherwise: String?) {
            items.append(.jump(code: 0x45, k: mask, ifTrue: target, ifFalse: otherwise))  // BPF_JMP|BPF_JSET|BPF_K
        }

        /// The instructions with every jump's offset filled in; a missing `ifFalse` falls through.
        func resolved() -> [Instruction] {
            var positions = [String: Int]()
            var count = 0
            for item in items {
                if case .label(let name) = item { positions[name] = count } else { count += 1 }
            }
            var program = [Instruction]()
            for item in items {
                switch item {
                case .label: continue
                case .fixed(let instruction): program.append(instruction)
                case .jump(let code, let k, let ifTrue, let ifFalse):
                    let next = program.count + 1
                    let offset = { (label: String?) -> UInt8 in
                        guard let label else { return 0 }
                        let distance = positions[label]! - next
                        precondition((0...255).contains(distance), "seccomp jump to \(label) out of range")
                        return UInt8(distance)
                    }
                    program.append(Instruction(code: code, jt: offset(ifTrue), jf: offset(ifFalse), k: k))
                }
            }
            return program
        }
    }
}
