// OracleRequest+Arguments: building a lab request from its exercise and named arguments in one call.
import LabKit

extension OracleRequest {
    /// A request for `exercise` with the named arguments, e.g. `OracleRequest("softmax", ("a", a))`.
    init(_ exercise: String, _ arguments: (String, any Encodable)...) throws {
        try self.init(exercise, arguments: arguments)
    }

    /// A request for `exercise` with the named arguments in order, for argument lists built up in steps.
    init(_ exercise: String, arguments: [(String, any Encodable)]) throws {
        self.init(exercise: exercise)
        for (name, value) in arguments { try set(name, value) }
    }
}
