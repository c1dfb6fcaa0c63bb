// BLASConfiguration: which OpenBLAS build LabKit runs on, and how many threads it uses.
import Foundation
internal import COpenBLAS

/// The OpenBLAS library behind ``Matrix/dot(_:)`` and the LAPACK solves.
public enum BLASConfiguration {
    /// OpenBLAS's build description, e.g. `OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH … Haswell`.
    public static var buildDescription: String { String(cString: openblas_get_config()) }

    /// The CPU kernel OpenBLAS chose at start-up, e.g. `Haswell` or `SkylakeX`.
    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// The kernel and how it was chosen, as reports name it: `Cooperlake kernel (chosen by
    /// labgrade; OpenBLAS alone took Prescott)`, `Haswell kernel (OPENBLAS_CORETYPE)` or `Haswell kernel`.
    public static var kernelDescription: String {
        if let replaced = BLASKernel.replacedFallback { return "\(coreName) kernel (chosen by labgrade; OpenBLAS alone took \(replaced))" }
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil { return "\(coreName) kernel (OPENBLAS_CORETYPE)" }
        return "\(coreName) kernel"
    }

    /// Threads a product may use; set by `OPENBLAS_NUM_THREADS` at start-up.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// Changes the thread count for the rest of the process. Results may differ in the last bits
    /// between thread counts, because sums are split differently.
    public static func setThreads(_ count: Int) {
        openblas_set_num_threads(Int32(count))
    }
}
