// A DTU submission that implements nothing still compiles, and every exercise says it is missing.
import LabKit
import XCTest

final class DTUNotImplementedTests: XCTestCase {
    private struct Empty: DTUPenAndPaperLab {}

    func testEveryRequirementThrowsNotImplementedNamingItself() {
        let lab = Empty()
        let p = DTUProblem.classification
        let (X, T, network) = (p.inputs, p.targets, p.network)
        let (w, h) = (network.weights, network.activations)
        let calls: [(String, () throws -> Any)] = [
            (
                "outputWithOneHiddenLayer",
                { try lab.outputWithOneHiddenLayer(X, w1: w[0], w2: w[1], h1: h[0], h2: h[1]) }
            ),
            (
                "outputWithTwoHiddenLayers",
                { try lab.outputWithTwoHiddenLayers(X, w1: w[0], w2: w[1], w3: w[2], h1: h[0], h2: h[1], h3: h[2]) }
            ),
            ("forward", { try lab.forward(X, through: network) }),
            ("collapsedLinearWeights", { try lab.collapsedLinearWeights(w) }),
            (
                "gaussianNegativeLogLikelihood",
                { try lab.gaussianNegativeLogLikelihood(outputs: T, targets: T, variance: 1) }
            ),
            ("maximumLikelihoodVariance", { try lab.maximumLikelihoodVariance(outputs: T, targets: T) }),
            ("crossEntropy", { try lab.crossEntropy(outputs: T, targets: T) }),
            ("minibatchGradientScale", { try lab.minibatchGradientScale(datasetSize: 6, batchSize: 3) }),
            ("classificationOutputDelta", { try lab.classificationOutputDelta(logits: T, targets: T) }),
            (
                "backpropagate",
                { try lab.backpropagate(X[rows: 0..<1], target: T[rows: 0..<1], through: network, loss: .crossEntropy) }
            ),
            (
                "regressionOutputDelta",
                { try lab.regressionOutputDelta(preActivations: T, targets: T, outputActivation: .identity) }
            ),
            (
                "batchBackpropagate",
                { try lab.batchBackpropagate(X, targets: T, through: network, loss: .crossEntropy) }
            ),
        ]
        for (requirement, call) in calls {
            XCTAssertThrowsError(try call(), requirement) { error in
                XCTAssertEqual(error as? NotImplemented, NotImplemented("DTUPenAndPaperLab.\(requirement)"))
            }
        }
    }
}
