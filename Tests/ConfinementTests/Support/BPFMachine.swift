// A classic-BPF interpreter for seccomp programs: runs the filter on a made-up system call, so
// tests can ask what the kernel would decide without making the call.
import Confinement

/// The decision of a seccomp filter for one call.
struct BPFMachine {
    let program: [SeccompFilter.Instruction]

    /// Runs the program on `seccomp_data` built from `arch`, `nr` and `args`; returns the filter's value.
    func run(arch: UInt32, nr: Int, args: [UInt64] = []) -> UInt32 {
        var data = [UInt8](repeating: 0, count: 64)
        func put32(_ value: UInt32, at offset: Int) { for i in 0..<4 { data[offset + i] = UInt8((value >> (8 * UInt32(i))) & 0xff) } }
        put32(UInt32(truncatingIfNeeded: nr), at: 0)
        put32(arch, at: 4)
        for (index, argument) in args.prefix(6).enumerated() {
            put32(UInt32(truncatingIfNeeded: argument), at: 16 + 8 * index)
            put32(UInt32(truncatingIfNeeded: argument >> 32), at: 20 + 8 * index)
        }
        var accumulator: UInt32 = 0
        var pc = 0
        while pc < program.count {
            let instruction = program[pc]
            switch instruction.code {
            case 0x20:  // ld [k]
                let k = Int(instruction.k)
                accumulator = (0..<4).reduce(0) { $0 | UInt32(data[k + $1]) << (8 * UInt32($1)) }
                pc += 1
            case 0x06:  // ret k
                return instruction.k
            case 0x15, 0x35, 0x45:  // jeq, jge, jset
                let taken: Bool
                switch instruction.code {
                case 0x15: taken = accumulator == instruction.k
                case 0x35: taken = accumulator >= instruction.k
                default: taken = accumulator & instruction.k != 0
                }
                pc += 1 + Int(taken ? instruction.jt : instruction.jf)
            default:
                fatalError("instruction \(instruction.code) is not used by labgrade's filter")
            }
        }
        fatalError("the program fell off its end")
    }
}
