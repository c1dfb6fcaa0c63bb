// FlakeBenchmark: each lab's corpus graded at many seeds, with every verdict that differs from
// what the case expects counted against its check.
import Foundation
import Grader

/// Grades the reference solution and the corpus's correct variants (every case with `--all`)
/// of each assignment at seeds 1…N, and prints, per check, how many gradings ran it and how many
/// gave a verdict the case does not expect (a point lost by correct work, a mistake that kept its
/// points): the check's flake rate. Diagnosis kinds that differ from the case's are counted apart,
/// and so are training runs repeated after a narrow miss. For every timed check, the share of its
/// time limit the slowest correct grading used is printed too, and the largest multiple of the
/// reference's time it took against the check's time factor: a limit should leave correct work
/// three times the room it needs, by its factor alone.
struct FlakeBenchmark {
    var seeds = 20
    var assignments: [String]?
    var everyCase = false
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    /// Reads `--seeds N`, `--assignment ID` (repeatable), `--all` and `--jobs N`.
    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--all": everyCase = true
            case "--seeds": seeds = rest.popFirst().flatMap { Int($0) }.map { Swift.max(1, $0) } ?? seeds
            case "--assignment": assignments = (assignments ?? []) + (rest.popFirst().map { [$0] } ?? [])
            case "--jobs": jobs = rest.popFirst().flatMap { Int($0) }.map { Swift.max(1, $0) } ?? jobs
            default: print("flakes: unknown option \(flag)")
            }
        }
    }

    /// One check's tally over every grading.
    private struct Tally {
        var gradings = 0
        var unexpectedVerdicts = 0
        var unexpectedDiagnoses = 0
        var retried = 0
        /// The largest share of its time limit a correct grading used, and by which case.
        var slowest: (used: Double, item: String)?
        /// The largest multiple of the reference's time a correct grading took, and by which case.
        var slowestRatio: (ratio: Double, item: String)?
        /// The longest a correct grading spent in the whole check (every call of it), and by which case.
        var longest: (seconds: Double, item: String)?
    }

    func run() {
        let toolchain = Toolchain.current
        let catalog = AssignmentCatalog(toolchain: toolchain)
        let root = toolchain.packageRoot
        var totalGradings = 0, totalFlakes = 0
        for id in assignments ?? catalog.ids {
            do {
                var cases = try CorpusCase.all(in: root.appendingPathComponent("fixtures/submissions"), assignment: id)
                    .filter { $0.expected.host == nil && (everyCase || $0.isCorrectVariant) }
                if let solution = ReferenceSolutions.solution(of: id, root: root) {
                    cases.insert(try CorpusCase.reference(of: id, folder: solution), at: 0)
                }
                let start = Date()
                var tallies = [String: Tally](), order = [String](), examples = [String]()
                for seed in 1...seeds {
                    let corpus = Corpus.run(cases, catalog: catalog, seed: UInt32(seed), workers: jobs)
                    for outcome in corpus.outcomes {
                        guard case .success(let result) = outcome.result else {
                            examples.append("seed \(seed) \(outcome.item.name): \(outcome.problems.joined(separator: "; "))")
                            continue
                        }
                        for check in result.checks {
                            if tallies[check.id] == nil { order.append(check.id) }
                            tallies[check.id, default: Tally()].gradings += 1
                            if check.message.contains("second hidden seed") { tallies[check.id, default: Tally()].retried += 1 }
                            if outcome.item.isCorrectVariant, let time = check.margins?.first(where: { $0.kind == .time }),
                                time.used > tallies[check.id]?.slowest?.used ?? -1
                            {
                                tallies[check.id]?.slowest = (time.used, outcome.item.name)
                            }
                            if outcome.item.isCorrectVariant, check.seconds > tallies[check.id]?.longest?.seconds ?? -1 {
                                tallies[check.id]?.longest = (check.seconds, outcome.item.name)
                            }
                            if outcome.item.isCorrectVariant, let ratio = Self.referenceMultiple(check),
                                ratio > tallies[check.id]?.slowestRatio?.ratio ?? -1
                            {
                                tallies[check.id]?.slowestRatio = (ratio, outcome.item.name)
                            }
                        }
                        for problem in outcome.problems {
                            let check = String(problem.prefix { $0 != " " })
                            if problem.hasPrefix("\(check) diagnoses ") {
                                tallies[check, default: Tally()].unexpectedDiagnoses += 1
                            } else {
                                tallies[check, default: Tally()].unexpectedVerdicts += 1
                            }
                            if examples.count < 12 { examples.append("seed \(seed) \(outcome.item.name): \(problem.prefix(240))") }
                        }
                    }
                }
                let gradings = cases.count * seeds
                let flakes = tallies.values.reduce(0) { $0 + $1.unexpectedVerdicts }
                totalGradings += gradings
                totalFlakes += flakes
                print(String(format: "%@: %d cases × %d seeds = %d gradings in %.0f s; %d unexpected verdicts", id, cases.count, seeds, gradings,
                             Date().timeIntervalSince(start), flakes))
                print("  check                                   gradings  unexpected verdicts   flake rate  other diagnoses  rerun after a narrow miss")
                for check in order {
                    let tally = tallies[check]!
                    print("  " + check.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: " %7d  %19d  %9.2f %%  %15d  %25d", tally.gradings, tally.unexpectedVerdicts,
                                 100 * Double(tally.unexpectedVerdicts) / Double(Swift.max(1, tally.gradings)), tally.unexpectedDiagnoses,
                                 tally.retried))
                }
                // Time limits: the slowest correct work should use at most a third of its limit.
                // The factor alone must leave that room: a floor in seconds does not grow with a slower machine.
                let assignment = try catalog.load(id)
                let factors = Dictionary(assignment.checks.compactMap { check in check.training.map { (check.id, $0.timeFactor) } }) { a, _ in a }
                // Every other check limits each call: its whole time bounds its slowest call.
                let calls = assignment.checks.filter { $0.training == nil }.compactMap { check in
                    tallies[check.id]?.longest.map { (check: check, seconds: $0.seconds, item: $0.item) }
                }.max { $0.seconds / $0.check.timeLimitSeconds < $1.seconds / $1.check.timeLimitSeconds }
                if let calls {
                    print(String(format: "  calls: the longest correct check (%@, %@) took %.2f s for all its calls, %.0f %% of one call's %g s limit%@",
                                 calls.check.id, calls.item, calls.seconds, 100 * calls.seconds / calls.check.timeLimitSeconds,
                                 calls.check.timeLimitSeconds, calls.seconds > calls.check.timeLimitSeconds / 3 ? " (more than a third)" : ""))
                }
                for check in order {
                    guard let slowest = tallies[check]?.slowest else { continue }
                    var line = String(format: "  time: %@ — the slowest correct grading (%@) used %.0f %% of its limit%@", check, slowest.item,
                                      100 * slowest.used, slowest.used > 1.0 / 3 ? " (more than a third)" : "")
                    if factors[check] != nil, tallies[check]?.slowestRatio == nil {
                        line += String(format: "; the reference worked under %.2f s on every run, so the floor sets the limit", Self.workSeconds)
                    }
                    if let ratio = tallies[check]?.slowestRatio, let factor = factors[check] {
                        line += String(format: "; the slowest against the reference (%@) took %.1f× its time, and the %g× factor allows %.1f× that%@",
                                       ratio.item, ratio.ratio, factor, factor / ratio.ratio, factor < 3 * ratio.ratio ? " (less than 3×)" : "")
                    }
                    print(line)
                }
                for example in examples { print("  · \(example)") }
            } catch {
                print("\(id): \(error)")
            }
        }
        print("all: \(totalGradings) gradings, \(totalFlakes) unexpected verdicts")
    }

    /// The largest ratio of a training check's run time to the reference's in the same grading,
    /// over the runs where the reference worked at least `workSeconds` (below that, a ratio
    /// measures the cost of a call, which the limit's floor is for).
    private static func referenceMultiple(_ check: CheckResult) -> Double? {
        check.measurements.compactMap { key, seconds -> Double? in
            guard key.hasSuffix(": seconds"), let reference = check.measurements[key.dropLast("seconds".count) + "reference seconds"],
                reference >= workSeconds else { return nil }
            return seconds / reference
        }.max()
    }

    /// The reference time from which a run's time is its work, not the call's fixed cost.
    static let workSeconds = 0.05
}
