// UppsalaLinearRegressionTraining: what the Auto notebook's `train_model` returns.

/// The result of gradient-descent training of the linear regression model (Task 3.1).
public struct UppsalaLinearRegressionTraining: Sendable, Hashable, Codable {
    /// `ω` and `β` after the last update.
    public var parameters: UppsalaLinearParameters
    /// The notebook's `train_costs`: one cost per iteration, computed from that iteration's
    /// output **before** its update, so the last entry is the cost after `iterations − 1` updates.
    @WireSeries public var trainCosts: [Double]

    /// Makes a result.
    public init(parameters: UppsalaLinearParameters, trainCosts: [Double]) {
        self.parameters = parameters
        self.trainCosts = trainCosts
    }
}
