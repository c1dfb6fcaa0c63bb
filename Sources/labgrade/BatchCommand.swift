// `labgrade batch`: grades a folder of submissions into a gradebook, resumably and in parallel.
import ArgumentParser
import BatchGrading
import Foundation
import Grader

/// Grades every submission in a folder against one assignment.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Grade a folder of submissions into a SQLite gradebook.",
        discussion: """
            Each entry of the folder is one student's submission: a folder, a .zip or a .tar.gz, named after \
            the student (alice/, bob.zip, carol.tar.gz). Every student is graded with the same seed, so all \
            get the same hidden instances; the seed is recorded in the gradebook. Each grading is committed \
            as soon as it is done: running the same command again after an interruption grades only the \
            students not yet recorded. --regrade grades everyone again and keeps the old gradings as history.

            With --shard i/n this run grades only the students at positions p of the sorted student ids \
            (submissions and roster together) with p mod n = i - 1; give every shard the same --seed and \
            its own --gradebook, then combine them with `labgrade gradebook merge`.
            """)

    @Argument(help: "The folder of submissions.")
    var submissions: String

    @Option(name: .shortAndLong, help: "The assignment: an id (see `labgrade assignments`) or the folder of a course's own copy of one.")
    var assignment: String

    @Option(help: "A CSV class list with a header row and an `id` column (`name`, `email` optional).")
    var roster: String?

    @Option(name: .shortAndLong, help: "Submissions graded at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The gradebook file (default: <submissions>/labgrade-gradebook.sqlite).")
    var gradebook: String?

    @Option(name: .shortAndLong, help: "Also write each student's JSON, Markdown and HTML reports to <out>/<student>/ and the class page to <out>/class.html.")
    var out: String?

    @Option(help: "Grade only part i of n of the class, e.g. 2/4 (needs --seed).")
    var shard: String?

    @Option(help: "Seed of the hidden instances for every student (default: the gradebook's, or random).")
    var seed: UInt32?

    @Flag(help: "Grade every student again; earlier gradings stay in the gradebook's history.")
    var regrade = false

    @Flag(help: "Run each grading's two check lanes one after the other (by default they run side by side on a machine with more than one core).")
    var oneLaneAtATime = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let folder = Self.url(submissions)
        var options = BatchOptions(
            seed: seed, jobs: jobs, shard: try shard.map(Shard.init(parsing:)) ?? .whole, regrade: regrade,
            roster: try roster.map { try Roster.load(from: Self.url($0)) }, reports: out.map(Self.url))
        options.grading.overlapsLanes = options.grading.overlapsLanes && !oneLaneAtATime
        let manifest = try AssignmentCatalog().resolve(assignment).assignment
        let book = try Gradebook(creatingAt: gradebook.map(Self.url) ?? folder.appendingPathComponent(Gradebook.defaultFileName))
        let progress = BatchProgress(output: .standardOutput)
        let summary = try BatchRunner.run(folder, assignment: manifest, gradebook: book, options: options) { event in
            progress.show(event)
        }
        progress.finish(summary, gradebook: book.file)
    }

    /// `path` resolved against the current directory.
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardized
    }
}
