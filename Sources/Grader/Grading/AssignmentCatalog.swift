// AssignmentCatalog: the assignments shipped in this checkout (assignments/<id>/).
import Foundation

/// Finds assignments and their starters under `assignments/`.
public struct AssignmentCatalog: Sendable {
    /// The `assignments` folder.
    public let folder: URL

    /// The catalog of `toolchain`'s package.
    public init(toolchain: Toolchain = .current) {
        folder = toolchain.packageRoot.appendingPathComponent("assignments")
    }

    /// The ids of every assignment, sorted.
    public var ids: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: manifest($0).path) }.sorted()
    }

    /// The manifest file of `id`.
    public func manifest(_ id: String) -> URL {
        folder.appendingPathComponent(id).appendingPathComponent("assignment.json")
    }

    /// The starter's source folder of `id`, whose stubs replace exercises that do not compile.
    public func starterSources(_ id: String) -> URL {
        folder.appendingPathComponent(id).appendingPathComponent("starter/Sources/Submission")
    }

    /// Loads assignment `id`, or throws ``ManifestError`` naming the problem (with the known ids when missing).
    public func load(_ id: String) throws -> Assignment {
        guard ids.contains(id) else {
            throw ManifestError.unreadable(
                file: manifest(id).path, reason: "no assignment \"\(id)\"; known: \(ids.joined(separator: ", "))")
        }
        return try checked(Assignment.load(from: manifest(id)), file: manifest(id).path)
    }

    /// `assignment` once checked against the lab it names: a copy (its `lab` differs from its id)
    /// must fit that lab's own assignment here, and every assignment must grade a lab this
    /// checkout has a driver for.
    func checked(_ assignment: Assignment, file: String) throws -> Assignment {
        let lab = assignment.labID
        guard LabDrivers.knows(lab) else {
            let known = LabDrivers.labs.joined(separator: ", ")
            throw assignment.lab == nil
                ? ManifestError.missingField(
                    path: "lab", file: file, expected: "the lab this assignment grades, since \"\(assignment.id)\" is none (known: \(known))")
                : ManifestError.invalidValue(
                    path: "lab", file: file, reason: "no lab \"\(lab)\" (known: \(known))" + ManifestSchema.didYouMean(lab, among: LabDrivers.labs))
        }
        if file != manifest(lab).path {
            try assignment.validate(against: try Assignment.load(from: manifest(lab)), file: file)
        }
        return assignment
    }

}
