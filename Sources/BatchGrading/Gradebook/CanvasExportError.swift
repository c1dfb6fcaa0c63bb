// CanvasExportError: why grades cannot be exported for Canvas's gradebook import.

/// Why grades cannot be exported for Canvas.
public enum CanvasExportError: Error, Equatable, CustomStringConvertible {
    /// A roster student has none of the ids Canvas matches on.
    case unmatchable(student: String)
    /// No student of the assignment has a graded result, so its points possible are unknown.
    case nothingGraded(assignment: String)
    /// The assignment's column name is empty.
    case emptyColumn

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .unmatchable(let student):
            return "the roster gives no canvas_id, sis_user_id or sis_login_id for \(student): Canvas matches imported grades "
                + "on one of them; add the columns to the roster (Canvas's own gradebook export has them as ID, SIS User ID, SIS Login ID)"
        case .nothingGraded(let assignment): return "no student of \(assignment) is graded yet, so there is nothing to import"
        case .emptyColumn: return "the Canvas column is empty; name the assignment as Canvas shows it, e.g. \"Exercise 2 (4521)\""
        }
    }
}
