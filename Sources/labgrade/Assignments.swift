// `labgrade assignments`: lists the assignments this checkout can grade.
import ArgumentParser
import Grader

/// Lists the assignments with their checks and points.
struct Assignments: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the assignments this checkout can grade.")

    @Flag(name: .shortAndLong, help: "Also list every check with its kind, points and visibility.")
    var verbose = false

    func run() throws {
        let catalog = AssignmentCatalog()
        for id in catalog.ids {
            let assignment = try catalog.load(id)
            print("\(id.padding(toLength: 16, withPad: " ", startingAt: 0)) \(assignment.title) (\(Int(assignment.totalPoints)) points, \(assignment.checks.count) checks)")
            guard verbose else { continue }
            for check in assignment.checks {
                print("    \(check.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(check.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(check.points) pts  \(check.visibility.rawValue)")
            }
        }
    }
}
