// StudentReports: the files one student's grading leaves in a batch's report folder.
import Foundation
import Grader

/// A student's reports in a report folder: `<folder>/<student>/` with the JSON, Markdown and HTML
/// reports, the same whether a batch writes them or `labgrade gradebook report` writes them again.
enum StudentReports {
    /// The formats written for each student.
    static let formats: [ReportFormat] = [.json, .markdown, .html]

    /// Writes `result`'s reports for `student` under `folder`.
    static func write(_ result: GradingResult, student: String, in folder: URL) throws {
        for format in formats {
            try result.write(to: folder.appendingPathComponent(student), as: format)
        }
    }
}
