// Specifications of NumPyRandomState as a Swift value: copies fork the stream, seeding restarts it.
import LabKit
import XCTest

/// Behaviour that NumPy's vectors cannot show because it is about Swift values.
///
/// Misuse — `randint` with `high <= low`, a negative count, an empty seed array, `choice` with a
/// bad `p` — stops the process through `LabKitFailure.fail` with NumPy's message. XCTest cannot
/// observe a stop in-process, so those cases are specified by the doc comments only.
final class NumPyRandomStateValueSemanticsTests: XCTestCase {
    func testCopyContinuesTheSameStreamWithoutDisturbingTheOriginal() {
        var original = NumPyRandomState(seed: 42)
        _ = original.randomSample(count: 3)
        var copy = original
        let fromCopy = copy.randomSample(count: 700)
        _ = copy.randint(low: 0, high: 10, count: 50)
        XCTAssertEqual(original.randomSample(count: 700), fromCopy)
    }

    func testCopyCarriesTheCachedGaussian() {
        var original = NumPyRandomState(seed: 0)
        _ = original.standardNormal()
        var copy = original
        XCTAssertEqual(copy.standardNormal().bitPattern, original.standardNormal().bitPattern)
        XCTAssertEqual(copy, original)
    }

    func testSeedingRestartsExactlyLikeANewGenerator() {
        var rng = NumPyRandomState(seed: 1)
        _ = rng.standardNormal()
        _ = rng.permutation(100)
        rng.seed(7)
        XCTAssertEqual(rng, NumPyRandomState(seed: 7))
        rng.seed([7, 8])
        XCTAssertEqual(rng, NumPyRandomState(seed: [7, 8]))
    }

    func testNextUInt64PutsTheFirstWordInTheHighHalf() {
        var words = NumPyRandomState(seed: 3)
        var wide = words
        let high = UInt64(words.nextUInt32())
        let low = UInt64(words.nextUInt32())
        XCTAssertEqual(wide.nextUInt64(), high << 32 | low)
    }

    func testRandintOverARangeOfOneDrawsNothing() {
        var rng = NumPyRandomState(seed: 9)
        let before = rng
        XCTAssertEqual(rng.randint(low: -4, high: -3, count: 5), [-4, -4, -4, -4, -4])
        XCTAssertEqual(rng, before)
    }

    func testPermutationOfAnArrayLeavesTheArrayAlone() {
        var rng = NumPyRandomState(seed: 0)
        let letters = ["a", "b", "c", "d", "e"]
        let shuffled = rng.permutation(letters)
        XCTAssertEqual(letters, ["a", "b", "c", "d", "e"])
        XCTAssertEqual(shuffled.sorted(), letters)
    }
}
