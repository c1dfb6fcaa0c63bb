// ExportError: why an export (a starter, an autograder zip) could not be written.

/// A failure of `labgrade export`, naming what is missing or failed and where.
public enum ExportError: Error, CustomStringConvertible {
    /// A file the export needs is not in this checkout.
    case missing(what: String, path: String)
    /// The destination folder already holds files.
    case notEmpty(path: String)
    /// `zip` failed.
    case zipFailed(file: String, output: String)

    /// What failed and what to do.
    public var description: String {
        switch self {
        case .missing(let what, let path): return "cannot export: \(what) is missing at \(path)"
        case .notEmpty(let path): return "cannot export into \(path): the folder is not empty; name a new folder or a .zip"
        case .zipFailed(let file, let output): return "cannot write \(file): zip failed:\n\(output)"
        }
    }
}
