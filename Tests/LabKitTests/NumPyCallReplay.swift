// NumPyCallReplay: replays one case of fixtures/numpy/rng_vectors.json and checks every output.
import LabKit
import XCTest

/// Replays the calls of one fixture case, in order, on one `NumPyRandomState`, and compares each
/// output with what NumPy returned for the same call (see `fixtures/numpy/make_rng_vectors.py`
/// for the meaning of each `"call"`).
enum NumPyCallReplay {
    /// What a call produced, in the form its expectation is stored.
    private enum Output {
        case nothing
        case signed([Int])
        case unsigned([UInt64])
        case doubles([Double])
    }

    /// Replays `entry` (an object with `name`, `seed` and `calls`) and returns how many calls ran.
    @discardableResult
    static func replay(_ entry: JSONNode, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        var rng = try generator(seededWith: entry["seed"])
        let name = try entry["name"].string()
        let calls = try entry["calls"].elements()
        for (index, call) in calls.enumerated() {
            let kind = try call["call"].string()
            let context = "case \(name), call \(index) (\(kind)) at \(call.location)"
            try check(try perform(kind, call, on: &rng), against: call, context, file: file, line: line)
        }
        return calls.count
    }

    private static func generator(seededWith seed: JSONNode) throws -> NumPyRandomState {
        if case .array = seed.value { return NumPyRandomState(seed: try seed.uint32s()) }
        return NumPyRandomState(seed: try seed.uint32())
    }

    private static func perform(_ kind: String, _ call: JSONNode, on rng: inout NumPyRandomState) throws -> Output {
        let count = call.has("count") ? try call["count"].int() : nil
        switch kind {
        case "seed":
            let seed = try call["seed"]
            if case .array = seed.value { rng.seed(try seed.uint32s()) } else { rng.seed(try seed.uint32()) }
            return .nothing
        case "raw32":
            return .unsigned((0..<(count ?? 1)).map { _ in UInt64(rng.nextUInt32()) })
        case "next_uint64":
            return .unsigned((0..<(count ?? 1)).map { _ in rng.nextUInt64() })
        case "random_sample":
            return .doubles(count.map { rng.randomSample(count: $0) } ?? [rng.randomSample()])
        case "random_sample_matrix":
            return .doubles(rng.randomSample(rows: try call["rows"].int(), cols: try call["cols"].int()).elements)
        case "standard_normal":
            return .doubles(count.map { rng.standardNormal(count: $0) } ?? [rng.standardNormal()])
        case "randn":
            let draws = rng.randn(rows: try call["rows"].int(), cols: try call["cols"].int()).elements
            guard call.has("scale") else { return .doubles(draws) }
            let scale = try call["scale"].double()
            return .doubles(draws.map { scale * $0 })
        case "normal", "normal_matrix":
            return .doubles(try normal(call, count: count, on: &rng))
        case "randint":
            let (low, high) = (try call["low"].int(), try call["high"].int())
            return .signed(count.map { rng.randint(low: low, high: high, count: $0) } ?? [rng.randint(low: low, high: high)])
        case "permutation":
            return .signed(rng.permutation(try call["n"].int()))
        case "permutation_of":
            return .doubles(rng.permutation(try call["hex"].hexDoubles()))
        case "shuffle":
            var values = try call["values"].ints()
            rng.shuffle(&values)
            return .signed(values)
        case "shuffle_rows":
            var matrix = Matrix(
                rows: try call["rows"].int(), cols: try call["cols"].int(), elements: try call["hex"].hexDoubles())
            rng.shuffleRows(of: &matrix)
            return .doubles(matrix.elements)
        case "choice":
            let p = call.has("p_hex") ? try call["p_hex"].hexDoubles() : nil
            return .signed(
                rng.choice(try call["n"].int(), count: count ?? 1, replace: try call["replace"].bool(), p: p))
        default:
            throw FixtureError(description: "\(call.location): unknown call '\(kind)'; teach NumPyCallReplay to replay it")
        }
    }

    private static func normal(_ call: JSONNode, count: Int?, on rng: inout NumPyRandomState) throws -> [Double] {
        let (loc, scale) = (try call["loc"].double(), try call["scale"].double())
        if call.has("rows") {
            return rng.normal(loc: loc, scale: scale, rows: try call["rows"].int(), cols: try call["cols"].int()).elements
        }
        return count.map { rng.normal(loc: loc, scale: scale, count: $0) } ?? [rng.normal(loc: loc, scale: scale)]
    }

    private static func check(
        _ output: Output, against call: JSONNode, _ context: String, file: StaticString, line: UInt
    ) throws {
        switch output {
        case .nothing:
            return
        case .signed(let values):
            assertSameIntegers(values, try call["expect"]["ints"].ints(), context, file: file, line: line)
        case .unsigned(let values):
            assertSameIntegers(values, try call["expect"]["ints"].uint64s(), context, file: file, line: line)
        case .doubles(let values):
            let expect = try call["expect"]
            if expect.has("hex") {
                assertSameBits(values, try expect["hex"].hexDoubles(), context, file: file, line: line)
            } else {
                try checkDigest(values, try expect["digest"], context, file: file, line: line)
            }
        }
    }

    /// Long outputs are stored as count, first five, last five and an FNV-1a 64 of every value.
    private static func checkDigest(
        _ values: [Double], _ digest: JSONNode, _ context: String, file: StaticString, line: UInt
    ) throws {
        XCTAssertEqual(values.count, try digest["count"].int(), "\(context): count", file: file, line: line)
        assertSameBits(Array(values.prefix(5)), try digest["first_hex"].hexDoubles(), "\(context): first five",
                       file: file, line: line)
        assertSameBits(Array(values.suffix(5)), try digest["last_hex"].hexDoubles(), "\(context): last five",
                       file: file, line: line)
        let stored = try digest["fnv1a64"].string()
        guard stored.hasPrefix("0x"), let expected = UInt64(stored.dropFirst(2), radix: 16) else {
            throw FixtureError(description: "\(digest.location): fnv1a64 '\(stored)' is not a 0x-prefixed UInt64")
        }
        XCTAssertEqual(fnv1a64(values), expected, "\(context): FNV-1a 64 of all \(values.count) values",
                       file: file, line: line)
    }
}
