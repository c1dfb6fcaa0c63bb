// GradingResult: everything one grading run found, the single model every report is written from.
import Foundation

/// The result of grading one submission against one assignment.
public struct GradingResult: Sendable, Codable, Hashable {
    /// The assignment's id and title.
    public var assignment: AssignmentInfo
    /// The submission's name and path.
    public var submission: SubmissionInfo
    /// The seed of the randomized instances; grading again with it repeats the run exactly.
    public var seed: UInt32
    /// When grading started (ISO 8601).
    public var startedAt: String
    /// Wall time of the whole run, seconds.
    public var seconds: Double
    /// Versions and isolation of the grader.
    public var environment: EnvironmentInfo
    /// How the build went.
    public var build: BuildInfo
    /// One result per check, in manifest order.
    public var checks: [CheckResult]
    /// What the submission printed (capped).
    public var output: OutputInfo

    /// Points earned.
    public var score: Double { checks.reduce(0) { $0 + $1.points } }
    /// Points available.
    public var maxScore: Double { checks.reduce(0) { $0 + $1.maxPoints } }

    /// The assignment graded.
    public struct AssignmentInfo: Sendable, Codable, Hashable {
        /// Manifest id.
        public var id: String
        /// Manifest title.
        public var title: String
    }

    /// The submission graded.
    public struct SubmissionInfo: Sendable, Codable, Hashable {
        /// Its name (the folder or archive name).
        public var name: String
        /// Its path as given.
        public var path: String
    }

    /// The grader's environment.
    public struct EnvironmentInfo: Sendable, Codable, Hashable {
        /// labgrade's version.
        public var labgrade: String
        /// The Swift compiler's version line.
        public var swift: String
        /// The OpenBLAS kernel.
        public var blas: String
        /// How the submission was confined.
        public var isolation: String
        /// Every layer of confinement that was in force, and a warning for each one missing.
        public var layers: SandboxLayers? = nil
    }

    /// The build of the submission.
    public struct BuildInfo: Sendable, Codable, Hashable {
        /// Whether the whole submission compiled.
        public var compiled: Bool
        /// Exercises that compiled alone when the whole did not.
        public var compiledAlone: [String]
        /// Compiler output when the whole did not compile (paths relative to the submission).
        public var diagnostics: String
        /// Files left out and why.
        public var ignored: [String]
        /// Seconds spent compiling.
        public var seconds: Double
        /// How many times the compiler ran; 0 when every compile came from the oracle cache.
        public var compilerRuns: Int? = nil
    }

    /// The submission's own output.
    public struct OutputInfo: Sendable, Codable, Hashable {
        /// Standard output, first bytes.
        public var stdout: String
        /// Standard error, first bytes.
        public var stderr: String
        /// Whether either was cut.
        public var truncated: Bool
    }
}
