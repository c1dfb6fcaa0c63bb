// GradebookError: what can be wrong with a gradebook file or a request about it.

/// A gradebook that cannot be used as asked, naming the file and what to do.
public enum GradebookError: Error, Equatable, CustomStringConvertible {
    /// No file at the path.
    case notFound(String)
    /// The file is not a labgrade gradebook.
    case notAGradebook(String, reason: String)
    /// The gradebook has no batch yet.
    case empty(String)
    /// The gradebook holds several assignments and none was named.
    case severalAssignments([String], file: String)
    /// The named assignment has no batch in the gradebook.
    case unknownAssignment(String, known: [String], file: String)
    /// The student has no grading.
    case unknownStudent(String, file: String)
    /// Gradebooks to merge grade different assignments or use different seeds.
    case mismatched([String])

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .notFound(let file):
            return "no gradebook at \(file); run `labgrade batch` first or pass --gradebook"
        case .notAGradebook(let file, let reason):
            return "\(file) is not a labgrade gradebook: \(reason)"
        case .empty(let file):
            return "the gradebook \(file) has no batch yet"
        case .severalAssignments(let known, let file):
            return "the gradebook \(file) holds several assignments (\(known.joined(separator: ", "))); choose one with --assignment"
        case .unknownAssignment(let id, let known, let file):
            let list = known.isEmpty ? "none" : known.joined(separator: ", ")
            return "the gradebook \(file) has no batch of assignment \"\(id)\" (it has: \(list))"
        case .unknownStudent(let id, let file):
            return "the gradebook \(file) has no grading of student \"\(id)\""
        case .mismatched(let lines):
            return "these gradebooks do not belong together (pass --force to merge them anyway):\n"
                + lines.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
