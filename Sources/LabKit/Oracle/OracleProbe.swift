// OracleProbe: one move of a batched request's arguments, for finite differences in one round trip.

/// Block `block` of a request moved by `step`: at one entry, or along a direction stored as
/// another block of the same request.
public struct OracleProbe: Codable, Sendable, Equatable {
    /// The block moved.
    public var block: Int
    /// The entry moved, for a coordinate probe.
    public var coordinate: Int?
    /// The block holding the direction, for a direction probe.
    public var direction: Int?
    /// How far: the entry gets `+ step`, or every entry `+ step · direction`.
    public var step: Double

    /// Moves entry `coordinate` of `block` by `step`.
    public static func coordinate(_ coordinate: Int, of block: Int, by step: Double) -> OracleProbe {
        OracleProbe(block: block, coordinate: coordinate, direction: nil, step: step)
    }

    /// Moves `block` by `step` along the direction in block `direction`.
    public static func direction(_ direction: Int, of block: Int, by step: Double) -> OracleProbe {
        OracleProbe(block: block, coordinate: nil, direction: direction, step: step)
    }

    /// Throws ``WireError/malformed(_:)`` unless the probe names existing blocks and entries.
    func validate(blocks: [[Double]]) throws {
        guard blocks.indices.contains(block) else { throw WireError.malformed("probe of block \(block): there is no such block") }
        switch (coordinate, direction) {
        case (let entry?, nil) where blocks[block].indices.contains(entry): return
        case (nil, let other?) where blocks.indices.contains(other) && blocks[other].count == blocks[block].count: return
        default: throw WireError.malformed("probe of block \(block) needs one entry of it or one direction block of its size")
        }
    }

    /// `values` (the block's) moved by this probe; `blocks` are the request's.
    func apply(to values: inout [Double], blocks: [[Double]]) {
        if let coordinate {
            values[coordinate] += step
        } else if let direction {
            for (k, d) in blocks[direction].enumerated() { values[k] += step * d }
        }
    }
}
