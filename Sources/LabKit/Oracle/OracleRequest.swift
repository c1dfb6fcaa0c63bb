// OracleRequest: "call exercise E with these arguments", as sent to a submission's oracle.

/// A request to run one exercise on named arguments.
///
/// Arguments are any `Codable` LabKit values; matrices travel as raw blocks. The oracle decodes
/// each argument with the type its exercise expects, so a request never carries expected values.
public struct OracleRequest: Sendable, Equatable {
    /// A number the reply repeats, so a stale answer is never taken for a new one.
    public var id: Int
    /// The exercise to run, e.g. `"loss"`.
    public var exercise: String
    /// The arguments by name, with matrices as block references.
    public private(set) var arguments: [String: JSONTree]
    /// The matrix blocks the arguments refer to (and, after them, the directions of `probes`).
    public private(set) var blocks: [[Double]]
    /// When not empty, the request is a batch: run the exercise once per probe, on the arguments
    /// moved by that probe, and answer with all the scalar results (finite differences this way
    /// cost one round trip, not two per probed entry).
    public var probes: [OracleProbe] = []

    /// Makes a request with no arguments yet.
    public init(id: Int = 0, exercise: String) {
        self.id = id
        self.exercise = exercise
        arguments = [:]
        blocks = []
    }

    /// Sets argument `name` to `value`.
    public mutating func set<T: Encodable>(_ name: String, _ value: T) throws {
        let sink = WireBlockSink(continuing: blocks)
        arguments[name] = try WireCoding.tree(value, blocks: sink)
        blocks = sink.blocks
    }

    /// Changes the values of matrix block `index` in place (the grader perturbs parameters this way).
    public mutating func updateBlock(_ index: Int, _ change: (inout [Double]) -> Void) {
        change(&blocks[index])
    }

    /// Appends a block no argument refers to (a probe's direction); returns its index.
    public mutating func appendBlock(_ values: [Double]) -> Int {
        blocks.append(values)
        return blocks.count - 1
    }

    /// This request with argument `name` set to `value`.
    public func with<T: Encodable>(_ name: String, _ value: T) throws -> OracleRequest {
        var copy = self
        try copy.set(name, value)
        return copy
    }

    /// Argument `name` decoded as `T`; throws ``WireError/malformed(_:)`` naming it when missing or mistyped.
    public func argument<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let tree = arguments[name] else {
            throw WireError.malformed("request for \(exercise) has no argument \(name)")
        }
        do {
            return try WireCoding.value(type, from: tree, blocks: WireBlockSource(blocks))
        } catch WireError.malformed(let reason) {
            throw WireError.malformed("argument \(name) of \(exercise): \(reason)")
        }
    }

    private struct Body: Codable {
        var id: Int
        var exercise: String
        var arguments: [String: JSONTree]
        var probes: [OracleProbe]?
    }

    /// The request as a frame.
    public var frame: WireFrame {
        get throws {
            let body = Body(id: id, exercise: exercise, arguments: arguments, probes: probes.isEmpty ? nil : probes)
            return WireFrame(body: try WireCoding.tree(body, blocks: WireBlockSink()), blocks: blocks)
        }
    }

    /// Reads a request from a received frame.
    public init(frame: WireFrame) throws {
        let body = try WireCoding.value(Body.self, from: frame.body, blocks: WireBlockSource(frame.blocks))
        id = body.id
        exercise = body.exercise
        arguments = body.arguments
        blocks = frame.blocks
        probes = body.probes ?? []
        for probe in probes { try probe.validate(blocks: blocks) }
    }
}
