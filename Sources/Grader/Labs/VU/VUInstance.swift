// VUInstance: a small training problem for the VU training loops, whose every step the value checks compare.
import LabKit

/// A network, data and settings that `trainScalar`, `sgdEpoch` and `train` can be called on.
///
/// The loops are deterministic given their inputs (`trainScalar` visits rows in order; the others
/// draw their order from the generator they are sent), so on a small problem the whole result —
/// every loss before its step, the epoch means, the validation curves, the final weights — can be
/// compared with the reference's.
struct VUInstance {
    /// The initial weights.
    var parameters: TwoLayerParameters
    /// Training inputs, one sample per row.
    var X: Matrix
    /// Training labels.
    var labels: [Int]
    /// Validation inputs for `train` (may have no rows).
    var validationX: Matrix
    /// Validation labels for `train`.
    var validationLabels: [Int]
    /// The step size.
    var learningRate: Double
    /// Passes over the data (`trainScalar` and `train`).
    var epochs: Int
    /// Minibatch size (`train`).
    var batchSize: Int
    /// The generator sent to `sgdEpoch` and `train`.
    var random: NumPyRandomState

    /// A random problem: a network of random sizes (see ``VUDriver/randomSizes(_:)``), 8–24 rows,
    /// 2–3 epochs, a learning rate in [0.05, 0.5), and for `train` batches of 3–8 rows (which need
    /// not divide the rows) and a validation set of 3–8 rows or, one time in three, none.
    static func random(_ random: inout NumPyRandomState) -> VUInstance {
        let sizes = VUDriver.randomSizes(&random)
        let parameters = VUDriver.randomNetwork(sizes, random: &random)
        let rows = random.randint(low: 8, high: 25)
        let X = random.randn(rows: rows, cols: sizes.inputs)
        let labels = random.randint(high: sizes.outputs, count: rows)
        let validationRows = random.randint(high: 3) == 0 ? 0 : random.randint(low: 3, high: 9)
        let validationX = random.randn(rows: validationRows, cols: sizes.inputs)
        let validationLabels = random.randint(high: sizes.outputs, count: validationRows)
        return VUInstance(
            parameters: parameters, X: X, labels: labels, validationX: validationX, validationLabels: validationLabels,
            learningRate: 0.05 + 0.45 * random.randomSample(), epochs: random.randint(low: 2, high: 4),
            batchSize: random.randint(low: 3, high: 9), random: NumPyRandomState(seed: random.nextUInt32()))
    }

    /// The request calling `exercise` (`trainScalar`, `sgdEpoch` or `train`) on this problem.
    func request(_ exercise: String) throws -> OracleRequest {
        var arguments: [(String, any Encodable)] = [("X", X), ("labels", labels), ("parameters", parameters)]
        switch exercise {
        case "trainScalar":
            arguments += [("learningRate", learningRate), ("epochs", epochs)]
        case "sgdEpoch":
            arguments += [("learningRate", learningRate), ("random", random)]
        default:
            arguments += [
                ("validationX", validationX), ("validationLabels", validationLabels),
                ("options", VUTrainingOptions(learningRate: learningRate, batchSize: batchSize, epochs: epochs)), ("random", random),
            ]
        }
        return try OracleRequest(exercise, arguments: arguments)
    }
}
