// Runs the built `labgrade` executable the way a user would, for tests of the command line.
import Foundation
import Grader
import XCTest

/// The `labgrade` executable beside the test bundle.
enum LabgradeCLI {
    /// Its path.
    static var executable: URL { Toolchain.current.products.appendingPathComponent("labgrade") }

    /// Starts `labgrade` with `arguments`, its output dropped.
    static func launch(_ arguments: [String]) throws -> Process {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "labgrade is not built")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `labgrade` (or `program`) to the end with `environment` added to this one's; its exit
    /// status, how it ended, and its standard output and error together.
    static func run(_ arguments: [String], program: URL? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, reason: Process.TerminationReason, output: String)
    {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "labgrade is not built")
        let process = Process()
        let pipe = Pipe()
        process.executableURL = program ?? executable
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = pipe
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "NO_COLOR" }.merging(environment) { $1 }
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: output, as: UTF8.self))
    }
}
