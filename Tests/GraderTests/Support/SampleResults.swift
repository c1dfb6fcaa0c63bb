// SampleResults: hand-made grading results over a real manifest, for the report writers' tests.
import Foundation

@testable import Grader

/// Builds ``GradingResult`` values without grading: every check of an assignment, with chosen
/// outcomes, messages and curves.
enum SampleResults {
    /// The hlcv-ex2 manifest of this checkout.
    static func hlcv() throws -> Assignment {
        try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
    }

    /// A result of `student` for `assignment`: the checks in `outcomes` get that status (with a
    /// message naming it and, for a failure, `diagnosis`), all others pass; training checks carry
    /// learning curves.
    static func result(
        _ student: String, of assignment: Assignment, outcomes: [String: CheckResult.Status] = [:],
        diagnosis: Diagnosis? = nil, compiled: Bool = true, output: String = ""
    ) -> GradingResult {
        let checks = assignment.checks.map { check -> CheckResult in
            let status = outcomes[check.id] ?? .pass
            let curve = (0..<60).map { 2.3 * Foundation.exp(-Double($0) / 12) + 0.05 }
            return CheckResult(
                id: check.id, title: check.title, exercise: check.exercise, kind: check.kind, visibility: check.visibility,
                status: status, points: status == .pass ? check.points : 0, maxPoints: check.points,
                message: status == .pass ? "" : "\(check.id) lost its points: dW1 < expected & \"quoted\"",
                diagnosis: status == .fail ? diagnosis?.text : nil, diagnoses: status == .fail ? diagnosis.map { [$0] } ?? [] : [],
                instances: [.init(label: "published", status: status, message: status == .pass ? "" : "differs")],
                seconds: 0.1,
                curves: check.kind == .training ? ["published: yours": curve.map { $0 * 1.1 }, "published: reference": curve] : [:],
                measurements: check.kind == .training ? ["published: loss": 0.05, "published: time limit seconds": 2] : [:])
        }
        return GradingResult(
            assignment: .init(id: assignment.id, title: assignment.title), submission: .init(name: student, path: "/submissions/\(student)"),
            seed: 7, startedAt: "2026-11-23T06:00:00Z", seconds: 12.5,
            environment: .init(labgrade: "0.1.0", swift: "Swift 6.3.1", blas: "Zen", isolation: "bubblewrap"),
            build: .init(
                compiled: compiled, compiledAlone: compiled ? [] : ["scores"], diagnostics: compiled ? "" : "Q1bLoss.swift:7:50: error: <cannot convert>",
                ignored: [], seconds: 0.7),
            checks: checks, output: .init(stdout: output, stderr: "", truncated: false))
    }
}
