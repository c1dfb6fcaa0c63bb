// StarterExport: an assignment's starter as a package of its own, to hand to students.
import Foundation

/// Writes a starter that builds and tests anywhere Swift 6 and OpenBLAS are installed:
///
/// ```
/// Package.swift              the student's package: target Submission, test target SubmissionTests
/// README.md                  the starter's handout, and how to test and hand in
/// Sources/Submission/        the stubs, one file per exercise
/// Tests/SubmissionTests/     the lab's published numbers, checked by `swift test`
/// LabKit/                    LabKit as a local package: its sources, as students read them
/// ```
///
/// LabKit travels as source rather than as a versioned dependency: a local package needs no
/// network and no registry, builds with the student's own compiler, and is the very code the
/// grader compiles submissions against, so what students read is what is graded. Nothing of
/// the reference solutions, the grader, its instance generators or the mistake corpus goes in.
public struct StarterExport: Sendable {
    /// The assignment, as resolved from an id or a course's copy.
    public let assignment: ResolvedAssignment
    /// Where LabKit's sources are read from.
    public let toolchain: Toolchain

    /// LabKit's modules, copied from `Sources/` of this checkout.
    static let labKitModules = ["LabKit", "COpenBLAS", "CZlib"]

    /// The package's name: the starter's own (`name:` in its Package.swift), else the entry type.
    public let packageName: String

    /// An export of `assignment`'s starter, with LabKit from the package of `toolchain`.
    public init(assignment: ResolvedAssignment, toolchain: Toolchain = .current) {
        self.assignment = assignment
        self.toolchain = toolchain
        let manifest = (try? String(contentsOf: assignment.starter.appendingPathComponent("Package.swift"), encoding: .utf8)) ?? ""
        let pattern = try? NSRegularExpression(pattern: #"name:\s*"([A-Za-z_][A-Za-z0-9_]*)""#)
        let match = pattern?.firstMatch(in: manifest, range: NSRange(manifest.startIndex..., in: manifest))
        packageName = match.flatMap { Range($0.range(at: 1), in: manifest) }.map { String(manifest[$0]) } ?? assignment.assignment.entryType
    }

    /// Writes the starter to `destination`: a new or empty folder, or a `.zip` (replaced) whose
    /// one top folder is the package. Returns the files written, relative to the package.
    @discardableResult
    public func write(to destination: URL) throws -> [String] {
        let manager = FileManager.default
        let sources = assignment.starter.appendingPathComponent("Sources/Submission")
        guard manager.fileExists(atPath: sources.path) else {
            throw ExportError.missing(what: "the starter's sources", path: sources.path)
        }
        if destination.pathExtension.lowercased() == "zip" {
            let staging = manager.temporaryDirectory.appendingPathComponent("labgrade-starter-\(UUID().uuidString.prefix(8))")
            defer { try? manager.removeItem(at: staging) }
            let files = try writePackage(to: staging.appendingPathComponent(packageName))
            try ExportFiles.zip([packageName], in: staging, to: destination)
            return files
        }
        if let existing = try? manager.contentsOfDirectory(atPath: destination.path), !existing.isEmpty {
            throw ExportError.notEmpty(path: destination.path)
        }
        return try writePackage(to: destination)
    }

    private func writePackage(to root: URL) throws -> [String] {
        let manager = FileManager.default
        let starter = assignment.starter
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try ExportFiles.copyTree(starter.appendingPathComponent("Sources/Submission"), to: root.appendingPathComponent("Sources/Submission"))
        let tests = starter.appendingPathComponent("Tests")
        if manager.fileExists(atPath: tests.path) { try ExportFiles.copyTree(tests, to: root.appendingPathComponent("Tests")) }
        for module in Self.labKitModules {
            let from = toolchain.packageRoot.appendingPathComponent("Sources/\(module)")
            guard manager.fileExists(atPath: from.path) else { throw ExportError.missing(what: "LabKit's module \(module)", path: from.path) }
            try ExportFiles.copyTree(from, to: root.appendingPathComponent("LabKit/Sources/\(module)"))
        }
        let handout = (try? String(contentsOf: starter.appendingPathComponent("README.md"), encoding: .utf8)) ?? "# \(assignment.assignment.title)\n"
        try write(handout.trimmingCharacters(in: .newlines) + "\n\n" + usage, to: root.appendingPathComponent("README.md"))
        try write(studentManifest(hasTests: manager.fileExists(atPath: tests.path)), to: root.appendingPathComponent("Package.swift"))
        try write(Self.labKitManifest, to: root.appendingPathComponent("LabKit/Package.swift"))
        try write(".build/\n.swiftpm/\n", to: root.appendingPathComponent(".gitignore"))
        return ExportFiles.files(under: root)
    }

    /// The student's Package.swift: LabKit from `LabKit/`, Swift 5 language mode as in the checkout.
    private func studentManifest(hasTests: Bool) -> String {
        let testTarget = hasTests ? """
                    // `swift test`: the lab's published numbers, checked against your solution.
                    .testTarget(
                        name: "SubmissionTests",
                        dependencies: ["Submission", .product(name: "LabKit", package: "LabKit")],
                        swiftSettings: [.swiftLanguageMode(.v5)]
                    ),

            """ : ""
        return """
            // swift-tools-version: 6.0
            // \(assignment.assignment.title): implement the exercises in Sources/Submission/, check them with `swift test`.
            import PackageDescription

            let package = Package(
                name: "\(packageName)",
                dependencies: [
                    // LabKit, the library the lab is written against, travels with the starter.
                    .package(path: "LabKit")
                ],
                targets: [
                    .target(
                        name: "Submission",
                        dependencies: [.product(name: "LabKit", package: "LabKit")],
                        swiftSettings: [.swiftLanguageMode(.v5)]
                    ),
            \(testTarget)    ]
            )

            """
    }

    /// LabKit's own Package.swift: the library over the system's OpenBLAS and zlib.
    static let labKitManifest = """
        // swift-tools-version: 6.0
        // LabKit: matrices over OpenBLAS, the labs' data files and NumPy's random streams, and each lab's protocol.
        import PackageDescription

        let package = Package(
            name: "LabKit",
            products: [.library(name: "LabKit", targets: ["LabKit"])],
            targets: [
                .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
                .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
                .target(name: "LabKit", dependencies: ["COpenBLAS", "CZlib"]),
            ]
        )

        """

    /// What the README adds: testing, checking and handing in, outside a labgrade checkout.
    private var usage: String {
        """
        ## Working on this package

        This folder is a Swift package of its own: Swift 6 and OpenBLAS (`apt install libopenblas-dev
        zlib1g-dev` on Debian and Ubuntu) are all it needs. `LabKit/` holds the library the lab is
        written against, as source: read it to see what each function does.

        ```sh
        swift build     # compiles your exercises
        swift test      # checks them on the numbers the lab publishes
        ```

        A test fails while its exercise still throws `NotImplemented`, and says which number differs
        when it is wrong. The tests use only the lab's published instances; grading also runs hidden
        and randomized instances, so passing them is necessary, not sufficient. Where labgrade is
        installed, `labgrade check` runs the visible checks exactly as grading does.

        Hand in `Sources/Submission/`, or the whole package zipped without `.build/` (`LabKit/` and
        `Tests/` are left out when it is graded).

        """
    }

    private func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}
