// The mistake corpus: grades every fixture submission under fixtures/submissions/<assignment>/<case>/
// and checks that exactly the checks its expected.json names lose their points, with exactly the
// diagnosis kinds it names, and that correct variants keep every point.
import Foundation
import XCTest

@testable import Grader

final class SubmissionFixtureTests: XCTestCase {
    /// The seed every fixture is graded with, so expectations do not depend on chance.
    static let seed: UInt32 = 7

    static var fixtures: URL { GraderFixtures.root.appendingPathComponent("fixtures/submissions") }

    /// Grades the corpus (but the hostile suite) once, two submissions at a time (grading waits on compilers and
    /// sandboxed processes, and the hostile fixtures spend their time limits asleep).
    func testEveryCaseLosesExactlyItsExpectedChecksWithItsExpectedDiagnoses() throws {
        // The hostile suite's cases are graded by HostileSuiteTests, one at a time and in both sandboxes.
        let cases = try CorpusCase.all(in: Self.fixtures).filter { $0.expected.host == nil }
        _ = try GraderFixtures.sdk.get()
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        let corpus = Corpus.run(cases, catalog: catalog, seed: Self.seed, workers: 2, options: GraderFixtures.options(seed: Self.seed))
        XCTAssertEqual(corpus.outcomes.count, cases.count)
        for outcome in corpus.mismatches {
            XCTFail("\(outcome.item.id) (\(outcome.item.expected.bug)):\n" + outcome.problems.joined(separator: "\n"))
        }
        XCTAssertEqual(corpus.caught.caught, corpus.caught.of, "every mistake case loses points somewhere")
        XCTAssertEqual(corpus.clean.clean, corpus.clean.of, "every correct variant keeps every point")
        print(corpus.matrix(catalog: catalog))
    }

    func testTheCorpusIsLargeEnoughAndEveryCheckCatchesSomething() throws {
        let cases = try CorpusCase.all(in: Self.fixtures)
        let mistakes = cases.filter { !$0.isCorrectVariant }
        XCTAssertGreaterThanOrEqual(mistakes.count, 40)
        XCTAssertGreaterThanOrEqual(cases.filter(\.isCorrectVariant).count, 10)
        let catalog = AssignmentCatalog(toolchain: GraderFixtures.toolchain)
        for id in catalog.ids {
            let own = cases.filter { $0.assignment == id }
            XCTAssertGreaterThanOrEqual(own.filter { !$0.isCorrectVariant }.count, 6, "\(id) needs at least 6 mistake cases")
            XCTAssertGreaterThanOrEqual(own.filter(\.isCorrectVariant).count, 2, "\(id) needs correct variants")
            let caught = Set(own.flatMap(\.expected.failing))
            let uncaught = try catalog.load(id).checks.map(\.id).filter { !caught.contains($0) }
            XCTAssertEqual(uncaught, [], "\(id): no fixture fails these checks")
            for item in own {
                let unknown = Set(item.expected.failing).union(item.expected.diagnoses?.keys ?? [:].keys)
                    .subtracting(try catalog.load(id).checks.map(\.id))
                XCTAssertEqual(unknown, [], "\(item.id) names checks the manifest does not have")
                XCTAssertTrue(Set(item.expected.diagnoses?.keys ?? [:].keys).isSubset(of: item.expected.failing), "\(item.id)")
            }
        }
    }

    func testTheCorpusCoversTheDiagnosesStudentsNeed() throws {
        let kinds = Set(try CorpusCase.all(in: Self.fixtures).flatMap { $0.expected.diagnoses?.values.flatMap { $0.flatMap(\.kinds) } ?? [] })
        let needed: [Diagnosis.Kind] = [
            .sumNotMean, .meanNotSum, .missingFactorTwo, .extraFactorTwo, .signFlipped, .transposed, .shapeMismatch, .onlyPart,
            .regularisationMissing, .regularisationHalved, .nonFinite, .perRowScale, .logits, .constantOffset, .tooSlow,
            .stepCount, .historyAfterUpdate, .historyRecordedElsewhere, .firstBatchDiffers, .trajectoryParts, .otherAxis, .crashed,
            .perColumnScale,
        ]
        XCTAssertEqual(needed.filter { !kinds.contains($0) }, [], "some diagnosis kinds are exercised by no fixture")
    }
}
