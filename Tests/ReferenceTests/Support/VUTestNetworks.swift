// Random VU networks and a finite-difference check of their gradients, shared by the VU tests.
import LabKit
import XCTest

/// Random instances of the VU network for hidden-instance style tests.
enum VUTestNetworks {
    /// The four parameters with their key paths, in the order `W, b, V, c`.
    static var paths: [(String, WritableKeyPath<TwoLayerParameters, Matrix>)] { [("W1", \.W1), ("b1", \.b1), ("W2", \.W2), ("b2", \.b2)] }

    /// Standard normal weights (the lab's draw) plus standard normal biases, so no gradient is trivially zero.
    static func random(inputs: Int, hidden: Int, outputs: Int, random: inout NumPyRandomState) -> TwoLayerParameters {
        var parameters = VUInitialisation.standardNormal(inputs: inputs, hidden: hidden, outputs: outputs, random: &random)
        parameters.b1 = random.randn(rows: 1, cols: hidden)
        parameters.b2 = random.randn(rows: 1, cols: outputs)
        return parameters
    }

    /// Asserts that `analytic` matches central differences of `loss` at `parameters`, parameter by
    /// parameter, with the labs' relative error below `bound`.
    static func assertGradientsMatchCentralDifferences(
        _ analytic: TwoLayerParameters, of loss: (TwoLayerParameters) -> Double, at parameters: TwoLayerParameters,
        bound: Double = 1e-7, _ context: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        for (name, path) in paths {
            let numerical = GradientCheck.numericalGradient(at: parameters[keyPath: path]) { value in
                var probe = parameters
                probe[keyPath: path] = value
                return loss(probe)
            }
            let error = GradientCheck.relativeError(analytic[keyPath: path], numerical)
            XCTAssertLessThan(error, bound, "d\(name) \(context)", file: file, line: line)
        }
    }
}
