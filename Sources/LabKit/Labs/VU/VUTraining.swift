// VUTrainingOptions and VUTrainingResult: the inputs and outputs of the VU training loops.

/// The hyperparameters of the batched training loop (Question 7), with the report's final choice.
public struct VUTrainingOptions: Sendable, Hashable, Codable {
    /// Step size (the report's final experiment: `0.003`).
    public var learningRate: Double
    /// Minibatch size `B` (the report's: `8`).
    public var batchSize: Int
    /// Number of passes over the training data (the report's final experiment: `10`).
    public var epochs: Int

    /// Makes options; omitted values take the report's final experiment's.
    public init(learningRate: Double = 0.003, batchSize: Int = 8, epochs: Int = 10) {
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.epochs = epochs
    }
}

/// What a VU training loop returns: the trained parameters and its learning curves.
public struct VUTrainingResult: Sendable, Hashable, Codable {
    /// The parameters after the last update.
    public var parameters: TwoLayerParameters
    /// The loss of every update step, instance or batch, computed before that step's update:
    /// the learning curve of Question 7.
    @WireSeries public var lossHistory: [Double]
    /// The mean of each epoch's `lossHistory` entries, as the report prints per epoch.
    public var epochLosses: [Double]
    /// The mean loss on the validation set after each epoch (empty when there is none).
    public var validationLosses: [Double]
    /// The fraction of validation samples classified correctly after each epoch (empty when there is none).
    public var validationAccuracies: [Double]

    /// Makes a result.
    public init(
        parameters: TwoLayerParameters, lossHistory: [Double], epochLosses: [Double],
        validationLosses: [Double] = [], validationAccuracies: [Double] = []
    ) {
        self.parameters = parameters
        self.lossHistory = lossHistory
        self.epochLosses = epochLosses
        self.validationLosses = validationLosses
        self.validationAccuracies = validationAccuracies
    }
}
