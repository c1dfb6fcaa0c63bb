// LabKitFailure: how LabKit stops on a programming error, with a message that survives -O builds.

/// Stops the program on misuse of LabKit (a shape mismatch, an index out of range).
///
/// `precondition` drops its message in optimised builds; these functions go through `fatalError`,
/// whose message is printed in every build, so a student always sees what went wrong.
public enum LabKitFailure {
    /// Stops with `LabKit: <message>`.
    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        fatalError("LabKit: " + message, file: file, line: line)
    }

    /// Stops with `LabKit: <message>` when `condition` is false.
    @inlinable
    public static func require(
        _ condition: Bool, _ message: @autoclosure () -> String,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        if !condition { fail(message(), file: file, line: line) }
    }

    /// Stops unless `a` and `b` have the same shape, naming the operation.
    public static func requireSameShape(_ a: Matrix, _ b: Matrix, _ operation: String) {
        if a.rows != b.rows || a.cols != b.cols {
            fail("shape mismatch in \(operation): \(a.shapeDescription) vs \(b.shapeDescription)")
        }
    }
}
