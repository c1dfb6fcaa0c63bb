// VUData.loadSynth reproduces the assignment's `load_synth(seed=0)`: draws, quadratic form, labels, split.
import LabKit
import Reference
import XCTest

final class VUSyntheticDataTests: XCTestCase {
    static let data = VUData.loadSynth()

    func testFirstRowsAreTheLabsSeedZeroArrays() throws {
        let data = Self.data
        XCTAssertEqual(data.xtrain[rows: 0..<5], try LabReferenceJSON.matrix("vu", "load_synth_seed0", "xtrain_first5"), accuracy: 1e-15)
        XCTAssertEqual(data.xval[rows: 0..<3], try LabReferenceJSON.matrix("vu", "load_synth_seed0", "xval_first3"), accuracy: 1e-15)
        XCTAssertEqual(data.ytrain[0..<5].map(Double.init), try LabReferenceJSON.numbers("vu", "load_synth_seed0", "ytrain_first5"))
        XCTAssertEqual(data.yval[0..<3].map(Double.init), try LabReferenceJSON.numbers("vu", "load_synth_seed0", "yval_first3"))
    }

    func testLastRowsAreTheLabsSeedZeroArrays() throws {
        let data = Self.data
        XCTAssertEqual(data.xtrain.row(59_999), try LabReferenceJSON.matrix("vu", "load_synth_seed0", "xtrain_last"), accuracy: 1e-15)
        XCTAssertEqual(data.xval.row(9_999), try LabReferenceJSON.matrix("vu", "load_synth_seed0", "xval_last"), accuracy: 1e-15)
    }

    func testShapesAndClassCountAreTheLabs() {
        let data = Self.data
        XCTAssertEqual(data.xtrain.shapeDescription, "(60000, 2)")
        XCTAssertEqual(data.xval.shapeDescription, "(10000, 2)")
        XCTAssertEqual(data.ytrain.count, 60_000)
        XCTAssertEqual(data.yval.count, 10_000)
        XCTAssertEqual(data.numClasses, 2)
    }

    /// All 70 000 labels: a single point labelled on the wrong side of 0.6 changes a count.
    func testClassOneCountsAreTheLabsOverAllSeventyThousandRows() throws {
        XCTAssertEqual(Double(Self.data.ytrain.reduce(0, +)), try LabReferenceJSON.number("vu", "load_synth_seed0", "ytrain_ones"))
        XCTAssertEqual(Double(Self.data.yval.reduce(0, +)), try LabReferenceJSON.number("vu", "load_synth_seed0", "yval_ones"))
    }

    func testQuadraticFormIsTheLabsPolynomial() throws {
        let x = Self.data.xtrain[rows: 0..<5]
        let q = VUData.quadraticForm(x)
        XCTAssertEqual(q, try LabReferenceJSON.numbers("vu", "load_synth_seed0", "q_first5"), accuracy: 1e-15)
        for row in 0..<5 {
            let (a, b) = (x[row, 0], x[row, 1])
            XCTAssertEqual(q[row], a * a + 0.95 * a * b + 0.4 * b * b, accuracy: 1e-14)
        }
    }

    /// q = a² for (a, 0): the two neighbouring doubles around √0.6 give q one ulp either side of 0.6.
    func testQuadraticFormResolvesTheThresholdToTheLastBit() {
        let x = Matrix([[0.7745966692414833, 0], [0.7745966692414834, 0]])
        XCTAssertEqual(VUData.quadraticForm(x), [0.5999999999999999, 0.6000000000000001])
    }

    /// `np.random.seed(seed)` inside `load_synth` reseeds the global generator; the lab's weights come after the data.
    func testLoadReseedsTheGeneratorAndLeavesItAfterTheDataDraws() {
        var random = NumPyRandomState(seed: 99)
        _ = VUData.loadSynth(numTrain: 4, numVal: 2, seed: 0, random: &random)
        var expected = NumPyRandomState(seed: 0)
        _ = expected.randn(rows: 6, cols: 2)
        XCTAssertEqual(random, expected)
    }

    func testSizesFollowTheArgumentsAndOtherSeedsGiveOtherData() {
        let small = VUData.loadSynth(numTrain: 7, numVal: 3, seed: 5)
        XCTAssertEqual(small.xtrain.shapeDescription, "(7, 2)")
        XCTAssertEqual(small.yval.count, 3)
        XCTAssertNotEqual(small.xtrain.row(0), Self.data.xtrain.row(0))
    }
}
