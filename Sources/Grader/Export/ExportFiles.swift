// ExportFiles: what every export does with files: copy a source tree, list it, zip it.
import Foundation

/// The file work both exports share: copying sources without their build state, listing what
/// was written, and zipping a staged folder.
enum ExportFiles {
    /// Copies `from` to `to`, leaving out hidden files and folders (`.build`, `.git`, `.swiftpm`)
    /// and object files; a link is copied as the file it points to.
    static func copyTree(_ from: URL, to: URL) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: from.path, isDirectory: &isFolder), isFolder.boolValue else {
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            return try manager.copyItem(at: from.resolvingSymlinksInPath(), to: to)
        }
        try manager.createDirectory(at: to, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: from.path).sorted() where !name.hasPrefix(".") && !name.hasSuffix(".o") {
            try copyTree(from.appendingPathComponent(name), to: to.appendingPathComponent(name))
        }
    }

    /// Every regular file under `root`, relative to it, sorted.
    static func files(under root: URL) -> [String] {
        let base = root.standardized.path + "/"
        var found = [String]()
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(String(url.standardized.path.dropFirst(base.count)))
            }
        }
        return found.sorted()
    }

    /// Zips `entries` of `folder` (recursively, without extra attributes) into `file`, replacing it.
    static func zip(_ entries: [String], in folder: URL, to file: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if manager.fileExists(atPath: file.path) { try manager.removeItem(at: file) }
        let zip = URL(fileURLWithPath: "/usr/bin/zip")
        guard manager.isExecutableFile(atPath: zip.path) else {
            throw ExportError.missing(what: "zip (run scripts/setup, which installs it)", path: zip.path)
        }
        let result = try Compiler.run(zip, ["-q", "-r", "-X", file.path] + entries, in: folder, timeout: 300)
        guard result.status == 0 else { throw ExportError.zipFailed(file: file.path, output: result.output) }
    }
}
