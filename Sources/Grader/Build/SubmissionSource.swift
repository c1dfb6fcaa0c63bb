// SubmissionSource: turns a submission (folder, SwiftPM package, .zip or .tar.gz) into its Swift files.
import Foundation

/// The Swift files of one submission, copied into a scratch folder with their relative paths.
public struct SubmissionSource: Sendable {
    /// Where the submission came from, as given.
    public let origin: URL
    /// The folder holding the copied files.
    public let folder: URL
    /// The files' paths relative to `folder` (and to the submission), sorted.
    public let files: [String]
    /// Files left out and why (e.g. a `main.swift`, since the grader provides the entry point).
    public let ignored: [String]

    /// Copies the Swift sources of `origin` into `scratch/src`, unpacking archives first.
    ///
    /// A package's `Package.swift`, `Tests/`, `.build*/` and hidden folders are skipped; so is any
    /// `main.swift`. Throws ``BuildError`` when the submission cannot be read or has no Swift file.
    public static func collect(_ origin: URL, into scratch: URL) throws -> SubmissionSource {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: origin.path, isDirectory: &isFolder) else {
            throw BuildError.unreadableSubmission(path: origin.path, reason: "no such file or folder")
        }
        var root = origin
        if !isFolder.boolValue {
            root = scratch.appendingPathComponent("unpacked")
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            try unpack(origin, into: root)
        }
        let folder = scratch.appendingPathComponent("src")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        var files = [String]()
        var ignored = [String]()
        for relative in try swiftFiles(under: root) {
            if (relative as NSString).lastPathComponent == "main.swift" {
                ignored.append("\(relative): the grader provides the program's entry point")
                continue
            }
            let target = folder.appendingPathComponent(relative)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: root.appendingPathComponent(relative), to: target)
            files.append(relative)
        }
        guard !files.isEmpty else { throw BuildError.noSwiftFiles(origin.path) }
        return SubmissionSource(origin: origin, folder: folder, files: files.sorted(), ignored: ignored)
    }

    private static func unpack(_ archive: URL, into folder: URL) throws {
        let name = archive.lastPathComponent.lowercased()
        let (tool, arguments): (String, [String])
        if name.hasSuffix(".zip") {
            (tool, arguments) = ("/usr/bin/unzip", ["-q", "-o", archive.path, "-d", folder.path])
        } else if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") || name.hasSuffix(".tar") {
            (tool, arguments) = ("/bin/tar", ["-xf", archive.path, "-C", folder.path, "--no-same-owner", "--no-same-permissions"])
        } else {
            throw BuildError.unreadableSubmission(path: archive.path, reason: "expected a folder, a .zip or a .tar.gz")
        }
        let result = try Compiler.run(URL(fileURLWithPath: tool), arguments, in: folder, timeout: 60)
        guard result.status == 0 else {
            throw BuildError.unreadableSubmission(path: archive.path, reason: result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Relative paths of the `.swift` files under `root`, skipping what is not the student's code.
    private static func swiftFiles(under root: URL) throws -> [String] {
        let base = root.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(
            at: root.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        else { return [] }
        var found = [String]()
        for case let url as URL in walker {
            let name = url.lastPathComponent
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if name.hasPrefix(".") || name == "Tests" || name.hasPrefix(".build") || name == "__MACOSX" {
                walker.skipDescendants()
                continue
            }
            guard name.hasSuffix(".swift"), name != "Package.swift", values?.isRegularFile == true,
                values?.isSymbolicLink != true
            else { continue }
            found.append(String(url.path.dropFirst(base.count + 1)))
        }
        return found
    }
}
