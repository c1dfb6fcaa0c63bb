// ECE285TrainingResult: what ECE 285's full-batch and minibatch training return.

/// The trained network and what the lab displays during training, one entry per full-batch
/// step (Question 18) or per epoch (Question 20), measured on the whole training set after it.
public struct ECE285TrainingResult: Sendable, Hashable, Codable {
    /// The network after the last step.
    public var parameters: TwoLayerParameters
    /// `eval_loss` (the `/d.size` cross-entropy of Question 15) after each step or epoch.
    @WireSeries public var lossHistory: [Double]
    /// `eval_perfs` (training error in percent, Question 16) after each step or epoch.
    @WireSeries public var errorHistory: [Double]

    /// Makes a result.
    public init(parameters: TwoLayerParameters, lossHistory: [Double], errorHistory: [Double]) {
        self.parameters = parameters
        self.lossHistory = lossHistory
        self.errorHistory = errorHistory
    }
}
