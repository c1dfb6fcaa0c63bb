// GradeOptions: the knobs of one grading run.
import Foundation

/// Settings for ``Grading/grade(_:assignment:options:)``.
public struct GradeOptions: Sendable {
    /// Seed of the randomized instances; a fresh one each run when `nil` (the report records it).
    public var seed: UInt32?
    /// Run only checks students may see (`labgrade check`), only their published instances, and
    /// leave the expected values out of messages and diagnoses.
    public var studentPreview: Bool
    /// Where scratch folders go; removed after grading unless `keepScratch`.
    public var scratchRoot: URL
    /// Keep the scratch folder (build products, oracle folders) for inspection.
    public var keepScratch: Bool
    /// The toolchain and LabKit build to compile against.
    public var toolchain: Toolchain
    /// The reference's answers shared by the gradings of a batch (one seed for all); `nil` computes
    /// them in every grading.
    public var referenceCache: ReferenceCache?
    /// Run the ``CheckLanes`` side by side, each lane's oracle on its own core, rather than one
    /// after the other. The lanes' oracles and calls are the same either way; only the wall time
    /// and the load the submission's training is timed under change. The mistake corpus, whose
    /// expected results include verdicts of slowness, runs them one after the other when it
    /// grades several cases at once.
    public var overlapsLanes: Bool

    /// Options with defaults: random seed, all checks, scratch under the system temporary folder, no shared cache.
    public init(
        seed: UInt32? = nil, studentPreview: Bool = false,
        scratchRoot: URL = FileManager.default.temporaryDirectory, keepScratch: Bool = false,
        toolchain: Toolchain = .current, referenceCache: ReferenceCache? = nil,
        overlapsLanes: Bool = ProcessInfo.processInfo.activeProcessorCount > 1
    ) {
        self.overlapsLanes = overlapsLanes
        self.seed = seed
        self.studentPreview = studentPreview
        self.scratchRoot = scratchRoot
        self.keepScratch = keepScratch
        self.toolchain = toolchain
        self.referenceCache = referenceCache
    }

    /// The isolation to grade with; `nil` for the best this machine allows (bubblewrap when it
    /// works). The tests ask for `.limitsOnly` to grade as a container without user namespaces would.
    public var isolation: Sandbox.Isolation?
    /// Folders a submission must not read besides the checkout (a class's submissions, the
    /// gradebook's folder): without bubblewrap they are made unreadable to other users.
    public var hiddenFolders: [URL] = []
    /// Take compiles done before from the ``OracleCache`` (and store new ones); off, every
    /// grading compiles (as the tests of the compiler's own behaviour need).
    public var usesOracleCache = true
}
