// Specifications of NumPyRandomState by replay of this repository's NumPy vectors, one group per test.
import XCTest

/// Each test replays one group of `fixtures/numpy/rng_vectors.json` (written by
/// `fixtures/numpy/make_rng_vectors.py` with NumPy 2.4.6): every case from a fresh seed, every
/// call compared with NumPy's output bit for bit.
final class NumPyRandomStateFixtureTests: XCTestCase {
    /// The groups the tests below replay; a group added to the file without a test fails
    /// `testEveryGroupOfTheFixtureIsReplayed`.
    private static let replayedGroups: Set<String> = [
        "integer_seeds", "array_seeds", "long_streams", "normal", "randn_matrices", "randint",
        "permutation", "shuffle_rows", "choice", "interleaving", "lab_streams",
    ]

    private func replayGroup(_ group: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try RNGVectorFiles.fixture()["groups"][group].elements()
        XCTAssertFalse(cases.isEmpty, "group \(group) has no cases", file: file, line: line)
        for entry in cases {
            try NumPyCallReplay.replay(entry, file: file, line: line)
        }
    }

    func testEveryGroupOfTheFixtureIsReplayed() throws {
        let groups = Set(try RNGVectorFiles.fixture()["groups"].keys())
        XCTAssertEqual(groups.subtracting(Self.replayedGroups), [], "groups in the file that no test replays")
        XCTAssertEqual(Self.replayedGroups.subtracting(groups), [], "groups the tests expect but the file lacks")
    }

    func testIntegerSeedsIncludingZeroAndTwoToThe32MinusOneGiveNumPysStreams() throws {
        try replayGroup("integer_seeds")
    }

    func testArraySeedsOfEveryLengthGiveNumPysInitByArrayStreams() throws {
        try replayGroup("array_seeds")
    }

    func testLongStreamsStayInStepAcrossManyRegenerations() throws {
        try replayGroup("long_streams")
    }

    func testNormalIsLocPlusScaleTimesGaussInCOrder() throws {
        try replayGroup("normal")
    }

    func testRandnAndRandMatricesAreFilledRowByRow() throws {
        try replayGroup("randn_matrices")
    }

    func testRandintMatchesNumPyOnEveryWidthOfRange() throws {
        try replayGroup("randint")
    }

    func testPermutationsAndListShufflesMatchNumPy() throws {
        try replayGroup("permutation")
    }

    func testShuffleRowsMovesWholeRowsWithNumPysDraws() throws {
        try replayGroup("shuffle_rows")
    }

    func testChoiceMatchesNumPyInEveryMode() throws {
        try replayGroup("choice")
    }

    func testCachedGaussianSurvivesEveryOtherKindOfDraw() throws {
        try replayGroup("interleaving")
    }

    func testLabInitialisationsAndMinibatchesMatchNumPy() throws {
        try replayGroup("lab_streams")
    }
}
