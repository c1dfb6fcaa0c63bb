// BuildError: why labgrade could not prepare to build submissions (not a student's compile error).

/// A failure of labgrade's own build setup; a student's compile errors are reported, not thrown.
public enum BuildError: Error, Equatable, CustomStringConvertible {
    /// A LabKit build product is missing.
    case missingProduct(name: String, path: String)
    /// Warming the SDK's module cache failed.
    case sdkWarmupFailed(String)
    /// The submission could not be read or unpacked.
    case unreadableSubmission(path: String, reason: String)
    /// The lock that keeps two builders of one SDK apart could not be taken.
    case lockFailed(path: String, reason: String)

    /// What failed and what to do.
    public var description: String {
        switch self {
        case .missingProduct(let name, let path):
            return "LabKit build product \(name) not found at \(path): run scripts/setup (swift build -c release)"
        case .sdkWarmupFailed(let output):
            return "could not warm the student SDK's module cache:\n\(output)"
        case .unreadableSubmission(let path, let reason):
            return "cannot read the submission at \(path): \(reason)"
        case .lockFailed(let path, let reason):
            return "cannot lock \(path) to build the student SDK: \(reason) (is the build folder writable?)"
        }
    }
}
