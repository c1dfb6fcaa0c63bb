// `labgrade doctor`: a smoke run of LabKit, the data sets and the sandbox on this machine.
import ArgumentParser
import Foundation
import Grader

/// Checks that this machine can grade: BLAS, LAPACK, NumPy streams, data sets, sandbox.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that this machine can grade: LabKit's numerics, the data sets and the sandbox.",
        discussion: "Exits with status 1 when any check fails; each failing line says what to do.")

    @Flag(help: "Print only the OpenBLAS kernel family labgrade runs with (OPENBLAS_CORETYPE), empty when the library's own choice stands; scripts/test starts the tests with it.")
    var blasCoretype = false

    func run() throws {
        if blasCoretype {
            print(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "")
            return
        }
        let checks = EnvironmentCheck.runAll()
        for check in checks {
            print("\(check.passed ? "✓" : "✗") \(check.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(check.detail)")
        }
        if checks.contains(where: { !$0.passed }) { throw ExitCode.failure }
    }
}
