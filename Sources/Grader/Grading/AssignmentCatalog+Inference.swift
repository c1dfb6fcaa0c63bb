// AssignmentCatalog+Inference: which assignment a student's package is for, read off its entry type.
import Foundation

extension AssignmentCatalog {
    /// The id of the one assignment whose entry type (`HLCVExercise2`, `VUAssignment1`, …) the
    /// Swift files under `package` declare.
    ///
    /// Every starter declares its assignment's entry type and the handout tells students to keep
    /// the name, so the package itself says which assignment it is. Hidden folders, `.build*`,
    /// `Tests` and packages inside the package (an exported starter's `LabKit/`) are not looked at. Throws ``AssignmentInferenceError`` when no assignment or more
    /// than one matches, naming the folder and what to pass instead.
    public func inferAssignment(of package: URL) throws -> String {
        let sources = Self.swiftSources(under: package)
        var entries = [String: String]()
        for id in ids {
            if let manifest = try? Assignment.load(from: manifest(id)) { entries[id] = manifest.entryType }
        }
        let matching = entries.filter { _, entryType in
            let declaration = try? NSRegularExpression(
                pattern: "\\b(struct|class|enum|actor)\\s+\(NSRegularExpression.escapedPattern(for: entryType))\\b")
            return sources.contains { text in
                declaration?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }.keys.sorted()
        guard matching.count == 1 else {
            throw matching.isEmpty
                ? AssignmentInferenceError.noMatch(folder: package.path, known: entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
                : AssignmentInferenceError.ambiguous(folder: package.path, candidates: matching)
        }
        return matching[0]
    }

    /// The text of every `.swift` file under `folder` that a submission's build would look at.
    private static func swiftSources(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
        else { return [] }
        var texts = [String]()
        for case let url as URL in walker {
            let name = url.lastPathComponent
            if name.hasPrefix(".") || name == "Tests" || (SubmissionSource.isPackage(url.path) && SubmissionSource.isPackage(url.deletingLastPathComponent().path)) {
                walker.skipDescendants()
            } else if name.hasSuffix(".swift"), name != "Package.swift", let text = try? String(contentsOf: url, encoding: .utf8) {
                texts.append(text)
            }
        }
        return texts
    }
}
