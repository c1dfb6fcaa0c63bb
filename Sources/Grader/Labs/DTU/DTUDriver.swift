// DTUDriver: the instances DTU Exercise 1's checks run on — LabKit's fixed DTUProblem points for the
// published instances, random networks, data and losses for the hidden ones — and its property checks.
import Foundation
import LabKit
import Reference

/// Instances and identities for DTU 02456 Exercise 1 (pen and paper).
///
/// Value checks compare an exercise's answer with the reference's (``valueRequest(_:published:random:)``).
/// Property checks judge the lab's identities on the student's own answers (``DTUProperties``).
struct DTUDriver: LabDriver {
    var reference: any OracleResponder { DTUResponder(DTUExercise1()) }

    func publishedRequest(for check: Check) throws -> OracleRequest {
        var unused = NumPyRandomState(seed: 0)
        return try valueRequest(check, published: true, random: &unused)
    }

    func randomRequest(for check: Check, random: inout NumPyRandomState) throws -> OracleRequest {
        try valueRequest(check, published: false, random: &random)
    }

    /// The request of a value check: the lab's fixed problem (published) or a random one.
    private func valueRequest(_ check: Check, published: Bool, random: inout NumPyRandomState) throws -> OracleRequest {
        switch check.exercise {
        case "outputWithOneHiddenLayer":
            return try DTURequests.outputWithOneHiddenLayer(
                published ? .figure5_3 : network(layers: 2, samples: random.randint(low: 1, high: 6), &random))
        case "outputWithTwoHiddenLayers":
            return try DTURequests.outputWithTwoHiddenLayers(
                published ? .regression : network(layers: 3, samples: random.randint(low: 1, high: 6), &random))
        case "forward":
            let problem =
                published
                ? DTUProblem.classification
                : network(layers: random.randint(low: 1, high: 5), samples: random.randint(low: 1, high: 6), &random)
            return try DTURequests.forward(problem.inputs, problem.network)
        case "collapsedLinearWeights":
            let problem =
                published
                ? DTUProblem.regression
                : DTUInstances.problem(layers: random.randint(low: 1, high: 5), output: .identity, samples: 1, random: &random)
            return try DTURequests.collapsedLinearWeights(problem.network.weights)
        case "gaussianNegativeLogLikelihood":
            let (outputs, targets) = regressionData(published, &random)
            return try DTURequests.gaussianNegativeLogLikelihood(
                outputs, targets, variance: published ? 0.5 : DTUInstances.variance(&random))
        case "maximumLikelihoodVariance":
            let (outputs, targets) = regressionData(published, &random)
            return try DTURequests.maximumLikelihoodVariance(outputs, targets)
        case "crossEntropy":
            let (logits, targets) = classificationData(published, &random)
            return try DTURequests.crossEntropy(DTUActivation.softmax.apply(logits), targets)
        case "minibatchGradientScale":
            let datasetSize = published ? 6 : random.randint(low: 2, high: 1000)
            let batchSize = published ? 3 : random.randint(low: 1, high: datasetSize + 1)
            return try DTURequests.minibatchGradientScale(datasetSize: datasetSize, batchSize: batchSize)
        case "classificationOutputDelta":
            let (logits, targets) = classificationData(published, &random)
            return try DTURequests.classificationOutputDelta(logits, targets)
        case "regressionOutputDelta":
            if published {
                return try DTURequests.regressionOutputDelta(
                    DTUInstances.referenceForward(.regression).a, DTUProblem.regression.targets, .identity)
            }
            let (a, targets) = DTUInstances.regressionData(&random)
            let outputs = DTUInstances.regressionOutputs
            return try DTURequests.regressionOutputDelta(a, targets, outputs[random.randint(high: outputs.count)])
        case "backpropagate":
            let (problem, loss) =
                published
                ? (DTUInstances.sample(0, of: .classification), DTULoss.crossEntropy)
                : DTUInstances.backpropagationProblem(samples: 1, random: &random)
            return try DTURequests.backpropagate(problem, loss)
        case "batchBackpropagate":
            let (problem, loss) =
                published
                ? (DTUProblem.classification, DTULoss.crossEntropy)
                : DTUInstances.batchProblem(&random)
            return try DTURequests.batchBackpropagate(problem, loss)
        default:
            throw DriverError.unsupported(check: check.id, reason: "no exercise \(check.exercise) in DTUPenAndPaperLab")
        }
    }

    /// A random network of `layers` layers with any output activation.
    private func network(layers: Int, samples: Int, _ random: inout NumPyRandomState) -> DTUProblem {
        DTUInstances.problem(layers: layers, output: DTUInstances.anyOutput(&random), samples: samples, random: &random)
    }

    /// The regression problem's outputs (reference forward pass) and targets, or random ones.
    private func regressionData(_ published: Bool, _ random: inout NumPyRandomState) -> (Matrix, Matrix) {
        published ? (DTUInstances.referenceForward(.regression).y, DTUProblem.regression.targets) : DTUInstances.regressionData(&random)
    }

    /// The classification problem's logits (reference forward pass) and one-hot targets, or random ones.
    private func classificationData(_ published: Bool, _ random: inout NumPyRandomState) -> (Matrix, Matrix) {
        published
            ? (DTUInstances.referenceForward(.classification).a, DTUProblem.classification.targets)
            : DTUInstances.classificationData(&random)
    }

    func verifyProperty(
        _ check: Check, published: Bool, random: inout NumPyRandomState, call: (OracleRequest) -> OracleCallOutcome
    ) throws -> InstanceOutcome {
        try withoutActuallyEscaping(call) { call in
            let properties = DTUProperties(check: check, student: DTUStudent(call: call))
            do {
                switch check.id {
                case "c-recursion": return try properties.forwardRecursion(published: published, random: &random)
                case "d-linear-network": return try properties.linearCollapse(published: published, random: &random)
                case "f-variance-minimises-nll": return try properties.varianceMinimum(published: published, random: &random)
                case "i-delta-is-cross-entropy-gradient":
                    return try properties.classificationDelta(published: published, random: &random)
                case "j-gradients-match-your-loss":
                    return try properties.singleExampleGradients(published: published, random: &random)
                case "k-delta-is-sum-of-squares-gradient":
                    return try properties.regressionDelta(published: published, random: &random)
                case "l-batch-is-sum-of-samples": return try properties.batchIsSumOfSamples(published: published, random: &random)
                case "l-gradients-match-your-loss": return try properties.batchGradients(published: published, random: &random)
                default: throw DriverError.unsupported(check: check.id, reason: "the DTU driver has no property of that id")
                }
            } catch let stop as InstanceOutcome {
                return stop
            }
        }
    }
}
