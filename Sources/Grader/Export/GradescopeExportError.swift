// GradescopeExportError: why an autograder zip could not be written.

/// A failure of `labgrade export gradescope`, naming what is missing or failed and where.
public enum GradescopeExportError: Error, CustomStringConvertible {
    /// A file the zip needs is not in this checkout.
    case missing(what: String, path: String)
    /// `zip` failed.
    case zipFailed(file: String, output: String)

    /// What failed and what to do.
    public var description: String {
        switch self {
        case .missing(let what, let path): return "cannot export: \(what) is missing at \(path)"
        case .zipFailed(let file, let output): return "cannot write \(file): zip failed:\n\(output)"
        }
    }
}
