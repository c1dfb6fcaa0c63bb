// NumPyRandomState+Codable: a generator's full state as data, so a stream can continue elsewhere.

extension NumPyRandomState: Codable {
    /// Restores a generator from its ``state`` (NumPy's `set_state`), or `nil` if the state is invalid.
    public init?(state: State) {
        guard let twister = MersenneTwister(key: state.key, position: state.position) else { return nil }
        self.init(seed: 0)
        self.twister = twister
        cachedGaussian = state.cachedGaussian
    }

    /// Decodes the 624 words, the position and the cached Gaussian, rejecting an invalid state.
    public init(from decoder: any Decoder) throws {
        let state = try State(from: decoder)
        guard let restored = NumPyRandomState(state: state) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a generator state needs 624 words and a position in 0...624"))
        }
        self = restored
    }

    /// Encodes the full state.
    public func encode(to encoder: any Encoder) throws {
        try state.encode(to: encoder)
    }
}
