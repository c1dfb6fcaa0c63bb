// NotImplemented: what an exercise the student has not done yet throws.

/// Thrown by the default implementation of every lab exercise until the student writes their own.
///
/// A submission that does half of a lab still compiles: the other half throws this, and the
/// grader scores those checks as "not implemented" instead of failing the whole build.
public struct NotImplemented: Error, Equatable, CustomStringConvertible {
    /// The exercise's requirement, e.g. `"HLCVTwoLayerNetLab.loss"`.
    public let exercise: String

    /// Makes the error for `exercise`.
    public init(_ exercise: String) {
        self.exercise = exercise
    }

    /// `<exercise> is not implemented yet`.
    public var description: String { "\(exercise) is not implemented yet" }
}
