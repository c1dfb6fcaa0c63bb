// DataSplit: which part of a data set to load, the training part, the test part or all of it.

/// A part of a data set, as its publisher divides it.
public enum DataSplit: String, Sendable, Hashable, CaseIterable {
    /// The training part.
    case train
    /// The held-out test part.
    case test
    /// Training then test rows, in that order.
    case all
}
