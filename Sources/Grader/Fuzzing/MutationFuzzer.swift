// MutationFuzzer: a seeded mutation fuzzer for the host's readers of untrusted bytes.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Feeds a target mutations of its seed inputs — bit flips, interesting bytes and 32-bit values
/// (0, 1, −1, 2³¹−1, lengths), insertions, deletions, repeated and spliced chunks, truncations —
/// from a seeded generator, so a run can be repeated exactly. A target either accepts an input
/// or rejects it with a message; a crash ends the process (and the run shows where), and the
/// report counts outcomes and the host's peak memory.
public struct MutationFuzzer: Sendable {
    /// One reader under test.
    public struct Target: Sendable {
        /// Its name in reports.
        public var name: String
        /// Valid inputs to start from.
        public var seeds: [[UInt8]]
        /// Reads one input: `nil` when accepted, else the rejection's message.
        public var run: @Sendable ([UInt8]) -> String?
        /// The largest input to try.
        public var maximumInput: Int

        public init(name: String, seeds: [[UInt8]], maximumInput: Int = 1 << 16, run: @escaping @Sendable ([UInt8]) -> String?) {
            self.name = name
            self.seeds = seeds
            self.maximumInput = maximumInput
            self.run = run
        }
    }

    /// What a run found.
    public struct Report: Sendable {
        public var target: String
        public var inputs: Int
        public var accepted: Int
        public var rejected: Int
        /// Rejections whose message was empty: unclear errors (must be 0).
        public var unclear: Int
        /// The most common rejection messages (their first words), with counts.
        public var messages: [(String, Int)]
        public var seconds: Double
        /// The process's peak resident memory after the run, MB.
        public var peakMegabytes: Int
    }

    /// Runs `iterations` mutated inputs of `target` from generator `seed`.
    public static func run(_ target: Target, iterations: Int, seed: UInt64) -> Report {
        var random = SplitMix(seed)
        var accepted = 0, rejected = 0, unclear = 0
        var messages = [String: Int]()
        let start = DispatchTime.now()
        for iteration in 0..<iterations {
            // Every seed unchanged first, then mutations of one to eight steps.
            let input = iteration < target.seeds.count ? target.seeds[iteration] : mutate(target, &random)
            if let message = target.run(input) {
                rejected += 1
                if message.trimmingCharacters(in: .whitespaces).isEmpty { unclear += 1 }
                messages[String(message.prefix(48)), default: 0] += 1
            } else {
                accepted += 1
            }
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Report(
            target: target.name, inputs: iterations, accepted: accepted, rejected: rejected, unclear: unclear,
            messages: messages.sorted { $0.value > $1.value }.prefix(8).map { ($0.key, $0.value) },
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
            peakMegabytes: Int(usage.ru_maxrss) / 1024)
    }

    private static func mutate(_ target: Target, _ random: inout SplitMix) -> [UInt8] {
        var input = target.seeds[random.below(target.seeds.count)]
        for _ in 0..<(1 + random.below(8)) {
            let position = input.isEmpty ? 0 : random.below(input.count)
            switch random.below(9) {
            case 0 where !input.isEmpty:
                input[position] ^= UInt8(1) << UInt8(random.below(8))
            case 1 where !input.isEmpty:
                input[position] = [0, 0xff, 0x7f, 0x80, 0x20, 0x2f, 0x2e, 0x0a][random.below(8)]
            case 2 where input.count >= 4:
                let at = random.below(input.count - 3)
                let values: [UInt32] = [0, 1, 0xffff_ffff, 0x7fff_ffff, 0x8000_0000, UInt32(input.count), UInt32(truncatingIfNeeded: random.next())]
                let value = values[random.below(values.count)]
                for k in 0..<4 { input[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            case 3:
                let bytes = (0..<(1 + random.below(16))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                input.insert(contentsOf: bytes, at: position)
            case 4 where !input.isEmpty:
                input.removeSubrange(position..<Swift.min(input.count, position + 1 + random.below(32)))
            case 5 where !input.isEmpty:
                let end = Swift.min(input.count, position + 1 + random.below(64))
                input.insert(contentsOf: input[position..<end], at: random.below(input.count))
            case 6 where !input.isEmpty:
                input.removeSubrange(random.below(input.count)...)
            case 7:
                let other = target.seeds[random.below(target.seeds.count)]
                if !other.isEmpty { input = Array(input.prefix(position)) + other[random.below(other.count)...] }
            default:
                if !input.isEmpty { input[position] = UInt8(truncatingIfNeeded: random.next()) }
            }
            if input.count > target.maximumInput { input.removeSubrange(target.maximumInput...) }
        }
        return input
    }
}

/// SplitMix64: a small, fast, seeded generator (Steele, Lea and Flood, 2014).
struct SplitMix {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
