// LabDrivers: the driver of each lab, by the id of this checkout's assignment of it.

/// Looks up the lab driver that makes the instances of an assignment's checks.
enum LabDrivers {
    /// Every lab with a driver: the id of this checkout's assignment of it, and its driver.
    private static let table: [String: @Sendable () -> any LabDriver] = [
        "dtu-02456-ex1": { DTUDriver() },
        "ece285-a1": { ECE285Driver() },
        "hlcv-ex2": { HLCVDriver() },
        "uu-1rt720-lab1": { UppsalaDriver() },
        "vu-dl-a1": { VUDriver() },
    ]

    /// The labs with a driver, sorted.
    static var labs: [String] { table.keys.sorted() }

    /// Whether lab `id` has a driver.
    static func knows(_ id: String) -> Bool { table[id] != nil }

    /// The driver for lab `id`.
    static func driver(for id: String) throws -> any LabDriver {
        guard let make = table[id] else { throw GradingError.unknownLab(id) }
        return make()
    }
}
