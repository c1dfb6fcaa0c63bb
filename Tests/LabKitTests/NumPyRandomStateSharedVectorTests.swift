// Specifications of NumPyRandomState by the shared reference vectors (shared/reference-values/rng_vectors.json).
import LabKit
import XCTest

/// Checks every vector of the shared reference file, which NumPy 2.4.6 produced and a pure-Python
/// model of the C sources re-derived. Each test starts from a fresh seed, as the file does.
final class NumPyRandomStateSharedVectorTests: XCTestCase {
    /// Runs `body` once for each integer seed of the file with that seed's vectors.
    private func forEachSeed(_ body: (UInt32, JSONNode) throws -> Void) throws {
        let seeds = try RNGVectorFiles.shared()["seeds"]
        let names = try seeds.keys()
        XCTAssertFalse(names.isEmpty, "the shared file lists no seeds")
        for name in names {
            guard let seed = UInt32(name) else { throw FixtureError(description: "seed '\(name)' is not a UInt32") }
            try body(seed, try seeds[name])
        }
    }

    /// Runs the check named after each member of `group`, and fails for members without a check
    /// and checks without a member, so no vector is silently skipped.
    private func checkEveryMember(of group: JSONNode, _ checks: [String: (JSONNode) throws -> Void]) throws {
        let names = try group.keys()
        for name in names {
            guard let check = checks[name] else {
                XCTFail("\(group.location): no check for '\(name)'")
                continue
            }
            try check(try group[name])
        }
        XCTAssertEqual(Set(checks.keys).subtracting(names), [], "\(group.location): checks without vectors")
    }

    func testStateAfterIntegerSeedMatchesNumPyGetState() throws {
        try forEachSeed { seed, vectors in
            let expected = try vectors["state_after_seed"]
            let state = NumPyRandomState(seed: seed).state
            XCTAssertEqual(state.key.count, 624)
            assertSameIntegers(Array(state.key.prefix(5)), try expected["key_first5"].uint32s(), expected.location)
            XCTAssertEqual(state.key.last, try expected["key_last"].uint32(), expected.location)
            XCTAssertEqual(state.position, try expected["pos"].int(), expected.location)
            XCTAssertEqual(state.cachedGaussian == nil ? 0 : 1, try expected["has_gauss"].int(), expected.location)
        }
    }

    func testFirstRawWordsMatchNumPy() throws {
        try forEachSeed { seed, vectors in
            var rng = NumPyRandomState(seed: seed)
            let expected = try vectors["raw_uint32_first10"]
            assertSameIntegers((0..<10).map { _ in rng.nextUInt32() }, try expected.uint32s(), expected.location)
        }
    }

    func testRawWordsAfterTheFirstRegenerationMatchNumPy() throws {
        try forEachSeed { seed, vectors in
            var rng = NumPyRandomState(seed: seed)
            for _ in 0..<624 { _ = rng.nextUInt32() }
            let expected = try vectors["raw_uint32_625_to_628"]
            assertSameIntegers((0..<4).map { _ in rng.nextUInt32() }, try expected.uint32s(), expected.location)
        }
    }

    func testRandomSampleMatchesNumPy() throws {
        try forEachSeed { seed, vectors in
            var rng = NumPyRandomState(seed: seed)
            let expected = try vectors["random_sample_6"]["hex"]
            assertSameBits(rng.randomSample(count: 6), try expected.hexDoubles(), expected.location)
        }
    }

    func testRandMatrixIsRandomSampleInRowMajorOrder() throws {
        try forEachSeed { seed, vectors in
            XCTAssertTrue(try vectors["rand_2x3_equals_random_sample_6"].bool(), "NumPy's own rand(2, 3) check")
            var rng = NumPyRandomState(seed: seed)
            let matrix = rng.randomSample(rows: 2, cols: 3)
            XCTAssertEqual(matrix.shape.rows, 2)
            let expected = try vectors["random_sample_6"]["hex"]
            assertSameBits(matrix.elements, try expected.hexDoubles(), "rand(2, 3) vs \(expected.location)")
        }
    }

    func testRandnThenStandardNormalContinueOneStream() throws {
        try forEachSeed { seed, vectors in
            var rng = NumPyRandomState(seed: seed)
            let expected = try vectors["randn_7_then_standard_normal_3"]
            assertSameBits(rng.randn(rows: 7, cols: 1).elements, try expected["randn_7"]["hex"].hexDoubles(),
                           expected.location + ".randn_7")
            assertSameBits(rng.standardNormal(count: 3), try expected["standard_normal_3"]["hex"].hexDoubles(),
                           expected.location + ".standard_normal_3")
        }
    }

    func testCachedGaussianSurvivesInterleavedUniformDraws() throws {
        try forEachSeed { seed, vectors in
            var rng = NumPyRandomState(seed: seed)
            let draws = [rng.standardNormal(), rng.randomSample(), rng.standardNormal(), rng.randomSample(),
                         rng.standardNormal()]
            let expected = try vectors["interleaved_randn_uniform_randn_uniform_randn"]["hex"]
            assertSameBits(draws, try expected.hexDoubles(), expected.location)
        }
    }

    func testReseedingDiscardsTheCachedGaussian() throws {
        try forEachSeed { seed, vectors in
            XCTAssertTrue(try vectors["randn_after_reseed_equals_first"].bool(), "NumPy's own reseed check")
            var rng = NumPyRandomState(seed: seed)
            let first = rng.standardNormal()
            XCTAssertNotNil(rng.state.cachedGaussian)
            rng.seed(seed)
            XCTAssertNil(rng.state.cachedGaussian)
            XCTAssertEqual(rng.standardNormal().bitPattern, first.bitPattern, "seed \(seed): first draw after reseed")
        }
    }

    func testNormalWithLocAndScaleMatchesNumPy() throws {
        try forEachSeed { seed, vectors in
            var rng = NumPyRandomState(seed: seed)
            let expected = try vectors["normal_loc2_scale3_5"]["hex"]
            assertSameBits(rng.normal(loc: 2, scale: 3, count: 5), try expected.hexDoubles(), expected.location)
        }
    }

    func testNormalMatrixIsFilledInRowMajorOrder() throws {
        try forEachSeed { seed, vectors in
            var rng = NumPyRandomState(seed: seed)
            let expected = try vectors["normal_default_2x3_rowmajor"]["hex"]
            assertSameBits(rng.normal(rows: 2, cols: 3).elements, try expected.hexDoubles(), expected.location)
        }
    }

    func testRandintMatchesNumPyForEveryRangeAndForm() throws {
        try forEachSeed { seed, vectors in
            let group = try vectors["randint"]
            for name in try group.keys() {
                let vector = try group[name]
                var rng = NumPyRandomState(seed: seed)
                if vector.has("low") {
                    XCTAssertEqual(try vector["dtype"].string(), "int64", "\(vector.location): Int is int64")
                    let expected = try vector["values"].ints()
                    let drawn = rng.randint(low: try vector["low"].int(), high: try vector["high"].int(),
                                            count: expected.count)
                    assertSameIntegers(drawn, expected, vector.location)
                    continue
                }
                switch name {
                case "scalar_randint5_then_randint_2_9":
                    assertSameIntegers([rng.randint(high: 5), rng.randint(low: 2, high: 9)], try vector.ints(),
                                       vector.location)
                case "randint_10_size8_int32_same_as_int64":
                    // Why one Int API serves NumPy's int32 and int64 results alike.
                    XCTAssertTrue(try vector.bool(), vector.location)
                case "randint_10_size8_uint8_buffered":
                    var bytes = NumPyRandomState(seed: seed)
                    assertSameIntegers(bytes.randintBytes(high: 10, count: 8), try vector.ints(), vector.location)
                default:
                    XCTFail("\(vector.location): no check for this randint vector")
                }
            }
        }
    }

    func testPermutationsAndShufflesMatchNumPy() throws {
        try forEachSeed { seed, vectors in
            func fresh() -> NumPyRandomState { NumPyRandomState(seed: seed) }
            func shuffledRange(_ n: Int) -> [Int] {
                var rng = fresh()
                var values = Array(0..<n)
                rng.shuffle(&values)
                return values
            }
            func expectInts(_ drawn: [Int]) -> (JSONNode) throws -> Void {
                { assertSameIntegers(drawn, try $0.ints(), $0.location) }
            }
            var checks: [String: (JSONNode) throws -> Void] = [:]
            for n in [1, 2, 5, 10] {
                var rng = fresh()
                checks["permutation_\(n)"] = expectInts(rng.permutation(n))
            }
            var rng = fresh()
            checks["permutation_of_array_0_10_20_30_40"] = expectInts(rng.permutation([0, 10, 20, 30, 40]))
            checks["shuffle_ndarray_arange10"] = expectInts(shuffledRange(10))
            checks["shuffle_list_range10"] = expectInts(shuffledRange(10))
            checks["shuffle_rows_of_arange12_reshape_4x3"] = { vector in
                var rows = fresh()
                var matrix = Matrix(rows: 4, cols: 3, elements: (0..<12).map(Double.init))
                rows.shuffleRows(of: &matrix)
                let expected = try vector.elements().flatMap { try $0.ints() }.map(Double.init)
                assertSameBits(matrix.elements, expected, vector.location)
            }
            try checkEveryMember(of: try vectors["permutation_shuffle"], checks)
        }
    }

    func testChoiceMatchesNumPyInEveryMode() throws {
        try forEachSeed { seed, vectors in
            func draw(_ body: (inout NumPyRandomState) -> [Int]) -> [Int] {
                var rng = NumPyRandomState(seed: seed)
                return body(&rng)
            }
            func expectInts(_ drawn: [Int]) -> (JSONNode) throws -> Void {
                { assertSameIntegers(drawn, try $0.ints(), $0.location) }
            }
            let oneHotSource = draw { $0.choice(3, count: 4) }
            let checks: [String: (JSONNode) throws -> Void] = [
                "choice_10_size5_replace": expectInts(draw { $0.choice(10, count: 5) }),
                "choice_10_size5_no_replace": expectInts(draw { $0.choice(10, count: 5, replace: false) }),
                "choice_4_size6_p_0.1_0.2_0.3_0.4": expectInts(draw { $0.choice(4, count: 6, p: [0.1, 0.2, 0.3, 0.4]) }),
                "choice_5_scalar": { vector in
                    XCTAssertEqual(draw { $0.choice(5, count: 1) }, [try vector.int()], vector.location)
                },
                "choice_list_abc_size4": { vector in
                    let letters = draw { $0.choice(3, count: 4) }.map { ["a", "b", "c"][$0] }
                    XCTAssertEqual(letters, try vector.elements().map { try $0.string() }, vector.location)
                },
                "choice_3_size4_then_eye3_onehot_columns": { vector in
                    // np.eye(3)[idx].T: row r, column c is 1 where sample c picked class r.
                    let columns = (0..<3).map { r in oneHotSource.map { $0 == r ? 1.0 : 0.0 } }
                    let expected = try vector.elements().map { try $0.elements().map { try $0.double() } }
                    XCTAssertEqual(columns, expected, vector.location)
                },
            ]
            try checkEveryMember(of: try vectors["choice"], checks)
        }
    }

    func testArraySeedMatchesNumPyInitByArray() throws {
        let vectors = try RNGVectorFiles.shared()["seed_array_1_2_3_init_by_array"]
        var rng = NumPyRandomState(seed: [1, 2, 3])
        assertSameIntegers(Array(rng.state.key.prefix(5)), try vectors["key_first5"].uint32s(), vectors.location)
        assertSameIntegers((0..<5).map { _ in rng.nextUInt32() }, try vectors["raw_uint32_first5"].uint32s(),
                           vectors.location)
        var fresh = NumPyRandomState(seed: [1, 2, 3])
        assertSameBits(fresh.randomSample(count: 3), try vectors["random_sample_3"]["hex"].hexDoubles(),
                       vectors.location)
    }

    func testIntegerSeedAndOneElementArraySeedGiveDifferentStreams() throws {
        let expected = try RNGVectorFiles.shared()["seed_5_vs_seed_array_5_first_uniform"]["hex"]
        var integerSeeded = NumPyRandomState(seed: 5)
        var arraySeeded = NumPyRandomState(seed: [5])
        assertSameBits([integerSeeded.randomSample(), arraySeeded.randomSample()], try expected.hexDoubles(),
                       expected.location)
    }
}
