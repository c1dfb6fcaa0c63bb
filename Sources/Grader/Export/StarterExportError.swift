// StarterExportError: why a starter could not be exported.

/// Why a starter could not be exported.
public enum StarterExportError: Error, CustomStringConvertible {
    /// Something the export needs is not where it should be.
    case missing(what: String, path: String)
    /// The destination folder already holds files.
    case notEmpty(path: String)
    /// `zip` failed.
    case zipFailed(file: String, output: String)

    /// What failed and what to do.
    public var description: String {
        switch self {
        case .missing(let what, let path): return "cannot export the starter: \(what) is missing at \(path)"
        case .notEmpty(let path): return "cannot export the starter into \(path): the folder is not empty; name a new folder or a .zip"
        case .zipFailed(let file, let output): return "cannot write \(file): zip failed:\n\(output)"
        }
    }
}
