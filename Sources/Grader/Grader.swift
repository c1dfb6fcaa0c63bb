// Grader: the trusted host that builds, runs and checks submissions.
import LabKit

/// The grader's version, reported by `labgrade --version` and in every report.
public enum LabgradeVersion {
    /// Semantic version of this labgrade build.
    public static let current = "0.1.0"
}
