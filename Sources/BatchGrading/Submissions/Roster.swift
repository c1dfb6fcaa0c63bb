// Roster: the class list a batch is graded against (CSV with `id` and optional `name`, `email`, Canvas ids).
import Foundation

/// The students of a course, in the roster's order.
public struct Roster: Sendable, Equatable {
    /// One student.
    public struct Student: Sendable, Equatable {
        /// The id a submission is named after (`alice` for `alice/`, `alice.zip`).
        public var id: String
        /// The student's name, if the roster has the column.
        public var name: String?
        /// The student's email, if the roster has the column.
        public var email: String?
        /// What Canvas knows the student by, when the roster has the columns (`canvas_id`,
        /// `sis_user_id`, `sis_login_id`, `section`, or Canvas's own headers `SIS User ID`, …).
        public var canvas = CanvasIdentity()

        /// A student with `id` and, optionally, a name, an email and Canvas's ids.
        public init(id: String, name: String? = nil, email: String? = nil, canvas: CanvasIdentity = CanvasIdentity()) {
            self.id = id
            self.name = name
            self.email = email
            self.canvas = canvas
        }
    }

    /// A student's ids in Canvas: Canvas matches an imported grade on any one of the three.
    public struct CanvasIdentity: Sendable, Equatable {
        /// Canvas's own user id (the `ID` column of its gradebook export).
        public var userID: String?
        /// The institution's student id (`SIS User ID`).
        public var sisUserID: String?
        /// The institution's login (`SIS Login ID`).
        public var sisLoginID: String?
        /// The course section.
        public var section: String?

        /// Ids as given; all may be absent.
        public init(userID: String? = nil, sisUserID: String? = nil, sisLoginID: String? = nil, section: String? = nil) {
            self.userID = userID
            self.sisUserID = sisUserID
            self.sisLoginID = sisLoginID
            self.section = section
        }

        /// Whether Canvas can match the student: one of its three ids is there.
        public var isMatchable: Bool { userID != nil || sisUserID != nil || sisLoginID != nil }
    }

    /// The students, in the file's order.
    public var students: [Student]

    /// A roster of `students`.
    public init(students: [Student]) {
        self.students = students
    }

    /// The roster in `file`: a header row naming at least `id` (`name`, `email`, `canvas_id`,
    /// `sis_user_id`, `sis_login_id` and `section` are read when present, other columns are
    /// ignored; case, spaces and hyphens in the header do not matter, so `SIS User ID` is
    /// `sis_user_id`), then one student per row.
    ///
    /// Throws ``RosterError`` naming the file, line and column of the first bad row.
    public static func load(from file: URL) throws -> Roster {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw RosterError(file: file.path, line: nil, column: nil, problem: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
        return try parse(text, file: file.path)
    }

    /// The roster in `text`, read from `file` (named in errors).
    public static func parse(_ text: String, file: String) throws -> Roster {
        let records: [CSV.Record]
        do {
            records = try CSV.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch .unterminatedQuote(let line) {
            throw RosterError(file: file, line: line, column: nil, problem: "a quoted field is never closed")
        } catch .textAfterQuote(let line) {
            throw RosterError(file: file, line: line, column: nil, problem: "text follows a closing quote; double a quote inside a quoted field")
        }
        guard let header = records.first else {
            throw RosterError(file: file, line: nil, column: nil, problem: "is empty; expected a header row with an `id` column")
        }
        let names = header.fields.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        }
        guard let idColumn = names.firstIndex(of: "id") else {
            throw RosterError(
                file: file, line: header.line, column: nil,
                problem: "the header row (\(header.fields.joined(separator: ","))) has no `id` column; the first row must name the columns")
        }
        let nameColumn = names.firstIndex(of: "name"), emailColumn = names.firstIndex(of: "email")
        let canvasColumns = ["canvas_id", "sis_user_id", "sis_login_id", "section"].map { names.firstIndex(of: $0) }
        var students = [Student](), seen = [String: Int]()
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw RosterError(
                    file: file, line: record.line, column: nil,
                    problem: "has \(record.fields.count) fields where the header has \(header.fields.count)")
            }
            let id = record.fields[idColumn].trimmingCharacters(in: .whitespaces)
            let column = idColumn + 1
            guard !id.isEmpty else { throw RosterError(file: file, line: record.line, column: column, problem: "the id is empty") }
            guard StudentID.isValid(id) else {
                throw RosterError(file: file, line: record.line, column: column, problem: "the id \"\(id)\" \(StudentID.rule)")
            }
            if let first = seen[id] {
                throw RosterError(file: file, line: record.line, column: column, problem: "the id \"\(id)\" is already on line \(first)")
            }
            seen[id] = record.line
            let value = { (index: Int?) in index.map { record.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
            let canvas = CanvasIdentity(
                userID: value(canvasColumns[0]), sisUserID: value(canvasColumns[1]), sisLoginID: value(canvasColumns[2]),
                section: value(canvasColumns[3]))
            students.append(Student(id: id, name: value(nameColumn), email: value(emailColumn), canvas: canvas))
        }
        return Roster(students: students)
    }
}

/// A roster file that cannot be used, with where and why.
public struct RosterError: Error, Equatable, CustomStringConvertible {
    /// The roster file.
    public var file: String
    /// The line of the bad row (1-based), when the problem has one.
    public var line: Int?
    /// The column (1-based), when the problem is one field.
    public var column: Int?
    /// What is wrong.
    public var problem: String

    /// `roster FILE, line L, column C: problem`.
    public var description: String {
        let place = [file, line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "roster \(place): \(problem)"
    }
}
