// ReportFormat: the formats a grading result is written in, and writing them.
import Foundation

/// A report format; each is a writer over the one ``GradingResult``.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// labgrade's own JSON: the whole result model.
    case json
    /// Gradescope's `results.json`.
    case gradescope
    /// JUnit XML, for CI systems.
    case junit
    /// Markdown, for the terminal and for feedback.
    case markdown
    /// A self-contained web page with learning-curve plots.
    case html

    /// The file name a report of this format gets in an output folder.
    public var fileName: String {
        switch self {
        case .json: return "labgrade.json"
        case .gradescope: return "results.json"
        case .junit: return "junit.xml"
        case .markdown: return "report.md"
        case .html: return "report.html"
        }
    }

    /// The report text of `result` in this format.
    public func render(_ result: GradingResult) throws -> String {
        switch self {
        case .json: return try JSONReport.render(result)
        case .gradescope: return try GradescopeReport.render(result)
        case .junit: return JUnitReport.render(result)
        case .markdown: return MarkdownReport.render(result)
        case .html: return HTMLReport.render(result)
        }
    }
}

extension GradingResult {
    /// Writes the report of `format` into `folder` and returns its file.
    @discardableResult
    public func write(to folder: URL, as format: ReportFormat) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(format.fileName)
        try format.render(self).write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
