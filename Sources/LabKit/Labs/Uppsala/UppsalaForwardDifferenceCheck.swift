// UppsalaForwardDifferenceCheck: the notebook's given finite-difference check of every weight and bias.

/// The last cell of `backpropagation.ipynb`: each parameter entry is moved by `δ` in turn, the
/// cost is recomputed, and the one-sided difference is compared with backpropagation's gradient
/// by NumPy's `allclose`, one tensor at a time.
///
/// A one-sided difference is off by about `δ·∂²L/2`, so the notebook's tolerances are loose
/// (rtol 1e-3, atol 1e-7; udlbook's original used 1e-5 and 1e-8).
public struct UppsalaForwardDifferenceCheck: Sendable, Hashable {
    /// The step `δ` (the notebook's `delta_fd = 0.000001`).
    public var step: Double
    /// `rtol` of the comparison.
    public var relativeTolerance: Double
    /// `atol` of the comparison.
    public var absoluteTolerance: Double

    /// Makes a check; the defaults are the Uppsala notebook's.
    public init(step: Double = 0.000001, relativeTolerance: Double = 1e-3, absoluteTolerance: Double = 1e-7) {
        self.step = step
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
    }

    /// `(cost(φ + δ·e) − cost(φ)) / δ` for every entry of every weight matrix and bias vector,
    /// in the shapes of `parameters`.
    public func gradients(
        at parameters: UppsalaNetworkParameters, cost: (UppsalaNetworkParameters) throws -> Double
    ) rethrows -> UppsalaNetworkParameters {
        let base = try cost(parameters)
        var result = parameters
        for layer in parameters.weights.indices {
            for k in 0..<parameters.weights[layer].count {
                var probe = parameters
                probe.weights[layer].elements[k] += step
                result.weights[layer].elements[k] = (try cost(probe) - base) / step
            }
            for k in 0..<parameters.biases[layer].count {
                var probe = parameters
                probe.biases[layer].elements[k] += step
                result.biases[layer].elements[k] = (try cost(probe) - base) / step
            }
        }
        return result
    }

    /// How many of the `2(K + 1)` tensors pass `allclose(differences, backprop, rtol, atol)`:
    /// the notebook's `bias_success + weight_success`.
    public func matchingTensors(_ backprop: UppsalaNetworkParameters, _ differences: UppsalaNetworkParameters) -> Int {
        zip(backprop.named, differences.named).filter { pair in
            let (analytic, numeric) = (pair.0.value, pair.1.value)
            guard analytic.rows == numeric.rows, analytic.cols == numeric.cols else { return false }
            return zip(analytic.elements, numeric.elements).allSatisfy { a, n in
                Swift.abs(n - a) <= absoluteTolerance + relativeTolerance * Swift.abs(a)
            }
        }.count
    }
}
