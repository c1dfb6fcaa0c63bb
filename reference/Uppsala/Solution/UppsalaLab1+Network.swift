// The model solution of Tasks 3.3–3.6: a K-layer ReLU network's passes in both layouts, softmax cross-entropy.
import Foundation
import LabKit

extension UppsalaLab1 {
    public func forwardPass(_ input: Matrix, _ parameters: UppsalaNetworkParameters) -> UppsalaNetworkForwardPass {
        forward(input, hiddenLayers: parameters.hiddenLayers) { layer, h in
            parameters.biases[layer] + parameters.weights[layer].dot(h)
        }
    }

    public func backwardPass(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) -> UppsalaNetworkParameters {
        var gradients = parameters
        var dLdf = outputGradient
        for layer in stride(from: parameters.hiddenLayers, through: 0, by: -1) {
            gradients.biases[layer] = dLdf.sum(axis: 1)
            gradients.weights[layer] = linearLayerWeightGradient(dLdf, forward.activations[layer])
            if layer > 0 {
                let dLdh = Matrix.product(parameters.weights[layer], dLdf, transposeA: true)
                dLdf = indicator(forward.preactivations[layer - 1]) * dLdh
            }
        }
        return gradients
    }

    public func forwardPassRows(_ input: Matrix, _ parameters: UppsalaNetworkParameters) -> UppsalaNetworkForwardPass {
        forward(input, hiddenLayers: parameters.hiddenLayers) { layer, h in
            Matrix.product(h, parameters.weights[layer], transposeB: true) + parameters.biases[layer].T
        }
    }

    public func backwardPassRows(
        _ parameters: UppsalaNetworkParameters, _ forward: UppsalaNetworkForwardPass, outputGradient: Matrix
    ) -> UppsalaNetworkParameters {
        var gradients = parameters
        var dLdf = outputGradient
        for layer in stride(from: parameters.hiddenLayers, through: 0, by: -1) {
            gradients.biases[layer] = dLdf.sum(axis: 0).T
            gradients.weights[layer] = Matrix.product(dLdf, forward.activations[layer], transposeA: true)
            if layer > 0 {
                dLdf = indicator(forward.preactivations[layer - 1]) * dLdf.dot(parameters.weights[layer])
            }
        }
        return gradients
    }

    public func crossEntropyCost(_ output: Matrix, _ y: Matrix) -> Double {
        // log Σ exp f = m + log Σ exp(f − m) with m the column maximum: no overflow, no log 0.
        let columnMax = output.max(axis: 0)
        let logSumExp = columnMax + log(exp(output - columnMax).sum(axis: 0))
        let targetScore = (y * output).sum(axis: 0)
        return (logSumExp - targetScore).sum() / Double(y.cols)
    }

    public func crossEntropyCostGradient(_ output: Matrix, _ y: Matrix) -> Matrix {
        softmaxCrossEntropyLossGradient(output, y) / Double(y.cols)
    }

    /// `f_k = affine(k, h_k)` and `h_{k+1} = ReLU(f_k)` for `k < K`, then `f_K = affine(K, h_K)`:
    /// the two layouts differ only in how a layer's affine map is written.
    private func forward(
        _ input: Matrix, hiddenLayers K: Int, affine: (_ layer: Int, _ h: Matrix) -> Matrix
    ) -> UppsalaNetworkForwardPass {
        var f: [Matrix] = []
        var h: [Matrix] = [input]
        for layer in 0..<K {
            f.append(affine(layer, h[layer]))
            h.append(relu(f[layer]))
        }
        f.append(affine(K, h[K]))
        return UppsalaNetworkForwardPass(preactivations: f, activations: h)
    }

    /// `ReLU(f) = max(f, 0)` entrywise (the notebook's `clip(0.0)`).
    private func relu(_ f: Matrix) -> Matrix {
        f.clamp(min: 0)
    }

    /// The ReLU derivative `𝟙[f > 0]`: 1 where `f > 0`, 0 elsewhere (0 at exactly 0).
    private func indicator(_ f: Matrix) -> Matrix {
        f.map { $0 > 0 ? 1 : 0 }
    }
}
