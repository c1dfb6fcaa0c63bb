// Specifications of NumPyRandomState by the labs' own draws in the shared reference vectors.
import LabKit
import XCTest

/// The exact draws the labs make with NumPy seeds (`lab_streams` in
/// `shared/reference-values/rng_vectors.json`), and a ledger proving every vector of that file
/// has a check.
final class NumPyRandomStateSharedLabStreamTests: XCTestCase {
    private func labStream(_ name: String) throws -> JSONNode {
        try RNGVectorFiles.shared()["lab_streams"][name]["hex"]
    }

    func testUDLNotebookDrawsW0AndWKThenB0AndBKWithNormal() throws {
        var rng = NumPyRandomState(seed: 0)
        let weights = rng.normal(rows: 6, cols: 1).elements + rng.normal(rows: 1, cols: 6).elements
        let biases = rng.normal(rows: 6, cols: 1).elements + rng.normal(rows: 1, cols: 1).elements
        let expectedWeights = try labStream("udl72_seed0_first_draws_W0_then_WK")
        assertSameBits(weights, try expectedWeights.hexDoubles(), expectedWeights.location)
        let expectedBiases = try labStream("udl72_seed0_b0_bK")
        assertSameBits(biases, try expectedBiases.hexDoubles(), expectedBiases.location)
    }

    func testUppsalaReseedMakesInputAndTargetTheFirstTwoDraws() throws {
        var rng = NumPyRandomState(seed: 0)
        _ = rng.normal(rows: 6, cols: 1)
        rng.seed(0)
        let drawn = [rng.normal(loc: 0, scale: 1, rows: 1, cols: 1)[0, 0], rng.normal(loc: 0, scale: 1, rows: 1, cols: 1)[0, 0]]
        let expected = try labStream("uppsala_seed0_input_then_target")
        assertSameBits(drawn, try expected.hexDoubles(), expected.location)
    }

    func testHLCVToyModelWeightsAreStdTimesRandnInTheCodesLayout() throws {
        var rng = NumPyRandomState(seed: 0)
        let w1 = rng.randn(rows: 4, cols: 10).elements.map { 1e-1 * $0 }
        let w2 = rng.randn(rows: 10, cols: 3).elements.map { 1e-1 * $0 }
        let expectedW1 = try labStream("hlcv_toy_W1_row0")
        assertSameBits(Array(w1.prefix(10)), try expectedW1.hexDoubles(), expectedW1.location)
        let expectedW2 = try labStream("hlcv_toy_W2_row0")
        assertSameBits(Array(w2.prefix(3)), try expectedW2.hexDoubles(), expectedW2.location)
    }

    func testHLCVToyDataIsTenTimesRandnAfterSeedOne() throws {
        var rng = NumPyRandomState(seed: 1)
        let x = rng.randn(rows: 5, cols: 4).elements.map { 10 * $0 }
        let expected = try labStream("hlcv_toy_X_row0")
        assertSameBits(Array(x.prefix(4)), try expected.hexDoubles(), expected.location)
    }

    func testVULoadSynthDrawsAllInputsAsOneRandnMatrix() throws {
        var rng = NumPyRandomState(seed: 0)
        let x = rng.randn(rows: 70_000, cols: 2)
        let expected = try labStream("vu_load_synth_x_first3_rows")
        assertSameBits(Array(x.elements.prefix(6)), try expected.hexDoubles(), expected.location)
    }

    /// Names of the shared file's members with the test that checks each, so a vector added to
    /// the file cannot go unchecked.
    private static let topLevelMembers: Set<String> = [
        "generator", "numpy_version", "python_version", "note", "selfcheck_passed", "platform_long_bits",
        "seeds", "seed_array_1_2_3_init_by_array", "seed_5_vs_seed_array_5_first_uniform", "lab_streams",
    ]
    private static let perSeedMembers: Set<String> = [
        "state_after_seed", "raw_uint32_first10", "raw_uint32_625_to_628", "random_sample_6",
        "rand_2x3_equals_random_sample_6", "randn_7_then_standard_normal_3",
        "interleaved_randn_uniform_randn_uniform_randn", "randn_after_reseed_equals_first",
        "normal_loc2_scale3_5", "normal_default_2x3_rowmajor", "randint", "permutation_shuffle", "choice",
    ]
    private static let labStreamMembers: Set<String> = [
        "udl72_seed0_first_draws_W0_then_WK", "udl72_seed0_b0_bK", "uppsala_seed0_input_then_target",
        "hlcv_toy_W1_row0", "hlcv_toy_W2_row0", "hlcv_toy_X_row0", "vu_load_synth_x_first3_rows",
    ]

    func testEveryVectorOfTheSharedFileHasACheck() throws {
        let root = try RNGVectorFiles.shared()
        XCTAssertEqual(Set(try root.keys()), Self.topLevelMembers, root.location)
        XCTAssertEqual(Set(try root["lab_streams"].keys()), Self.labStreamMembers, "lab_streams")
        for seed in try root["seeds"].keys() {
            XCTAssertEqual(Set(try root["seeds"][seed].keys()), Self.perSeedMembers, "seeds.\(seed)")
        }
    }

    func testSharedVectorsAssumeSixtyFourBitIntAndPassedTheirSelfCheck() throws {
        let root = try RNGVectorFiles.shared()
        XCTAssertEqual(try root["platform_long_bits"].int(), Int.bitWidth, "NumPy's default int must be Swift's Int")
        XCTAssertTrue(try root["selfcheck_passed"].bool(), "the pure-Python model agreed with NumPy")
    }
}
