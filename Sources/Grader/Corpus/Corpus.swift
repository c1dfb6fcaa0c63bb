// Corpus: grades the mistake corpus and compares every case with its expectation.
import Foundation

/// The corpus run: every case graded at one seed, and where a case differs from its expectation.
public struct Corpus: Sendable {
    /// One graded case.
    public struct Outcome: Sendable {
        /// The case.
        public var item: CorpusCase
        /// Its grading, or why grading failed.
        public var result: Result<GradingResult, CorpusGradingFailure>
        /// How the grading differs from the expectation (empty when it matches).
        public var problems: [String]

        /// Checks that lost points, by id.
        public var lost: Set<String> {
            guard case .success(let result) = result else { return [] }
            return Set(result.checks.filter { $0.points < $0.maxPoints }.map(\.id))
        }
    }

    /// The outcomes, in case order.
    public var outcomes: [Outcome]

    /// Grades `cases` with `seed`, `workers` at a time (grading waits on compilers and sandboxed
    /// processes, so two workers keep two cores busy).
    ///
    /// With `copy`, a course's copy of the cases' lab, every case is graded by the copy instead,
    /// and expected to lose points only on the copy's checks that carry points: the matrix then
    /// shows which of the lab's mistakes the copy still catches.
    public static func run(
        _ cases: [CorpusCase], catalog: AssignmentCatalog, seed: UInt32, workers: Int, options: GradeOptions = GradeOptions(),
        copy: Assignment? = nil, progress: @escaping @Sendable (Outcome) -> Void = { _ in }
    ) -> Corpus {
        let slots = OutcomeSlots(count: cases.count)
        var lanesAlone = options
        // Several cases at once keep the cores busy; lanes side by side on top would time the
        // training of the cases whose expected verdict is "too slow" under more load than needed.
        lanesAlone.overlapsLanes = options.overlapsLanes && workers <= 1
        let options = lanesAlone
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, workers)) { worker in
            for index in stride(from: worker, to: cases.count, by: Swift.max(1, workers)) {
                let item = copy.map { cases[index].graded(by: $0) } ?? cases[index]
                let outcome = grade(item, catalog: catalog, seed: seed, options: options, copy: copy)
                slots.set(index, outcome)
                progress(outcome)
            }
        }
        return Corpus(outcomes: slots.all)
    }

    private static func grade(
        _ item: CorpusCase, catalog: AssignmentCatalog, seed: UInt32, options: GradeOptions, copy: Assignment?
    ) -> Outcome {
        var options = options
        options.seed = seed
        do {
            let assignment = try copy ?? catalog.load(item.assignment)
            let submission = try item.submission(catalog: catalog, scratch: options.scratchRoot)
            defer { if item.expected.base == .starter { try? FileManager.default.removeItem(at: submission.deletingLastPathComponent()) } }
            let result = try Grading.grade(submission, assignment: assignment, options: options)
            return Outcome(item: item, result: .success(result), problems: problems(result, item.expected))
        } catch {
            let failure = CorpusGradingFailure(description: "\(error)")
            return Outcome(item: item, result: .failure(failure), problems: ["grading failed: \(error)"])
        }
    }

    /// How `result` differs from `expected`: other checks losing points, other diagnosis kinds.
    static func problems(_ result: GradingResult, _ expected: CorpusCase.Expectation) -> [String] {
        var problems = [String]()
        let lost = result.checks.filter { $0.points < $0.maxPoints }
        let expectedIDs = Set(expected.failing)
        for check in lost where !expectedIDs.contains(check.id) {
            problems.append("\(check.id) lost points unexpectedly (\(check.status.rawValue)): \(check.message.prefix(300))")
        }
        for id in expected.failing.sorted() where !lost.contains(where: { $0.id == id }) {
            problems.append("\(id) was expected to lose points but kept them")
        }
        for check in lost where expectedIDs.contains(check.id) {
            let found = Set(check.diagnoses.map(\.kind)), wanted = expected.diagnoses?[check.id] ?? []
            if !CorpusCase.ExpectedDiagnosis.match(found, wanted) {
                problems.append(
                    "\(check.id) diagnoses \(found.map(\.rawValue).sorted()), expected \(wanted.map(\.description).sorted())"
                        + (check.diagnosis.map { ": \($0.prefix(300))" } ?? ""))
            }
        }
        return problems
    }
}

/// Why a corpus case could not be graded at all.
public struct CorpusGradingFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Outcomes written by concurrent workers.
private final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Corpus.Outcome?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ outcome: Corpus.Outcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var all: [Corpus.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
