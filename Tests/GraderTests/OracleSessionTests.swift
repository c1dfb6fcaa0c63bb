// Specifications of running a compiled submission as a sandboxed oracle.
import Foundation
import LabKit
import XCTest

@testable import Grader

final class OracleSessionTests: XCTestCase {
    /// Builds a one-file HLCV submission whose `scores` body is `body`.
    private func oracle(scoresBody body: String, scratch: URL) throws -> (URL?, String) {
        let source = """
            import LabKit
            import Foundation
            struct HLCVExercise2: HLCVTwoLayerNetLab {
                func scores(_ X: Matrix, _ parameters: TwoLayerParameters) throws -> Matrix {
                    \(body)
                }
            }
            """
        let folder = try GraderFixtures.submission(["Net.swift": source], in: scratch)
        let collected = try SubmissionSource.collect(folder, into: scratch.appendingPathComponent("build"))
        let builder = OracleBuilder(
            sdk: try GraderFixtures.sdk.get(), toolchain: GraderFixtures.toolchain, entryType: "HLCVExercise2",
            responder: "HLCVResponder", exerciseFiles: [:], starter: scratch)
        let build = try builder.build(collected, scratch: scratch.appendingPathComponent("build"))
        return (build.whole, build.diagnostics)
    }

    private func session(_ program: URL, scratch: URL) throws -> OracleSession {
        try OracleSession(
            program: program,
            sandbox: try Sandbox(limits: SandboxLimits(outputBytes: 4096), products: GraderFixtures.toolchain.products, user: nil),
            folder: scratch.appendingPathComponent("box"), readable: [try GraderFixtures.sdk.get().libraries],
            environment: ["OPENBLAS_NUM_THREADS": "1"])
    }

    private func scoresRequest() throws -> OracleRequest {
        let (X, _) = HLCVToyProblem.data()
        return try OracleRequest(exercise: "scores").with("X", X).with("parameters", HLCVToyProblem.model().parameters)
    }

    func testAnswersARequestWithTheSubmissionsResult() throws {
        let scratch = try GraderFixtures.scratch(self)
        let (program, diagnostics) = try oracle(scoresBody: "return X.dot(parameters.W1)", scratch: scratch)
        let oracle = try XCTUnwrap(program, diagnostics)
        let running = try session(oracle, scratch: scratch)
        defer { _ = running.finish() }
        let answer = try running.call(scoresRequest(), timeout: 10).get()
        let (X, _) = HLCVToyProblem.data()
        XCTAssertEqual(try answer.reply.value(Matrix.self), X.dot(HLCVToyProblem.model().parameters.W1))
    }

    func testNotImplementedExerciseIsReportedAsSuch() throws {
        let scratch = try GraderFixtures.scratch(self)
        let (program, diagnostics) = try oracle(scoresBody: "return X", scratch: scratch)
        let running = try session(try XCTUnwrap(program, diagnostics), scratch: scratch)
        defer { _ = running.finish() }
        let answer = try running.call(OracleRequest(exercise: "predict").with("X", Matrix([[1]]))
            .with("parameters", HLCVToyProblem.model().parameters), timeout: 10).get()
        XCTAssertEqual(answer.reply.failure, .notImplemented)
    }

    func testEndlessLoopTimesOutAndIsKilled() throws {
        let scratch = try GraderFixtures.scratch(self)
        let (program, diagnostics) = try oracle(scoresBody: "while true {}", scratch: scratch)
        let running = try session(try XCTUnwrap(program, diagnostics), scratch: scratch)
        let outcome = running.call(try scoresRequest(), timeout: 1)
        XCTAssertEqual(outcome.failureValue, .timeout(seconds: 1))
        _ = running.finish()
    }

    func testFatalErrorIsACrashWithItsMessage() throws {
        let scratch = try GraderFixtures.scratch(self)
        let (program, diagnostics) = try oracle(scoresBody: "fatalError(\"boom at layer 2\")", scratch: scratch)
        let running = try session(try XCTUnwrap(program, diagnostics), scratch: scratch)
        guard case .crashed(_, let signal, let stderr)? = running.call(try scoresRequest(), timeout: 10).failureValue else {
            return XCTFail("expected a crash")
        }
        XCTAssertNotNil(signal)
        XCTAssertTrue(stderr.contains("boom at layer 2"), stderr)
    }

    func testGarbageOnTheReplyPipeIsAProtocolViolation() throws {
        let scratch = try GraderFixtures.scratch(self)
        let body = "let junk: [UInt8] = [255, 255, 255, 255, 1, 2]; _ = junk.withUnsafeBytes { write(4, $0.baseAddress, 6) }; return X"
        let (program, diagnostics) = try oracle(scoresBody: body, scratch: scratch)
        let running = try session(try XCTUnwrap(program, diagnostics), scratch: scratch)
        defer { _ = running.finish() }
        guard case .protocolViolation? = running.call(try scoresRequest(), timeout: 5).failureValue else {
            return XCTFail("expected a protocol violation")
        }
    }

    func testPrintingAHundredMegabytesIsCappedAndStillAnswered() throws {
        let scratch = try GraderFixtures.scratch(self)
        let body = "let line = String(repeating: \"x\", count: 1 << 20); for _ in 0..<100 { print(line) }; return X"
        let (program, diagnostics) = try oracle(scoresBody: body, scratch: scratch)
        let running = try session(try XCTUnwrap(program, diagnostics), scratch: scratch)
        XCTAssertNotNil(try? running.call(try scoresRequest(), timeout: 30).get())
        let output = running.finish()
        XCTAssertEqual(output.stdout.text.utf8.count, 4096)
        XCTAssertTrue(output.stdout.truncated)
    }

    func testExitMidRunIsACrashWithExitCode() throws {
        let scratch = try GraderFixtures.scratch(self)
        let (program, diagnostics) = try oracle(scoresBody: "exit(0)", scratch: scratch)
        let running = try session(try XCTUnwrap(program, diagnostics), scratch: scratch)
        guard case .crashed(let code, nil, _)? = running.call(try scoresRequest(), timeout: 5).failureValue else {
            return XCTFail("expected an exit")
        }
        XCTAssertEqual(code, 0)
    }

    func testNoNetworkInsideTheSandbox() throws {
        try XCTSkipUnless(
            try Sandbox(limits: SandboxLimits(), products: GraderFixtures.toolchain.products, user: nil).isolation == .bubblewrap,
            "bubblewrap unavailable")
        let scratch = try GraderFixtures.scratch(self)
        let body = """
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in(); address.sin_family = sa_family_t(AF_INET); address.sin_port = UInt16(53).bigEndian
            address.sin_addr.s_addr = inet_addr("8.8.8.8")
            let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            return Matrix([[Double(connected)]])
            """
        let (program, diagnostics) = try oracle(scoresBody: body, scratch: scratch)
        let running = try session(try XCTUnwrap(program, diagnostics), scratch: scratch)
        defer { _ = running.finish() }
        XCTAssertEqual(try running.call(try scoresRequest(), timeout: 10).get().reply.value(Matrix.self), Matrix([[-1]]))
    }
}

extension Result {
    /// The error, or `nil` on success.
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
