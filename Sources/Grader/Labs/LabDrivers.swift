// LabDrivers: the driver of each assignment.

/// Looks up the lab driver that makes the instances of an assignment's checks.
enum LabDrivers {
    /// The driver for assignment `id`.
    static func driver(for id: String) throws -> any LabDriver {
        switch id {
        case "hlcv-ex2": return HLCVDriver()
        case "uu-1rt720-lab1": return UppsalaDriver()
        case "vu-dl-a1": return VUDriver()
        case "ece285-a1": return ECE285Driver()
        case "dtu-02456-ex1": return DTUDriver()
        default: throw GradingError.unknownLab(id)
        }
    }
}
