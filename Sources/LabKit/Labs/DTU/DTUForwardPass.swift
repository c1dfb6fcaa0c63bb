// DTUForwardPass: what the forward recursion of Exercise c stores for backpropagation.

/// The pre-activations `a⁽ˡ⁾` and outputs `z⁽ˡ⁾` of every layer, one sample per row.
///
/// `a[l − 1]` is `a⁽ˡ⁾` and `z[l − 1]` is `z⁽ˡ⁾ = h_l(a⁽ˡ⁾)`, both `(N, M_l)`. The constant
/// `z_0⁽ˡ⁾ = 1` of the bias is not stored. The network output is `y = z⁽ᴸ⁾` (Eq. 4).
public struct DTUForwardPass: Sendable, Hashable, Codable {
    /// `a⁽¹⁾, …, a⁽ᴸ⁾`, the layers' linear outputs (Eq. 6 and 7).
    public var a: [Matrix]
    /// `z⁽¹⁾, …, z⁽ᴸ⁾`, the layers' outputs after `h_l` (Eq. 5).
    public var z: [Matrix]

    /// Makes a forward pass from its per-layer values.
    public init(a: [Matrix], z: [Matrix]) {
        self.a = a
        self.z = z
    }

    /// The network output `y = z⁽ᴸ⁾`, `(N, K)`; an empty matrix when there are no layers.
    public var y: Matrix { z.last ?? Matrix([]) }
}
