// ReferenceValues: the table of every number the five labs publish.

/// Every published value of every lab, in lab order.
public enum ReferenceValues {
    /// The whole table, one row per published value.
    public static var all: [ReferenceValue] {
        uppsala + dtu + vu + hlcv + ece285
    }
}
