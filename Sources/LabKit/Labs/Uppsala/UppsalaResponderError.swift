// UppsalaResponderError: why the responder's chained exercises could not use a submission's forward pass.

/// Why a chained exercise could not go on with what the submission returned.
enum UppsalaResponderError: Error, CustomStringConvertible {
    /// The forward pass's output does not have the target's shape.
    case outputShape(found: String, expected: String)

    var description: String {
        switch self {
        case .outputShape(let found, let expected):
            return "the forward pass's output has shape \(found), expected \(expected) (the target's shape)"
        }
    }
}
