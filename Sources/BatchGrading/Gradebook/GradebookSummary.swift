// GradebookSummary: how a class did on each check of an assignment, hardest checks first.
import Foundation
import GRDB
import Grader

/// Per-check pass rates over the current grades of one assignment, with the diagnosis kinds
/// that explain the failures: what an instructor reads to see where a class struggles.
public struct GradebookSummary: Sendable, Equatable {
    /// One check across the class.
    public struct CheckLine: Sendable, Equatable {
        /// The check id.
        public var check: String
        /// Students whose current grading passed it.
        public var passed: Int
        /// Students whose current grading ran it.
        public var graded: Int
        /// How the others ended, most frequent first: `("fail", 12), ("timeout", 2)`.
        public var statuses: [Count]
        /// The diagnosis kinds reported, most frequent first.
        public var diagnoses: [Count]
        /// How close the class came to the check's bounds (`nil` when no grading recorded a margin).
        public var margins: MarginSpread? = nil

        /// `passed / graded`, 0 for no gradings.
        public var passRate: Double { graded == 0 ? 0 : Double(passed) / Double(graded) }
    }

    /// The spread of one check's closest calls over the class: each student's tightest margin
    /// as the share of its allowance used (at most 1 passes). A tolerance every student clears by
    /// orders of magnitude, or one that correct students brush against, shows here.
    public struct MarginSpread: Sendable, Equatable {
        /// The figure most students' tightest margin was (`error`, `accuracy`, `time`, …).
        public var name: String
        /// Students with a margin.
        public var count: Int
        /// The smallest, median and largest share used.
        public var lowest: Double, median: Double, highest: Double
        /// Students who passed using more than 80 % of the allowance.
        public var closePasses: Int
        /// Students who failed by less than 25 % of the allowance.
        public var nearMisses: Int
    }

    /// A name and how many students it applies to.
    public struct Count: Sendable, Equatable {
        /// The status or diagnosis kind.
        public var name: String
        /// How many students.
        public var count: Int
    }

    /// The assignment.
    public var assignment: String
    /// Students with a current grading of status `graded`.
    public var graded: Int
    /// Students recorded as missing.
    public var missing: Int
    /// Students whose grading could not run.
    public var errors: Int
    /// The mean score of the graded students.
    public var meanScore: Double
    /// The points available.
    public var maxScore: Double
    /// The checks, lowest pass rate first (ties in the assignment's order).
    public var checks: [CheckLine]
}

extension Gradebook {
    /// The summary of `assignment`'s current grades.
    public func summary(assignment: String) throws -> GradebookSummary {
        let grades = try currentGrades(of: assignment).values.map(\.grading)
        let graded = grades.filter { $0.status == .graded }
        let lines = try database.read { db -> [GradebookSummary.CheckLine] in
            let statusRows = try Row.fetchAll(
                db, sql: """
                    SELECT checkResult.checkId AS checkId, min(checkResult.position) AS position, checkResult.status AS status, count(*) AS n
                    FROM checkResult JOIN currentGrading ON currentGrading.id = checkResult.gradingId
                    WHERE currentGrading.assignment = ? GROUP BY checkResult.checkId, checkResult.status
                    """, arguments: [assignment])
            let diagnosisRows = try Row.fetchAll(
                db, sql: """
                    SELECT checkDiagnosis.checkId AS checkId, checkDiagnosis.kind AS kind, count(*) AS n
                    FROM checkDiagnosis JOIN currentGrading ON currentGrading.id = checkDiagnosis.gradingId
                    WHERE currentGrading.assignment = ? GROUP BY checkDiagnosis.checkId, checkDiagnosis.kind
                    """, arguments: [assignment])
            var positions = [String: Int](), statuses = [String: [GradebookSummary.Count]](), kinds = [String: [GradebookSummary.Count]]()
            for row in statusRows {
                let check: String = row["checkId"]
                positions[check] = min(positions[check] ?? .max, row["position"])
                statuses[check, default: []].append(.init(name: row["status"], count: row["n"]))
            }
            for row in diagnosisRows {
                kinds[row["checkId"], default: []].append(.init(name: row["kind"], count: row["n"]))
            }
            let frequentFirst = { (counts: [GradebookSummary.Count]) in
                counts.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
            }
            return positions.keys.sorted { positions[$0]! < positions[$1]! }.map { check in
                let all = statuses[check] ?? []
                return GradebookSummary.CheckLine(
                    check: check, passed: all.first { $0.name == "pass" }?.count ?? 0, graded: all.reduce(0) { $0 + $1.count },
                    statuses: frequentFirst(all.filter { $0.name != "pass" }), diagnoses: frequentFirst(kinds[check] ?? []))
            }
        }
        let spreads = Self.marginSpreads(graded)
        let withMargins = lines.map { line -> GradebookSummary.CheckLine in
            var line = line
            line.margins = spreads[line.check]
            return line
        }
        // A stable sort keeps the assignment's order among checks with the same pass rate.
        let hardestFirst = withMargins.enumerated().sorted { ($0.element.passRate, $0.offset) < ($1.element.passRate, $1.offset) }.map(\.element)
        return GradebookSummary(
            assignment: assignment, graded: graded.count, missing: grades.count { $0.status == .missing },
            errors: grades.count { $0.status == .error },
            meanScore: graded.isEmpty ? 0 : graded.reduce(0) { $0 + $1.score } / Double(graded.count),
            maxScore: grades.map(\.maxScore).max() ?? 0, checks: hardestFirst)
    }

    /// Each check's margin spread over `gradings`, read from the results they recorded.
    private static func marginSpreads(_ gradings: [GradingRecord]) -> [String: GradebookSummary.MarginSpread] {
        /// The part of a recorded result the spread needs.
        struct Recorded: Decodable {
            struct Check: Decodable {
                var id: String
                var status: CheckResult.Status
                var margins: [CheckResult.Margin]?
            }
            var checks: [Check]
        }
        var tightest = [String: [(name: String, used: Double, passed: Bool)]]()
        let decoder = JSONDecoder()
        for grading in gradings {
            guard let json = grading.result, let recorded = try? decoder.decode(Recorded.self, from: Data(json.utf8)) else { continue }
            for check in recorded.checks {
                guard let margin = check.margins?.max(by: { $0.used < $1.used }) else { continue }
                tightest[check.id, default: []].append((margin.name, margin.used, check.status == .pass))
            }
        }
        return tightest.mapValues { entries in
            let used = entries.map(\.used).sorted()
            let names = Dictionary(grouping: entries, by: \.name).mapValues(\.count)
            return GradebookSummary.MarginSpread(
                name: names.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key, count: entries.count,
                lowest: used.first!, median: used[used.count / 2], highest: used.last!,
                closePasses: entries.count { $0.passed && $0.used > 0.8 },
                nearMisses: entries.count { !$0.passed && $0.used > 1 && $0.used <= 1.25 })
        }
    }
}
