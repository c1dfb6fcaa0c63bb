// OracleBuilder: compiles a submission with the generated entry point into an oracle program.
import Foundation

/// What a build produced: an oracle for the whole submission or, failing that, one per exercise.
public struct OracleBuild: Sendable {
    /// The program built from the whole submission, when it compiled.
    public var whole: URL?
    /// For a submission that did not compile whole: a program per exercise whose file compiled
    /// alone against the starter's stubs for the rest.
    public var perExercise: [String: URL]
    /// The compiler's output for the whole submission, paths relative to the submission; empty on success.
    public var diagnostics: String
    /// The compiler's output for each exercise retried alone that still failed.
    public var exerciseDiagnostics: [String: String]
    /// Seconds spent compiling.
    public var compileSeconds: Double

    /// The program that serves `exercise`, if any compiled.
    public func oracle(for exercise: String) -> URL? {
        whole ?? perExercise[exercise]
    }
}

/// Builds oracle programs for one assignment's submissions.
public struct OracleBuilder: Sendable {
    /// The SDK student code is compiled against.
    public let sdk: StudentSDK
    /// The compiler.
    public let toolchain: Toolchain
    /// The type the submission declares, e.g. `HLCVExercise2`.
    public let entryType: String
    /// LabKit's responder for the lab's protocol, e.g. `HLCVResponder`.
    public let responder: String
    /// Exercise id → the starter file that holds it.
    public let exerciseFiles: [String: String]
    /// The starter's sources, whose stubs stand in for exercises that do not compile.
    public let starter: URL
    /// Compile-time limit per compiler run, seconds.
    public var timeout: Double = 120

    /// Makes a builder.
    public init(
        sdk: StudentSDK, toolchain: Toolchain, entryType: String, responder: String, exerciseFiles: [String: String],
        starter: URL
    ) {
        self.sdk = sdk
        self.toolchain = toolchain
        self.entryType = entryType
        self.responder = responder
        self.exerciseFiles = exerciseFiles
        self.starter = starter
    }

    /// Compiles `source` in `scratch`; when the whole does not compile, retries each exercise alone.
    public func build(_ source: SubmissionSource, scratch: URL) throws -> OracleBuild {
        let entry = scratch.appendingPathComponent("entry")
        try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)
        try "import LabKit\nOracleLoop.serve(\(responder)(\(entryType)()))\n"
            .write(to: entry.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)

        let whole = try compile(source.files, in: source.folder, entry: entry, output: scratch.appendingPathComponent("oracle"))
        var build = OracleBuild(
            whole: whole.program, perExercise: [:], diagnostics: whole.diagnostics, exerciseDiagnostics: [:],
            compileSeconds: whole.seconds)
        guard whole.program == nil else { return build }

        let starterFiles = try starterSources()
        let studentByName = Dictionary(source.files.map { (($0 as NSString).lastPathComponent, $0) }) { first, _ in first }
        let helpers = source.files.filter { !exerciseFiles.values.contains(($0 as NSString).lastPathComponent) }
        for (exercise, fileName) in exerciseFiles.sorted(by: { $0.key < $1.key }) {
            guard let studentFile = studentByName[fileName] else { continue }
            let mixed = scratch.appendingPathComponent("alone-\(exercise)")
            try FileManager.default.createDirectory(at: mixed, withIntermediateDirectories: true)
            for file in starterFiles where file != fileName {
                try FileManager.default.copyItem(at: starter.appendingPathComponent(file), to: mixed.appendingPathComponent(file))
            }
            try FileManager.default.copyItem(
                at: source.folder.appendingPathComponent(studentFile), to: mixed.appendingPathComponent(fileName))
            let output = scratch.appendingPathComponent("oracle-\(exercise)")
            let baseFiles = starterFiles.filter { $0 != fileName } + [fileName]
            var attempt = try compile(baseFiles + copyHelpers(helpers, from: source.folder, to: mixed), in: mixed, entry: entry, output: output)
            if attempt.program == nil && !helpers.isEmpty {
                attempt = try compile(baseFiles, in: mixed, entry: entry, output: output)
            }
            build.compileSeconds += attempt.seconds
            if let program = attempt.program {
                build.perExercise[exercise] = program
            } else {
                build.exerciseDiagnostics[exercise] = attempt.diagnostics
            }
        }
        return build
    }

    private func starterSources() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: starter.path).filter { $0.hasSuffix(".swift") }.sorted()
    }

    private func copyHelpers(_ helpers: [String], from folder: URL, to mixed: URL) throws -> [String] {
        for helper in helpers {
            let target = mixed.appendingPathComponent(helper)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(helper), to: target)
            }
        }
        return helpers
    }

    /// One `swiftc -O -wmo` run; `files` are relative to `folder`, which is the working directory,
    /// so diagnostics name files as the student does.
    private func compile(_ files: [String], in folder: URL, entry: URL, output: URL) throws
        -> (program: URL?, diagnostics: String, seconds: Double)
    {
        let arguments =
            [
                "-O", "-wmo", "-module-name", "Submission", "-module-cache-path", sdk.moduleCache.path,
                "-I", sdk.modules.path, "-L", sdk.libraries.path, "-lLabKit",
                "-Xlinker", "-rpath", "-Xlinker", sdk.libraries.path, "-suppress-warnings",
                "-o", output.path, entry.appendingPathComponent("main.swift").path,
            ] + files
        let result = try Compiler.run(toolchain.swiftc, arguments, in: folder, timeout: timeout)
        let diagnostics = result.output.replacingOccurrences(of: folder.path + "/", with: "")
            .replacingOccurrences(of: entry.appendingPathComponent("main.swift").path, with: "<labgrade entry point>")
        return (result.status == 0 ? output : nil, result.status == 0 ? "" : diagnostics, result.seconds)
    }
}
