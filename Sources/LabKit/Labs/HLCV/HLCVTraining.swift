// HLCVTrainingOptions and HLCVTrainingResult: the inputs and outputs of HLCV's SGD `train`.

/// The hyperparameters of HLCV's `TwoLayerNet.train`, with the lab's defaults.
public struct HLCVTrainingOptions: Sendable, Hashable, Codable {
    /// Step size `α` of the first iteration (lab default `1e-3`).
    public var learningRate: Double
    /// Factor applied to the learning rate once per epoch (lab default `0.95`).
    public var learningRateDecay: Double
    /// Regularisation strength `λ` of Eq. 13 (lab default `5e-6`).
    public var reg: Double
    /// Number of SGD steps `T` (lab default `100`).
    public var iterations: Int
    /// Minibatch size `B` (lab default `200`).
    public var batchSize: Int

    /// Makes options; omitted values take the lab's defaults.
    public init(
        learningRate: Double = 1e-3, learningRateDecay: Double = 0.95, reg: Double = 5e-6,
        iterations: Int = 100, batchSize: Int = 200
    ) {
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.reg = reg
        self.iterations = iterations
        self.batchSize = batchSize
    }
}

/// What HLCV's `train` returns: the trained parameters and its three histories.
public struct HLCVTrainingResult: Sendable, Hashable, Codable {
    /// The parameters after the last step.
    public var parameters: TwoLayerParameters
    /// The minibatch loss of every iteration, computed before that iteration's update.
    @WireSeries public var lossHistory: [Double]
    /// The minibatch accuracy at the start of every epoch.
    public var trainAccuracyHistory: [Double]
    /// The validation accuracy at the start of every epoch.
    public var validationAccuracyHistory: [Double]

    /// Makes a result.
    public init(
        parameters: TwoLayerParameters, lossHistory: [Double], trainAccuracyHistory: [Double],
        validationAccuracyHistory: [Double]
    ) {
        self.parameters = parameters
        self.lossHistory = lossHistory
        self.trainAccuracyHistory = trainAccuracyHistory
        self.validationAccuracyHistory = validationAccuracyHistory
    }
}
