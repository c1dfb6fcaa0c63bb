// CSVOptions: how a delimited text file is split into fields and which fields count as missing.

/// Settings for reading a delimited text table with `CSVTable`.
///
/// The defaults read a comma-separated file with a header row, `?` and empty fields missing,
/// like `pandas.read_csv(path, na_values="?")`.
public struct CSVOptions: Sendable, Hashable {
    /// How the fields of a line are separated.
    public enum Separator: Sendable, Hashable {
        /// One comma between fields; a field may be empty.
        case comma
        /// One or more spaces or tabs between fields, leading and trailing ones ignored
        /// (`sep=r"\s+"` in pandas), as in ISLR's `Auto.data`.
        case whitespace
    }

    /// How fields are separated.
    public var separator: Separator
    /// Whether the first record names the columns. Without a header the columns are named
    /// `"0"`, `"1"`, … as in pandas' `header=None`.
    public var hasHeader: Bool
    /// Field texts that mean "no value", compared after trimming spaces and tabs.
    public var missingMarkers: Set<String>
    /// Whether to drop every row that has a missing field, like pandas' `dropna()`.
    public var dropMissing: Bool

    /// Options with the given settings; see the properties for each one.
    public init(
        separator: Separator = .comma, hasHeader: Bool = true,
        missingMarkers: Set<String> = ["", "?"], dropMissing: Bool = false
    ) {
        self.separator = separator
        self.hasHeader = hasHeader
        self.missingMarkers = missingMarkers
        self.dropMissing = dropMissing
    }
}
