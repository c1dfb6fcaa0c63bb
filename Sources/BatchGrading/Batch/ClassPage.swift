// ClassPage: the class summary page of an assignment, written from a gradebook's current grades.
import Foundation
import Grader

/// Writes `class.html` for an assignment from the current grade of every student in a gradebook —
/// this batch's, earlier batches' and merged shards' alike — so the page always shows the whole
/// class, not only the students graded by the last command.
public enum ClassPage {
    /// The page's file name in a report folder.
    public static let fileName = "class.html"

    /// Writes the class page of `assignment` from `gradebook` into `folder`; returns the file.
    /// Students without a gradable result (missing, or grading could not run) are listed apart.
    /// With `studentReports`, every graded student's JSON, Markdown and HTML reports are written
    /// again from the gradebook into `<folder>/<student>/` first (after a merge of shards, say).
    @discardableResult
    public static func write(
        from gradebook: Gradebook, assignment: Assignment, to folder: URL, studentReports: Bool = false
    ) throws -> URL {
        var results = [GradingResult](), students = [String](), ungraded = [ClassReport.Ungraded]()
        for (student, grade) in try gradebook.currentGrades(of: assignment.id).sorted(by: { $0.key < $1.key }) {
            let grading = grade.grading
            switch grading.status {
            case .graded:
                guard let json = grading.result, let result = try? GradingResult(labgradeJSON: json) else {
                    ungraded.append(.init(student: student, reason: "the gradebook's result of this grading cannot be read"))
                    continue
                }
                results.append(result)
                students.append(student)
            case .missing:
                ungraded.append(.init(student: student, reason: "no submission"))
            case .error:
                ungraded.append(.init(student: student, reason: grading.message ?? "grading could not run"))
            }
        }
        if studentReports {
            for (student, result) in zip(students, results) { try StudentReports.write(result, student: student, in: folder) }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(fileName)
        let page = ClassReport.render(results: results, assignment: assignment, ungraded: ungraded, students: students)
        try page.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
