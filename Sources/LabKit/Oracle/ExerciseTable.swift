// ExerciseTable: a lab's exercises by the names the grader's requests use, the one part of its responder that is its own.

/// A lab's exercises by the names the grader's requests use.
///
/// Each lab declares one table, an `enum` without cases that is generic over the lab protocol's
/// solutions, and names its responder as ``LabResponder`` over it:
///
/// ```swift
/// public typealias HLCVResponder<Lab: HLCVTwoLayerNetLab> = LabResponder<HLCVExerciseTable<Lab>>
/// ```
///
/// so that the oracle the grader builds serves a submission as `HLCVResponder(HLCVExercise2())`.
public protocol ExerciseTable {
    /// The solutions the table calls: the types that conform to the lab's protocol.
    associatedtype Lab: Sendable

    /// Every exercise of the lab under its request name.
    static var exercises: [String: @Sendable (_ lab: Lab, _ request: OracleRequest) throws -> any Encodable] { get }
}

extension ExerciseTable {
    /// One exercise: reads its arguments from `request` by name, calls `lab`, and returns the
    /// result to send back. Throws what the call throws (``NotImplemented`` for a stub) or the
    /// ``WireError`` of an argument that cannot be read.
    public typealias Exercise = @Sendable (_ lab: Lab, _ request: OracleRequest) throws -> any Encodable

    /// The exercises of `parts` in one table, for a lab whose exercises are grouped; a name in
    /// two parts is a programming error and stops the program.
    static func joining(_ parts: [String: Exercise]...) -> [String: Exercise] {
        Dictionary(uniqueKeysWithValues: parts.joined().map { ($0.key, $0.value) })
    }
}
