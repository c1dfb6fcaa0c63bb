// Gradebook+CSV: the current grades of an assignment as an RFC 4180 table, one row per student.
import Foundation

extension Gradebook {
    /// The current grades of `assignment` as CSV: `student,name,email,status`, one column per
    /// check (its points, in the assignment's order), `total` and `max`.
    ///
    /// Rows follow the roster when one was recorded (students not on it come after, sorted),
    /// else the student ids sorted. A student without a gradable result (missing, or grading
    /// failed) has empty check cells and a total of 0; its status says why.
    public func csv(assignment: String) throws -> String {
        let checks = try checkIDs(of: assignment)
        let grades = try currentGrades(of: assignment)
        let checkRows = try currentCheckResults(of: assignment)
        var text = CSV.line(["student", "name", "email", "status"] + checks + ["total", "max"])
        for student in try students() where student.rosterPosition != nil || grades[student.id] != nil {
            guard let grading = grades[student.id]?.grading else {
                text += CSV.line([student.id, student.name ?? "", student.email ?? "", ""] + checks.map { _ in "" } + ["", ""])
                continue
            }
            let points = checks.map { id in checkRows[grading.id!]?[id].map { Self.number($0.points) } ?? "" }
            text += CSV.line(
                [student.id, student.name ?? "", student.email ?? "", grading.status.rawValue] + points
                    + [Self.number(grading.score), Self.number(grading.maxScore)])
        }
        return text
    }

    /// `value` as a spreadsheet reads it: `5` for whole numbers, else the shortest exact decimal (`2.5`).
    static func number(_ value: Double) -> String {
        value.rounded() == value && Swift.abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
