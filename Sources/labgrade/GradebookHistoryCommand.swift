// `labgrade gradebook history`: every grading of one student.
import ArgumentParser
import BatchGrading
import Foundation
import Grader

/// Prints a student's gradings, oldest first, marking the current one.
struct GradebookHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every grading of one student, oldest first; the current one is marked.")

    @Argument(help: "The student id.")
    var student: String

    @OptionGroup var selection: GradebookSelection

    func run() throws {
        let book = try selection.open()
        let entries = try book.history(of: student, assignment: selection.assignment)
        guard !entries.isEmpty else { throw GradebookError.unknownStudent(student, file: book.file.path) }
        for entry in entries {
            let grading = entry.grading
            var text = "\(grading.gradedAt)  \(grading.assignment)  batch \(entry.batch.id ?? 0) (seed \(entry.batch.seed))  "
            text += "\(grading.status.rawValue) \(BatchProgress.points(grading.score))/\(BatchProgress.points(grading.maxScore))"
            if let submission = grading.submission { text += "  \(submission)" }
            if entry.isCurrent { text += "  [current]" }
            if let message = grading.message { text += "\n    \(message.prefix(300))" }
            print(TerminalText.visible(text))
        }
    }
}
