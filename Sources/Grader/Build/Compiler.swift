// Compiler: runs a trusted tool (swiftc, tar, unzip) with a time limit and captures its output.
import Foundation

/// Runs trusted build tools. Student code is compiled, never run, here; running happens in the sandbox.
enum Compiler {
    /// The outcome of one tool run.
    struct Result: Sendable {
        /// Exit status; −1 when killed for the time limit.
        var status: Int32
        /// stdout and stderr together, in order.
        var output: String
        /// Wall time in seconds.
        var seconds: Double
    }

    /// Runs `tool` with `arguments` in `folder`, killing it after `timeout` seconds.
    static func run(_ tool: URL, _ arguments: [String], in folder: URL, timeout: Double) throws -> Result {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        // The handler must be in place before the process starts, or a quick exit is never seen.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let start = DispatchTime.now()
        try process.run()
        let collected = OutputBox()
        let reader = Thread {
            collected.data = pipe.fileHandleForReading.readDataToEndOfFile()
            collected.done.signal()
        }
        reader.start()
        var killed = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            killed = true
            _ = exited.wait(timeout: .now() + 5)
        }
        _ = collected.done.wait(timeout: .now() + 5)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var output = String(decoding: collected.data, as: UTF8.self)
        if killed { output += "\n(stopped after \(Int(timeout)) s)" }
        return Result(status: killed ? -1 : process.terminationStatus, output: output, seconds: seconds)
    }

    private final class OutputBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}
