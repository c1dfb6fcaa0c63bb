// Gradebook+Canvas: the current totals of an assignment as a CSV that Canvas's gradebook import accepts.
import Foundation

extension Gradebook {
    /// The current totals of `assignment` in Canvas's gradebook layout: the header
    /// `Student,ID,SIS User ID,SIS Login ID,Section,<column>`, then Canvas's `Points Possible`
    /// row, then one row per student of `roster`, in its order.
    ///
    /// Canvas matches each row on `ID`, `SIS User ID` or `SIS Login ID`, so `roster` supplies
    /// them (``Roster/CanvasIdentity``); `column` names the assignment as Canvas shows it — its
    /// name with its Canvas id, `Exercise 2 (4521)`, updates that assignment, a new name makes a
    /// new one. A student without a gradable result (missing, or grading failed) gets an empty
    /// cell, which leaves Canvas's grade as it is. Students graded but not on the roster are
    /// returned in `unlisted`, since Canvas could not match them.
    public func canvasCSV(assignment: String, roster: Roster, column: String) throws -> (text: String, unlisted: [String]) {
        let column = column.trimmingCharacters(in: .whitespaces)
        guard !column.isEmpty else { throw CanvasExportError.emptyColumn }
        if let unmatched = roster.students.first(where: { !$0.canvas.isMatchable }) {
            throw CanvasExportError.unmatchable(student: unmatched.id)
        }
        let grades = try currentGrades(of: assignment)
        guard let possible = grades.values.compactMap({ $0.grading.status == .graded ? $0.grading.maxScore : nil }).max() else {
            throw CanvasExportError.nothingGraded(assignment: assignment)
        }
        var text = CSV.line(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column])
        // Unquoted, as Canvas's own export writes it.
        text += "    Points Possible,,,,,\(Self.number(possible))\r\n"
        for student in roster.students {
            let grading = grades[student.id]?.grading
            let score = grading.flatMap { $0.status == .graded ? Self.number($0.score) : nil } ?? ""
            let ids = student.canvas
            text += CSV.line([student.name ?? student.id, ids.userID ?? "", ids.sisUserID ?? "", ids.sisLoginID ?? "", ids.section ?? "", score])
        }
        let listed = Set(roster.students.map(\.id))
        return (text, grades.keys.filter { !listed.contains($0) }.sorted())
    }
}
