// Grading: one submission through build, sandboxed checks and scoring, into a GradingResult.
import Foundation
import LabKit
import Synchronization

/// Grades submissions. Student code only ever runs in the sandbox; every verdict is made here.
public enum Grading {
    /// Grades the submission at `submission` (folder, package, .zip or .tar.gz) against `assignment`.
    ///
    /// Throws only when grading itself cannot run (a missing build product, an unknown lab, a
    /// submission path that does not exist); anything the submission is or does — a refused
    /// archive included — is scored and reported.
    public static func grade(_ submission: URL, assignment: Assignment, options: GradeOptions = GradeOptions()) throws
        -> GradingResult
    {
        let start = DispatchTime.now()
        let startedAt = ISO8601DateFormatter().string(from: Date())
        let seed = options.seed ?? UInt32.random(in: 0...UInt32.max)
        let driver = try LabDrivers.driver(for: assignment.labID)
        BLASConfiguration.setThreads(1)

        let scratch = options.scratchRoot.appendingPathComponent("labgrade-\(assignment.id)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let runtime = try SandboxRuntime.shared(products: options.toolchain.products)
        // The grading's own user (when labgrade runs as root) compiles and runs the submission;
        // when the grading ends every process of it is killed, wherever it went.
        let user = try SandboxUser.borrow(locks: runtime.userLocks)
        let sandbox = try Sandbox(limits: assignment.limits.oracle, products: options.toolchain.products, user: user, isolation: options.isolation)
        defer {
            user?.release(helper: runtime.helper)
            if let user, sandbox.isolation == .limitsOnly {
                for folder in DiskWatchdog.worldWritable { FileTree.removeEntries(of: folder, ownedBy: user.uid) }
            }
            if options.keepScratch {
                FileHandle.standardError.write(Data("labgrade: kept the scratch folder \(scratch.path)\n".utf8))
            } else {
                FileTree.remove(scratch)
            }
        }

        sandbox.hide([options.toolchain.packageRoot] + options.hiddenFolders)
        let environment = GradingResult.EnvironmentInfo(
            labgrade: LabgradeVersion.current, swift: options.toolchain.versionLine, blas: BLASConfiguration.kernelDescription,
            isolation: sandbox.isolation.rawValue, layers: sandbox.layers)
        let source: SubmissionSource
        do {
            source = try SubmissionSource.collect(submission, into: scratch)
        } catch let problem as SubmissionProblem {
            // The submission's own fault (a refused archive, no Swift file): its result says why.
            let message = "the submission could not be read: \(problem)"
            return GradingResult(
                assignment: .init(id: assignment.id, title: assignment.title),
                submission: .init(name: submission.lastPathComponent, path: submission.path), seed: seed,
                startedAt: startedAt, seconds: start.secondsSince, environment: environment,
                build: .init(compiled: false, compiledAlone: [], diagnostics: message, ignored: [], seconds: 0),
                checks: planned(assignment, options).map { CheckResult(check: $0.check, instances: [("build", InstanceOutcome(status: .error, message: message))], seconds: 0) },
                output: .init(stdout: "", stderr: "", truncated: false))
        }
        // Everything of the submission's belongs to its own user alone, not to other gradings'.
        sandbox.handOver([scratch])
        // Built once; gradings and processes that ask at the same time wait for the one builder.
        let sdk = try StudentSDK.prepare(toolchain: options.toolchain, cache: StudentSDK.defaultCache(options.toolchain))
        var builder = OracleBuilder(
            sdk: sdk, toolchain: options.toolchain, entryType: assignment.entryType, responder: assignment.responder,
            exerciseFiles: Dictionary(assignment.exercises.map { ($0.id, $0.file) }) { first, _ in first },
            starter: AssignmentCatalog(toolchain: options.toolchain).starterSources(assignment.labID))
        builder.sandbox = sandbox.with(limits: assignment.limits.compiler)
        builder.timeout = assignment.limits.compileSeconds
        builder.cache = options.usesOracleCache ? try OracleCache.standard(products: options.toolchain.products) : nil
        let planned = planned(assignment, options)
        let random = { @Sendable (index: Int) in NumPyRandomState(seed: [seed, UInt32(index)]) }
        // The reference's answers are computed on their own thread from here on, while the
        // submission compiles and while it answers.
        let shared = options.referenceCache?.entries(assignment: assignment.id, seed: seed, preview: options.studentPreview)
        let ahead = ReferenceAhead(checks: planned, driver: driver, random: random, shared: shared)
        defer { ahead.stop() }
        let build = try builder.build(source, scratch: scratch)

        let pool = OraclePool(build: build, sandbox: sandbox, folder: scratch, readable: [sdk.libraries])
        let deadline = DispatchTime.now() + assignment.limits.submissionSeconds
        let lanes = CheckLanes(planned).lanes
        let outcomes = Mutex([Int: Result<CheckResult, any Error>]())
        let runLane = { @Sendable (lane: Int) in
            for (index, check) in lanes[lane] {
                // A grader failure (in either lane) ends the grading: no point running more checks.
                guard !outcomes.withLock({ $0.values.contains { (try? $0.get()) == nil } }) else { return }
                let outcome: Result<CheckResult, any Error>
                if pool.serves(check.exercise) {
                    var context = CheckContext(
                        check: check, driver: driver, pool: pool, random: random(index), deadline: deadline, index: index, ahead: ahead)
                    context.withholdsExpected = options.studentPreview
                    context.lane = lane
                    outcome = Result { try run(&context) }
                } else {
                    outcome = .success(uncompiled(check, build: build))
                }
                outcomes.withLock { $0[index] = outcome }
            }
        }
        if options.overlapsLanes {
            side(by: lanes.count, runLane)
        } else {
            lanes.indices.forEach(runLane)
        }
        let results = try outcomes.withLock { finished in try planned.compactMap { try finished[$0.index]?.get() } }
        let output = pool.finish()
        return GradingResult(
            assignment: .init(id: assignment.id, title: assignment.title),
            submission: .init(name: submission.lastPathComponent, path: submission.path), seed: seed,
            startedAt: startedAt, seconds: start.secondsSince,
            environment: environment,
            build: .init(
                compiled: build.whole != nil, compiledAlone: build.perExercise.keys.sorted(), diagnostics: build.diagnostics,
                ignored: source.ignored, seconds: build.compileSeconds, compilerRuns: build.compilerRuns),
            checks: RootCauses.attach(results, assignment: assignment), output: output)
    }

    /// The checks a grading runs, with their positions in the manifest: all of them, or in a
    /// student's preview the visible ones on their published instances only.
    private static func planned(_ assignment: Assignment, _ options: GradeOptions) -> [(index: Int, check: Check)] {
        assignment.checks.enumerated().compactMap { index, check -> (index: Int, check: Check)? in
            guard options.studentPreview else { return (index, check) }
            guard check.visibility == .visible else { return nil }
            var preview = check
            preview.instances.randomized = 0
            preview.instances.hostile = nil
            preview.instances.published = true
            return (index, preview)
        }
    }

    private static func run(_ context: inout CheckContext) throws -> CheckResult {
        switch context.check.kind {
        case .value: return try ValueCheck.run(&context)
        case .gradient: return try GradientCheck.run(&context)
        case .training: return try TrainingCheck.run(&context)
        case .property: return try PropertyCheck.run(&context)
        }
    }

    /// Runs `work(0)` here and `work(1)`, `work(2)` … each on a thread of its own (with room for
    /// deep stacks, like the reference's), and returns when all have.
    private static func side(by count: Int, _ work: @escaping @Sendable (Int) -> Void) {
        let finished = DispatchSemaphore(value: 0)
        for lane in 1..<Swift.max(1, count) {
            let thread = Thread {
                work(lane)
                finished.signal()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        if count > 0 { work(0) }
        for _ in 1..<Swift.max(1, count) { finished.wait() }
    }

    /// A check whose exercise did not compile, even alone.
    private static func uncompiled(_ check: Check, build: OracleBuild) -> CheckResult {
        let diagnostics = build.exerciseDiagnostics[check.exercise] ?? build.diagnostics
        let message = "the code for \(check.exercise) does not compile:\n" + String(diagnostics.prefix(4000))
        return CheckResult(check: check, instances: [("build", InstanceOutcome(status: .error, message: message))], seconds: 0)
    }
}
