// GradescopeExport: the autograder zip Gradescope builds its grading image from, for one assignment.
import Foundation
import LabKit

/// Writes a Gradescope autograder zip: `setup.sh` and `run_autograder` at its top (from
/// `scripts/gradescope/`), `assignment-id`, and `labgrade/`, the package's source tree (no build
/// products, no test fixtures) with the data files grading reads in `labgrade/.data/`.
///
/// The source is shipped rather than a binary because grading compiles every submission with
/// `swiftc` against LabKit: the Swift toolchain has to be on Gradescope's image anyway, and
/// building there gives a LabKit made by exactly that compiler for exactly that system.
///
/// A course's own copy of an assignment travels as `labgrade/course/` (its `assignment.json` and
/// starter), and `assignment-id` then says `course`.
public struct GradescopeExport: Sendable {
    /// The assignment graded by the autograder: an id of this checkout or a course's copy's folder.
    public let assignment: String
    /// Where the package is (its root is copied) and the data folders it reads.
    public let toolchain: Toolchain

    /// What goes under `labgrade/`: what `swift build` needs (SwiftPM wants every target's folder,
    /// the test targets' included), the assignments and the reference solutions.
    static let sourceEntries = ["Package.swift", "Package.resolved", "README.md", "Sources", "reference", "assignments", "scripts", "Tests"]
    /// The data files grading reads (Fashion-MNIST is only used by `labgrade doctor`).
    static let dataFiles = [("mnist_5k.csv.gz", "MNIST-5k"), ("Auto.csv", "ISLR Auto"), ("Auto.data", "ISLR Auto (raw)")]

    /// An export of `assignment` from the package of `toolchain`.
    public init(assignment: String, toolchain: Toolchain = .current) {
        self.assignment = assignment
        self.toolchain = toolchain
    }

    /// Writes the zip to `file` (replacing it), or throws ``ExportError`` saying what is missing.
    public func write(to file: URL) throws {
        let manager = FileManager.default
        let root = toolchain.packageRoot
        // A valid manifest (a copy checked against its lab), or the catalog's error listing the known ids.
        let resolved = try AssignmentCatalog(toolchain: toolchain).resolve(assignment)
        let staging = manager.temporaryDirectory.appendingPathComponent("labgrade-gradescope-\(UUID().uuidString.prefix(8))")
        defer { try? manager.removeItem(at: staging) }
        let source = staging.appendingPathComponent("labgrade")
        try manager.createDirectory(at: source.appendingPathComponent(".data"), withIntermediateDirectories: true)

        for script in ["setup.sh", "run_autograder"] {
            let from = root.appendingPathComponent("scripts/gradescope/\(script)")
            guard manager.fileExists(atPath: from.path) else { throw ExportError.missing(what: "the Gradescope script", path: from.path) }
            try manager.copyItem(at: from, to: staging.appendingPathComponent(script))
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staging.appendingPathComponent(script).path)
        }
        try Data("\(resolved.isCopy ? "course" : resolved.assignment.id)\n".utf8).write(to: staging.appendingPathComponent("assignment-id"))
        for entry in Self.sourceEntries where manager.fileExists(atPath: root.appendingPathComponent(entry).path) {
            try ExportFiles.copyTree(root.appendingPathComponent(entry), to: source.appendingPathComponent(entry))
        }
        if resolved.isCopy {
            let course = source.appendingPathComponent("course")
            try manager.createDirectory(at: course, withIntermediateDirectories: true)
            try manager.copyItem(at: resolved.manifest, to: course.appendingPathComponent("assignment.json"))
            if resolved.starter.deletingLastPathComponent().standardized == resolved.folder.standardized {
                try ExportFiles.copyTree(resolved.starter, to: course.appendingPathComponent("starter"))
            }
        }
        let locator = DataLocator(environment: ProcessInfo.processInfo.environment, currentDirectory: root, checkout: root)
        for (name, dataset) in Self.dataFiles {
            let found = try locator.dataFile(name, dataset: dataset)
            try manager.copyItem(at: found, to: source.appendingPathComponent(".data/\(name)"))
        }

        try ExportFiles.zip(["."], in: staging, to: file)
    }
}
