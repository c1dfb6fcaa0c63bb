// AssignmentInferenceError: why a package's assignment could not be told from its sources.

/// The package does not say which assignment it is for; the message says what to pass instead.
public enum AssignmentInferenceError: Error, CustomStringConvertible {
    /// No Swift file under `folder` declares an assignment's entry type; `known` pairs each
    /// assignment id with its entry type.
    case noMatch(folder: String, known: [(id: String, entryType: String)])
    /// Files under `folder` declare the entry types of several assignments.
    case ambiguous(folder: String, candidates: [String])

    /// What is wrong, where, and what to do.
    public var description: String {
        switch self {
        case .noMatch(let folder, let known):
            let list = known.map { "\($0.id) (type \($0.entryType))" }.joined(separator: ", ")
            return "could not tell the assignment of \(folder): no Swift file there declares an assignment's entry type "
                + "(known: \(list)). Run it inside your starter package, or pass --assignment ID."
        case .ambiguous(let folder, let candidates):
            return "could not tell the assignment of \(folder): it declares the entry types of \(candidates.joined(separator: ", ")). "
                + "Pass --assignment ID."
        }
    }
}
