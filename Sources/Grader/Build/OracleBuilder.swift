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
    /// How many times the compiler ran (compiles taken from the ``OracleCache`` do not count).
    public var compilerRuns = 0
    /// The program combining every exercise that compiled with the starter's stubs for the rest: it
    /// answers calls to an uncompiled exercise (as "not implemented") made on behalf of another check.
    public var combined: URL?

    /// Whether the student's code for `exercise` compiled.
    public func compiled(_ exercise: String) -> Bool {
        whole != nil || perExercise[exercise] != nil
    }

    /// The program that serves `exercise`.
    public func oracle(for exercise: String) -> URL? {
        whole ?? perExercise[exercise] ?? combined
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
    /// Where the compiler runs; `nil` for a sandbox of the compiler's default limits.
    var sandbox: Sandbox?
    /// Compiles done before, by their inputs; `nil` to compile every time.
    public var cache: OracleCache?

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
        let sandbox = try self.sandbox ?? Sandbox(limits: .compiler(memoryBytes: 2 << 30), products: toolchain.products, user: nil)
        let compile = { (files: [String], folder: URL, output: String) throws -> Attempt in
            try self.compile(files, in: folder, entry: entry, output: output, scratch: scratch, sandbox: sandbox)
        }

        let whole = try compile(source.files, source.folder, "oracle")
        var build = OracleBuild(
            whole: whole.program, perExercise: [:], diagnostics: whole.diagnostics, exerciseDiagnostics: [:],
            compileSeconds: whole.seconds, combined: nil)
        build.compilerRuns = whole.ran ? 1 : 0
        guard whole.program == nil else { return build }

        let starterFiles = try starterSources()
        let studentByName = Dictionary(source.files.map { (($0 as NSString).lastPathComponent, $0) }) { first, _ in first }
        let helpers = source.files.filter { !exerciseFiles.values.contains(($0 as NSString).lastPathComponent) }
        // Each file is compiled once, however many exercises (or helper exercises) it holds.
        for fileName in Set(exerciseFiles.values).sorted() {
            guard let studentFile = studentByName[fileName] else { continue }
            let exercises = exerciseFiles.filter { $0.value == fileName }.map(\.key)
            let stem = (fileName as NSString).deletingPathExtension
            let output = "oracle-\(stem)"
            // First with the student's own helpers (and type file); then with the starter's alone.
            let attempt = try compile(
                try layOutAlone(studentFile, as: fileName, helpers: helpers, source: source, starterFiles: starterFiles,
                                folder: scratch.appendingPathComponent("alone-\(stem)")),
                scratch.appendingPathComponent("alone-\(stem)"), output)
            build.compileSeconds += attempt.seconds
            build.compilerRuns += attempt.ran ? 1 : 0
            var program = attempt.program
            if program == nil && !helpers.isEmpty {
                let bare = try compile(
                    try layOutAlone(studentFile, as: fileName, helpers: [], source: source, starterFiles: starterFiles,
                                    folder: scratch.appendingPathComponent("alone-\(stem)-bare")),
                    scratch.appendingPathComponent("alone-\(stem)-bare"), output)
                build.compileSeconds += bare.seconds
                build.compilerRuns += bare.ran ? 1 : 0
                program = bare.program
            }
            for exercise in exercises {
                if let program {
                    build.perExercise[exercise] = program
                } else {
                    // The student's own set-up (with their helpers) gives the errors they can act on.
                    build.exerciseDiagnostics[exercise] = attempt.diagnostics
                }
            }
        }
        try combineCompiling(&build, source: source, helpers: helpers, starterFiles: starterFiles, scratch: scratch, compile: compile)
        return build
    }

    private func starterSources() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: starter.path).filter { $0.hasSuffix(".swift") }.sorted()
    }

    /// Builds one program from every exercise that compiled alone, so exercises that call each other
    /// (a gradient that calls the student's own forward pass) are graded with the student's code,
    /// not the starter's stubs. Keeps the per-exercise programs when the combination does not compile.
    private func combineCompiling(
        _ build: inout OracleBuild, source: SubmissionSource, helpers: [String], starterFiles: [String], scratch: URL,
        compile: (_ files: [String], _ folder: URL, _ output: String) throws -> Attempt
    ) throws {
        let compiled = build.perExercise.keys.compactMap { exerciseFiles[$0] }
        guard !compiled.isEmpty else { return }
        let folder = scratch.appendingPathComponent("combined")
        let studentByName = Dictionary(source.files.map { (($0 as NSString).lastPathComponent, $0) }) { first, _ in first }
        let overlays = (helpers.map { ($0 as NSString).lastPathComponent } + compiled).compactMap { name in
            studentByName[name].map { (student: $0, as: name) }
        }
        let files = try layOut(starterFiles, overlaidWith: overlays, from: source, in: folder)
        let attempt = try compile(files.sorted(), folder, "oracle-combined")
        build.compileSeconds += attempt.seconds
        build.compilerRuns += attempt.ran ? 1 : 0
        guard let program = attempt.program else { return }
        build.combined = program
        for exercise in build.perExercise.keys { build.perExercise[exercise] = program }
    }

    /// Lays out the starter with `fileName` replaced by the student's `studentFile` and the student's
    /// `helpers` laid over the starter's files of the same name; returns the files to compile.
    private func layOutAlone(
        _ studentFile: String, as fileName: String, helpers: [String], source: SubmissionSource, starterFiles: [String], folder: URL
    ) throws -> [String] {
        let overlays = helpers.map { (student: $0, as: ($0 as NSString).lastPathComponent) } + [(studentFile, fileName)]
        return try layOut(starterFiles, overlaidWith: overlays, from: source, in: folder)
    }

    /// Copies the starter's files into `folder`, then the student's `overlays` over them by name;
    /// returns the file names to compile.
    private func layOut(
        _ starterFiles: [String], overlaidWith overlays: [(student: String, as: String)], from source: SubmissionSource,
        in folder: URL
    ) throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in starterFiles {
            try manager.copyItem(at: starter.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        for overlay in overlays {
            let target = folder.appendingPathComponent(overlay.as)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.copyItem(at: source.folder.appendingPathComponent(overlay.student), to: target)
        }
        return Set(starterFiles + overlays.map(\.as)).sorted()
    }

    /// One `swiftc -O -wmo` run in `sandbox`, on one of the process's ``CoreSlots``; `files` are
    /// relative to `folder`, which is the working directory, so diagnostics name files as the
    /// student does. The program is written to `scratch/bin/<output>`, the only place the compiler
    /// may write besides its private space. With a ``cache``, a compile of the same inputs done
    /// before is taken from it instead (its program, or the diagnostics of an ordinary compile
    /// error), and a new one is stored.
    private func compile(_ files: [String], in folder: URL, entry: URL, output: String, scratch: URL, sandbox: Sandbox) throws
        -> Attempt
    {
        let bin = scratch.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let program = bin.appendingPathComponent(output)
        let main = entry.appendingPathComponent("main.swift")
        let start = DispatchTime.now()
        let key = try cache.map { _ in
            try OracleCache.key(
                files: [("<labgrade entry point>", Data(contentsOf: main))] + files.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) },
                arguments: sdk.compilerArguments(output: URL(fileURLWithPath: "/oracle"), sources: ["<labgrade entry point>"] + files),
                compiler: toolchain.versionLine)
        }
        if let cache, let key, let outcome = cache.lookup(key, program: program) {
            switch outcome {
            case .program(let cached): return Attempt(program: cached, diagnostics: "", seconds: start.secondsSince, ran: false)
            case .failed(let diagnostics): return Attempt(program: nil, diagnostics: diagnostics, seconds: start.secondsSince, ran: false)
            }
        }
        let arguments = sdk.compilerArguments(output: program, sources: [main.path] + files)
        let command = Sandbox.Command(
            executable: toolchain.swiftc, arguments: arguments, readable: [toolchain.root, sdk.root, folder, entry], writable: [bin],
            workingDirectory: folder, hostFolder: scratch.appendingPathComponent("compiler-\(output)"))
        sandbox.handOver([folder, entry, bin])
        let result = try CoreSlots.shared.holding { try sandbox.run(command, timeout: timeout) }
        let diagnostics = result.output.replacingOccurrences(of: folder.path + "/", with: "")
            .replacingOccurrences(of: main.path, with: "<labgrade entry point>")
        // Only a regular file the compiler wrote counts as a program (never a link in its place).
        var info = stat()
        let written = lstat(program.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        if let cache, let key {
            // A compile stopped by a limit or a crash may go otherwise next time: only clean outcomes are kept.
            if result.status == 0 && written { cache.store(key, outcome: .program(program)) }
            if result.status == 1 { cache.store(key, outcome: .failed(diagnostics: diagnostics)) }
        }
        return Attempt(
            program: result.status == 0 && written ? program : nil, diagnostics: result.status == 0 ? "" : diagnostics,
            seconds: result.seconds, ran: true)
    }

    /// One compile: the program or the diagnostics, its seconds, and whether the compiler ran.
    private struct Attempt {
        var program: URL?
        var diagnostics: String
        var seconds: Double
        var ran: Bool
    }
}
