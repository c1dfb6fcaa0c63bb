// SubmissionSet: the submissions in a batch folder, one entry per student.
import Foundation

/// The submissions found in a folder: each entry is a folder, a `.zip` or a `.tar.gz` (also `.tgz`),
/// and the student id is the entry's name without its extension.
///
/// Hidden entries and labgrade's own gradebook files are passed over silently; anything else that
/// cannot be a submission (a folder without a `.swift` file, another kind of file) is listed in
/// ``skipped`` with the reason, so a batch can warn about it.
public struct SubmissionSet: Sendable {
    /// One student's submission.
    public struct Entry: Sendable, Equatable {
        /// The student id.
        public var student: String
        /// The folder or archive.
        public var url: URL
    }

    /// The submissions, sorted by student id.
    public var entries: [Entry]
    /// Entries that are not submissions, with why: `notes.txt: not a folder, .zip or .tar.gz`.
    public var skipped: [String]

    /// The archive extensions a submission may have, longest first so `.tar.gz` wins over `.gz`.
    static let archiveExtensions = [".tar.gz", ".tgz", ".zip"]

    /// The submissions in `folder`; throws ``BatchError`` when the folder cannot be listed or two
    /// entries name the same student.
    public static func scan(_ folder: URL) throws -> SubmissionSet {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BatchError.notAFolder(folder.path)
        }
        let names = try manager.contentsOfDirectory(atPath: folder.path).sorted()
        var entries = [Entry](), skipped = [String](), owners = [String: String]()
        for name in names where !name.hasPrefix(".") && !name.hasPrefix(Gradebook.defaultFileName) {
            let url = folder.appendingPathComponent(name)
            guard let student = studentID(of: name, at: url, skipped: &skipped) else { continue }
            guard StudentID.isValid(student) else {
                skipped.append("\(name): the student id \"\(student)\" \(StudentID.rule)")
                continue
            }
            if let other = owners[student] {
                throw BatchError.duplicateStudent(student, first: other, second: name, folder: folder.path)
            }
            owners[student] = name
            entries.append(Entry(student: student, url: url))
        }
        return SubmissionSet(entries: entries.sorted { $0.student < $1.student }, skipped: skipped)
    }

    /// The student id of entry `name`, or `nil` (with the reason added to `skipped`) when it is not a submission.
    private static func studentID(of name: String, at url: URL, skipped: inout [String]) -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue {
            guard containsSwift(url) else {
                skipped.append("\(name): a folder without any .swift file")
                return nil
            }
            return name
        }
        let lowered = name.lowercased()
        guard let suffix = archiveExtensions.first(where: { lowered.hasSuffix($0) }) else {
            skipped.append("\(name): not a folder, .zip or .tar.gz")
            return nil
        }
        return String(name.dropLast(suffix.count))
    }

    /// Whether `folder` holds a `.swift` file anywhere outside hidden folders.
    private static func containsSwift(_ folder: URL) -> Bool {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else {
            return false
        }
        for case let url as URL in walker where url.pathExtension == "swift" { return true }
        return false
    }
}
