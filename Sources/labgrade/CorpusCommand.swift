// `labgrade corpus`: grades the mistake corpus and prints its catch matrix.
import ArgumentParser
import Foundation
import Grader

/// Grades every fixture submission and prints which checks catch which mistakes.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Grade the mistake corpus and print its catch matrix.",
        discussion: """
            Every folder under fixtures/submissions/<assignment>/<case>/ is a submission with an expected.json: \
            the mistake it contains, the checks that must lose points and the diagnosis kinds they must report \
            (correct variants expect none). Each case is graded at the corpus seed; the matrix shows, per \
            case and check, whether points were lost as expected. Exit status 1 when any case differs from \
            its expected.json.
            """)

    @Option(name: .shortAndLong, help: "Only this assignment's cases: an id, or the folder of a course's copy (its lab's cases, graded by the copy).")
    var assignment: String?

    @Option(help: "The fixtures folder (default: fixtures/submissions of this checkout).")
    var fixtures: String?

    @Option(help: "Seed of the hidden instances; the expectations are written for 7.")
    var seed: UInt32 = 7

    @Option(help: "Submissions graded at once.")
    var jobs: Int = 2

    @Flag(help: "Record the diagnosis kinds found into each expected.json whose failing checks match (review the diff).")
    var recordDiagnoses = false

    func run() throws {
        let catalog = AssignmentCatalog()
        let root = fixtures.map { URL(fileURLWithPath: $0) } ?? Toolchain.current.packageRoot.appendingPathComponent("fixtures/submissions")
        let resolved = try assignment.map { try catalog.resolve($0) }
        let copy = resolved?.isCopy == true ? resolved?.assignment : nil
        guard copy == nil || !recordDiagnoses else {
            throw ValidationError("--record-diagnoses writes the lab's own expectations; run it with the lab's id, not a course's copy")
        }
        let cases = try CorpusCase.all(in: root, assignment: resolved?.assignment.labID)
        let corpus = Corpus.run(cases, catalog: catalog, seed: seed, workers: jobs, copy: copy) { outcome in
            FileHandle.standardError.write(Data("graded \(outcome.item.id)\n".utf8))
        }
        print(TerminalText.visible(corpus.matrix(catalog: catalog, copy: copy)))
        if recordDiagnoses { try record(corpus) }
        if !corpus.mismatches.isEmpty && !recordDiagnoses { throw ExitCode(1) }
    }

    /// Writes the diagnosis kinds found into the expected.json of every case that lost exactly its expected checks.
    private func record(_ corpus: Corpus) throws {
        for outcome in corpus.outcomes {
            guard case .success(let result) = outcome.result, outcome.lost == Set(outcome.item.expected.failing) else { continue }
            var expected = outcome.item.expected
            var kinds = [String: [CorpusCase.ExpectedDiagnosis]]()
            for check in result.checks where outcome.lost.contains(check.id) && !check.diagnoses.isEmpty {
                kinds[check.id] = CorpusCase.ExpectedDiagnosis.recording(check.diagnoses.map(\.kind), keeping: expected.diagnoses?[check.id] ?? [])
            }
            expected.diagnoses = kinds.isEmpty ? nil : kinds
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try (encoder.encode(expected) + Data("\n".utf8)).write(to: outcome.item.folder.appendingPathComponent("expected.json"))
        }
    }
}
