// AssignmentCatalog+CourseCopies: `--assignment` as an id of this checkout or a course's own copy.
import Foundation

/// An assignment as a command names it: one of this checkout's, or a course's copy of one
/// (a folder shaped like `assignments/<id>/`, anywhere).
public struct ResolvedAssignment: Sendable {
    /// The validated manifest.
    public let assignment: Assignment
    /// Its manifest file.
    public let manifest: URL
    /// The folder that holds the manifest.
    public let folder: URL
    /// The starter package students begin from: the folder's own `starter/` when it has one,
    /// otherwise the lab's starter in this checkout.
    public let starter: URL
    /// Whether it is a course's copy rather than this checkout's assignment.
    public let isCopy: Bool
}

extension AssignmentCatalog {
    /// Resolves `argument`: an assignment id of this checkout, or a path (relative to
    /// `directory`) to a course's copy — its folder or its `assignment.json`. A copy is checked
    /// against the lab it names (`"lab"`, or its id when that is a lab's): what a copy may change
    /// and what it may not is ``Assignment/validate(against:file:)``.
    public func resolve(_ argument: String, from directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        throws -> ResolvedAssignment
    {
        if ids.contains(argument) {
            let folder = self.folder.appendingPathComponent(argument)
            return ResolvedAssignment(
                assignment: try load(argument), manifest: manifest(argument), folder: folder,
                starter: folder.appendingPathComponent("starter"), isCopy: false)
        }
        let path = (argument as NSString).expandingTildeInPath
        let given = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardized
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: given.path, isDirectory: &isFolder) else {
            throw ManifestError.unreadable(
                file: given.path,
                reason: "\"\(argument)\" is neither an assignment of this checkout (known: \(ids.joined(separator: ", "))) "
                    + "nor a course's assignment folder")
        }
        let file = isFolder.boolValue ? given.appendingPathComponent("assignment.json") : given
        let folder = file.deletingLastPathComponent()
        let assignment = try checked(Assignment.load(from: file), file: file.path)
        let ownStarter = folder.appendingPathComponent("starter")
        let starter =
            FileManager.default.fileExists(atPath: ownStarter.appendingPathComponent("Package.swift").path)
            ? ownStarter : self.folder.appendingPathComponent(assignment.labID).appendingPathComponent("starter")
        return ResolvedAssignment(assignment: assignment, manifest: file, folder: folder, starter: starter, isCopy: true)
    }
}
