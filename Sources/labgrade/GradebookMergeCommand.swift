// `labgrade gradebook merge`: combines shard gradebooks into one.
import ArgumentParser
import BatchGrading
import Foundation

/// Merges gradebooks (the shards of one batch) into an output gradebook.
struct GradebookMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge gradebooks (e.g. the shards of a batch) into one.",
        discussion: """
            OUT is created when it does not exist, else the inputs are added to it. Every grading is kept once: \
            merging a shard twice adds nothing, and a student graded in two inputs keeps both gradings in the \
            history, the later one current. Gradebooks of different assignments, or with different seeds, are \
            refused unless --force.
            """)

    @Argument(help: "The merged gradebook.")
    var output: String

    @Argument(help: "The gradebooks to merge into it.")
    var inputs: [String]

    @Flag(help: "Merge even when the assignments or seeds differ.")
    var force = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one gradebook to merge into \(output)") }
    }

    func run() throws {
        let sources = try inputs.map { try Gradebook(existing: BatchCommand.url($0), readOnly: true) }
        let target = try Gradebook(creatingAt: BatchCommand.url(output))
        let report = try target.merge(sources, force: force)
        print("merged \(report.gradings) gradings from \(report.batches) batches into \(target.file.path)"
            + (report.duplicates > 0 ? " (\(report.duplicates) already there)" : ""))
    }
}
