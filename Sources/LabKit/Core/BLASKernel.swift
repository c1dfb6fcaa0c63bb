// BLASKernel: choosing the OpenBLAS kernels this CPU deserves when the library's own detection
// falls back to older ones (OpenBLAS 0.3.21 does not know recent Xeons and takes Prescott's).
import Foundation
internal import COpenBLAS

#if canImport(Glibc)
import Glibc
#endif

/// Which OpenBLAS kernel family to run, read off the CPU's features.
///
/// OpenBLAS picks its kernels once, when it is loaded, from `OPENBLAS_CORETYPE` or its own CPU
/// detection; so the choice must be in the environment before the process starts. A program
/// calls ``restartWithBetterKernelsIfNeeded()`` first thing in `main`: when the library chose an
/// older family than the CPU supports (and the user set no `OPENBLAS_CORETYPE`, which always
/// wins), it runs itself again, once, with the better family set. Child processes inherit it.
public enum BLASKernel {
    /// What the decision reads about a CPU: its vendor and its feature flags, as `/proc/cpuinfo` lists them.
    public struct CPU: Sendable, Equatable {
        public var vendor: String
        public var flags: Set<String>

        public init(vendor: String, flags: Set<String>) {
            self.vendor = vendor
            self.flags = flags
        }

        /// The first processor of a `/proc/cpuinfo` text; `nil` without a `flags` line (not x86).
        public init?(cpuinfo: String) {
            var vendor = "", flags: Set<String>?
            for line in cpuinfo.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                if parts[0] == "vendor_id" && vendor.isEmpty { vendor = parts[1] }
                if parts[0] == "flags" && flags == nil { flags = Set(parts[1].split(separator: " ").map(String.init)) }
            }
            guard let flags else { return nil }
            self.init(vendor: vendor, flags: flags)
        }

        /// This machine's CPU, when `/proc/cpuinfo` describes an x86 one.
        public static var current: CPU? {
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)).flatMap { CPU(cpuinfo: $0) }
        }
    }

    /// x86-64 kernel families from the oldest to the newest, as `OPENBLAS_CORETYPE` names them.
    static let ladder = ["PRESCOTT", "CORE2", "PENRYN", "DUNNINGTON", "NEHALEM", "SANDYBRIDGE", "HASWELL", "ZEN", "SKYLAKEX", "COOPERLAKE", "SAPPHIRERAPIDS"]

    /// The newest family that `cpu` runs and the library `offers`: AVX-512 F/DQ/BW/VL → SkylakeX
    /// (Cooperlake with BF16), AVX2 + FMA → Haswell (Zen on AMD), AVX → Sandy Bridge,
    /// SSE4.2 → Nehalem; `nil` for anything older or unknown.
    public static func preferred(for cpu: CPU, offers: (String) -> Bool) -> String? {
        let f = cpu.flags
        var candidates = [String]()
        if ["avx512f", "avx512dq", "avx512bw", "avx512vl"].allSatisfy(f.contains) {
            if f.contains("avx512_bf16") { candidates.append("COOPERLAKE") }
            candidates.append("SKYLAKEX")
        }
        if f.contains("avx2") && f.contains("fma") {
            if cpu.vendor == "AuthenticAMD" || cpu.vendor == "HygonGenuine" { candidates.append("ZEN") }
            candidates.append("HASWELL")
        }
        if f.contains("avx") { candidates.append("SANDYBRIDGE") }
        if f.contains("sse4_2") { candidates.append("NEHALEM") }
        return candidates.first(where: offers)
    }

    /// The family to ask for instead of `current` (the library's own choice, e.g. `Prescott`),
    /// or `nil` to leave it: when the user set `OPENBLAS_CORETYPE`, or `current` is as new as
    /// what the CPU supports.
    public static func replacement(for current: String, cpu: CPU?, environment: [String: String], offers: (String) -> Bool) -> String? {
        guard environment["OPENBLAS_CORETYPE"] == nil, let cpu, let better = preferred(for: cpu, offers: offers) else { return nil }
        let rank = { (name: String) in ladder.firstIndex(of: name.uppercased()) ?? 0 }
        return rank(better) > rank(current) ? better : nil
    }

    /// Whether this process's OpenBLAS has kernels for `family` (its `gotoblas_<FAMILY>` table).
    public static func libraryOffers(_ family: String) -> Bool {
        dlsym(dlopen(nil, RTLD_NOW), "gotoblas_\(family)") != nil
    }

    /// The family this process's CPU deserves and its OpenBLAS did not choose, if any.
    public static var fallbackReplacement: String? {
        replacement(
            for: String(cString: openblas_get_corename()), cpu: CPU.current, environment: ProcessInfo.processInfo.environment,
            offers: libraryOffers)
    }

    /// Runs this program again, with the same arguments and `OPENBLAS_CORETYPE` set to
    /// ``fallbackReplacement``, when there is one; returns when there is none (or the restart fails).
    public static func restartWithBetterKernelsIfNeeded() {
        guard let family = fallbackReplacement else { return }
        setenv("OPENBLAS_CORETYPE", family, 1)
        setenv("LABGRADE_BLAS_FALLBACK", String(cString: openblas_get_corename()), 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }

    /// What the library chose by itself before labgrade restarted with better kernels (`Prescott`), or `nil`.
    public static var replacedFallback: String? { ProcessInfo.processInfo.environment["LABGRADE_BLAS_FALLBACK"] }
}
