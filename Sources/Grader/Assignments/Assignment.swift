// Assignment: one lab as graded — its exercises, its checks, points and limits (assignment.json).
import Foundation
import LabKit

/// The grading plan of one lab, read from `assignments/<id>/assignment.json`.
public struct Assignment: Sendable, Codable, Hashable {
    /// Identifier, also the folder name, e.g. `hlcv-ex2`.
    public var id: String
    /// Title shown in reports.
    public var title: String
    /// The lab this assignment grades, by the id of this checkout's assignment of it, when that
    /// differs from ``id``: a course's own copy (`"lab": "hlcv-ex2"`) with its own id.
    public var lab: String? = nil
    /// The lab protocol students conform to, e.g. `HLCVTwoLayerNetLab`.
    public var `protocol`: String
    /// The type a submission declares, e.g. `HLCVExercise2`.
    public var entryType: String
    /// LabKit's responder for the protocol, e.g. `HLCVResponder`.
    public var responder: String
    /// The exercises, each in its own starter file.
    public var exercises: [Exercise]
    /// Time and memory for one submission.
    public var limits: Limits
    /// The checks, run in this order.
    public var checks: [Check]

    /// One exercise: a protocol requirement and the starter file that holds it.
    public struct Exercise: Sendable, Codable, Hashable {
        /// The requirement's name, as requests name it, e.g. `loss`.
        public var id: String
        /// The starter file, e.g. `Q1bLoss.swift`.
        public var file: String
        /// The lab's own label, e.g. `Question 1 b)`.
        public var title: String
        /// The exercises a solution of this one builds on (HLCV's `train` on `loss` and
        /// `gradients`): a failure there is named as the likely cause of a failure here.
        public var uses: [String]? = nil
    }

    /// Resources for one submission.
    public struct Limits: Sendable, Codable, Hashable {
        /// Wall-clock budget for all of a submission's checks, seconds.
        public var submissionSeconds: Double
        /// Memory for the submission's process tree, MB.
        public var memoryMegabytes: Int
        /// The private disk space of each of the submission's programs, MB (default 256).
        public var diskMegabytes: Int
        /// Files and folders each program may create there (default 4,096).
        public var files: Int
        /// Wall-clock limit of each compiler run, seconds (default 60).
        public var compileSeconds: Double

        private enum CodingKeys: String, CodingKey { case submissionSeconds, memoryMegabytes, diskMegabytes, files, compileSeconds }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            submissionSeconds = try container.decode(Double.self, forKey: .submissionSeconds)
            memoryMegabytes = try container.decode(Int.self, forKey: .memoryMegabytes)
            diskMegabytes = try container.decodeIfPresent(Int.self, forKey: .diskMegabytes) ?? 256
            files = try container.decodeIfPresent(Int.self, forKey: .files) ?? 4_096
            compileSeconds = try container.decodeIfPresent(Double.self, forKey: .compileSeconds) ?? 60
        }

        /// The limits of the submission's oracles.
        public var oracle: SandboxLimits {
            SandboxLimits(memoryBytes: memoryMegabytes << 20, diskBytes: diskMegabytes << 20, inodes: files)
        }

        /// The limits of the compiler runs on the submission.
        public var compiler: SandboxLimits {
            var limits = SandboxLimits.compiler(memoryBytes: memoryMegabytes << 20)
            limits.diskBytes = Swift.max(limits.diskBytes, diskMegabytes << 20)
            return limits
        }
    }

    /// The id of the lab graded: ``lab``, or ``id`` for this checkout's own assignments.
    public var labID: String { lab ?? id }

    /// The exercise with `id`.
    public func exercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }

    /// The total points available.
    public var totalPoints: Double { checks.reduce(0) { $0 + $1.points } }
}
