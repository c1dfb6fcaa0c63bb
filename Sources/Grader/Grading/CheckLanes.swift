// CheckLanes: an assignment's checks split into two lanes, each served by its own oracle.
import Foundation

/// The checks of a grading in two lanes, each with its own oracle process, so that a grading on an
/// idle machine can run the submission's training on one core while its other checks run on another.
///
/// Which check runs in which process is fixed by the assignment alone, never by timing or by
/// whether the lanes overlap: a submission that keeps state between calls meets the same calls in
/// the same order in `labgrade grade`, `labgrade check`, `labgrade batch` and the corpus.
/// Training checks carry most of a grading's time and the last ones in a lab are the large ones,
/// so they are dealt out from the last: the last to lane 1, the one before to lane 0, and so on;
/// every other check is in lane 0, in assignment order.
struct CheckLanes {
    /// The checks of each lane, with their positions in the assignment, in assignment order.
    let lanes: [[(index: Int, check: Check)]]

    /// Splits `checks` (with their positions in the assignment); a lane with no checks is left out.
    init(_ checks: [(index: Int, check: Check)]) {
        let training = checks.filter { $0.check.kind == .training }.map(\.index)
        let second = Set(training.reversed().enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        lanes = [checks.filter { !second.contains($0.index) }, checks.filter { second.contains($0.index) }].filter { !$0.isEmpty }
    }
}
