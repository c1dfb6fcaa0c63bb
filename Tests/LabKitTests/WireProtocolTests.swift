// Specifications of the oracle wire protocol: exact round trips, and clear errors for every bad frame.
import Foundation
import LabKit
import XCTest

final class WireProtocolTests: XCTestCase {
    private let parameters = TwoLayerParameters(
        W1: Matrix([[0.1, -0.2], [1e-300, 3]]), b1: Matrix(row: [0, 1]), W2: Matrix([[1], [2]]), b2: Matrix([[-1]]))

    func testRequestRoundTripsBitForBitWithMatricesAsBlocks() throws {
        let request = try OracleRequest(id: 9, exercise: "loss").with("parameters", parameters).with("reg", 0.1 + 0.2)
            .with("labels", [2, 0, 1])
        let frame = try request.frame
        XCTAssertEqual(frame.blocks.count, 4)
        let decoded = try OracleRequest(frame: WireFrame(payload: frame.payload()))
        XCTAssertEqual(decoded, request)
        XCTAssertEqual(try decoded.argument("parameters", as: TwoLayerParameters.self), parameters)
        XCTAssertEqual(try decoded.argument("reg", as: Double.self).bitPattern, (0.1 + 0.2).bitPattern)
    }

    func testNonFiniteResultsSurviveTheTrip() throws {
        let reply = try OracleReply(id: 1, value: [Double.nan, .infinity, -.infinity, 1])
        let decoded = try OracleReply(frame: WireFrame(payload: reply.frame.payload()))
        let values = try decoded.value([Double].self)
        XCTAssertTrue(values[0].isNaN)
        XCTAssertEqual(Array(values[1...]), [.infinity, -.infinity, 1])
    }

    func testGeneratorStateTravelsAndContinuesTheStream() throws {
        var random = NumPyRandomState(seed: 0)
        _ = random.randn(rows: 3, cols: 1)
        let request = try OracleRequest(exercise: "train").with("random", random)
        var received = try OracleRequest(frame: WireFrame(payload: request.frame.payload())).argument("random", as: NumPyRandomState.self)
        XCTAssertEqual(received.randn(rows: 4, cols: 2), random.randn(rows: 4, cols: 2))
    }

    func testGarbageHeaderIsMalformed() {
        var payload: [UInt8] = [3, 0, 0, 0]
        payload += Array("{x}".utf8)
        XCTAssertThrowsError(try WireFrame(payload: payload)) { error in
            guard case .malformed(let reason)? = error as? WireError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("header"), reason)
        }
    }

    func testHeaderLongerThanThePayloadIsMalformed() {
        XCTAssertThrowsError(try WireFrame(payload: [200, 0, 0, 0, 123])) { error in
            XCTAssertEqual(error as? WireError, .malformed("header length 200 exceeds the 1 bytes that follow"))
        }
    }

    func testBlocksThatDoNotFillThePayloadAreMalformed() throws {
        var payload = try WireFrame(encoding: Matrix([[1, 2]])).payload()
        payload.removeLast(3)
        XCTAssertThrowsError(try WireFrame(payload: payload)) { error in
            guard case .malformed? = error as? WireError else { return XCTFail("\(error)") }
        }
    }

    func testMatrixWhoseBlockHasTheWrongSizeIsRejected() throws {
        let frame = WireFrame(body: .object(["rows": .number(2), "cols": .number(2), "block": .number(0)]), blocks: [[1, 2, 3]])
        XCTAssertThrowsError(try frame.decode(Matrix.self))
    }

    func testReplyWithNeitherResultNorFailureIsRejected() throws {
        let frame = WireFrame(body: .object(["id": .number(1)]), blocks: [])
        XCTAssertThrowsError(try OracleReply(frame: frame))
    }

    private func pipe() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        precondition(Glibc.pipe(&fds) == 0)
        return (fds[0], fds[1])
    }

    func testOversizedFrameIsRefusedBeforeReadingIt() throws {
        let (r, w) = pipe()
        defer { close(r) }
        _ = [UInt8]([0, 0, 0, 64]).withUnsafeBytes { Glibc.write(w, $0.baseAddress, 4) }
        close(w)
        XCTAssertThrowsError(try WirePipe(descriptor: r, maximumPayload: 1 << 20).read(timeout: 1)) { error in
            XCTAssertEqual(error as? WireError, .oversized(bytes: 1 << 30, limit: 1 << 20))
        }
    }

    func testClosedPipeAndShortFrameAreDistinguished() throws {
        let (r1, w1) = pipe()
        close(w1)
        XCTAssertThrowsError(try WirePipe(descriptor: r1).read(timeout: 1)) { error in
            XCTAssertEqual(error as? WireError, .closed(received: 0, expected: 0))
        }
        close(r1)
        let (r2, w2) = pipe()
        _ = [UInt8]([10, 0, 0, 0, 1, 2]).withUnsafeBytes { Glibc.write(w2, $0.baseAddress, 6) }
        close(w2)
        XCTAssertThrowsError(try WirePipe(descriptor: r2).read(timeout: 1)) { error in
            XCTAssertEqual(error as? WireError, .closed(received: 2, expected: 10))
        }
        close(r2)
    }

    func testSilenceIsATimeout() throws {
        let (r, w) = pipe()
        defer { close(r); close(w) }
        XCTAssertThrowsError(try WirePipe(descriptor: r).read(timeout: 0.05)) { error in
            XCTAssertEqual(error as? WireError, .timedOut(seconds: 0.05))
        }
    }
}
