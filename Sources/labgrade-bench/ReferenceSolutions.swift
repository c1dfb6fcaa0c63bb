// ReferenceSolutions: where each assignment's reference solution lives in the checkout.
import Foundation

/// The folder under `reference/` of each lab the benchmarks grade.
enum ReferenceSolutions {
    static let folders = ["dtu-02456-ex1": "DTU", "ece285-a1": "ECE285", "hlcv-ex2": "HLCV", "uu-1rt720-lab1": "Uppsala", "vu-dl-a1": "VU"]

    /// `reference/<Lab>/Solution` of `assignment` under `root`, or `nil` for an assignment without one.
    static func solution(of assignment: String, root: URL) -> URL? {
        folders[assignment].map { root.appendingPathComponent("reference/\($0)/Solution") }
    }
}
