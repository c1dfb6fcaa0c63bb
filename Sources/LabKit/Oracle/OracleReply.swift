// OracleReply: what an oracle answers — a result, or why there is none.

/// The answer to one ``OracleRequest``.
public struct OracleReply: Sendable, Equatable {
    /// Why an exercise produced no result.
    public enum Failure: Sendable, Equatable, Codable {
        /// The exercise still has LabKit's default implementation.
        case notImplemented
        /// The submission's code threw this error.
        case threw(String)
        /// The request could not be served: unknown exercise or unreadable arguments.
        case badRequest(String)
    }

    /// The request's `id`.
    public var id: Int
    /// The result as a tree (matrices as block references), or `nil` on failure.
    public var result: JSONTree?
    /// The failure, or `nil` on success.
    public var failure: Failure?
    /// The blocks of the result's matrices.
    public var blocks: [[Double]]

    /// A successful reply carrying `value`.
    public init<T: Encodable>(id: Int, value: T) throws {
        let sink = WireBlockSink()
        self.id = id
        result = try WireCoding.tree(value, blocks: sink)
        failure = nil
        blocks = sink.blocks
    }

    /// A failed reply.
    public init(id: Int, failure: Failure) {
        self.id = id
        result = nil
        self.failure = failure
        blocks = []
    }

    /// The result decoded as `T`; throws ``WireError/malformed(_:)`` when it is missing or of another shape.
    public func value<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        guard let result else { throw WireError.malformed("the reply carries no result") }
        return try WireCoding.value(type, from: result, blocks: WireBlockSource(blocks))
    }

    private struct Body: Codable {
        var id: Int
        var result: JSONTree?
        var failure: Failure?
    }

    /// The reply as a frame.
    public var frame: WireFrame {
        get throws {
            let body = try WireCoding.tree(Body(id: id, result: result, failure: failure), blocks: WireBlockSink())
            return WireFrame(body: body, blocks: blocks)
        }
    }

    /// Reads a reply from a received frame; exactly one of result and failure must be present.
    public init(frame: WireFrame) throws {
        let body = try WireCoding.value(Body.self, from: frame.body, blocks: WireBlockSource(frame.blocks))
        guard (body.result == nil) != (body.failure == nil) else {
            throw WireError.malformed("a reply must carry either a result or a failure")
        }
        id = body.id
        result = body.result
        failure = body.failure
        blocks = frame.blocks
    }
}
