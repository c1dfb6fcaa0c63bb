// WireSeries: a long list of numbers (a learning curve) that travels as one raw block, not as JSON.

/// Marks a `[Double]` property that can be long (a loss per update step): on the wire it goes as
/// a raw Float64 block like a matrix, so a 20 000-step learning curve costs a copy, not five
/// rounds of number formatting and parsing. Elsewhere it is a plain JSON array.
@propertyWrapper
public struct WireSeries: Sendable, Hashable, Codable {
    /// The numbers.
    public var wrappedValue: [Double]

    /// Wraps `wrappedValue`.
    public init(wrappedValue: [Double]) {
        self.wrappedValue = wrappedValue
    }

    /// Reads a block-backed row matrix or a plain array of numbers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let array = try? container.decode([Double].self) {
            wrappedValue = array
        } else {
            wrappedValue = try container.decode(Matrix.self).elements
        }
    }

    /// Writes a row matrix (a block reference) on the wire, a plain array elsewhere.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder.userInfo[.labkitWireBlocks] is WireBlockSink {
            try container.encode(Matrix(row: wrappedValue))
        } else {
            try container.encode(wrappedValue)
        }
    }
}
