// Specifications of batched probe requests and of learning curves sent as blocks.
import Foundation
import LabKit
import XCTest

final class OracleProbeTests: XCTestCase {
    /// A responder whose only exercise is `Σ_ij W_ij²` (and which fails on request).
    private struct SquaredNorm: OracleResponder {
        func respond(to request: OracleRequest) throws -> OracleReply {
            let W: Matrix = try request.argument("W")
            guard W.elements.allSatisfy({ $0 < 100 }) else { throw NotImplemented("SquaredNorm.large") }
            return try OracleReply(id: request.id, value: W.elements.reduce(0) { $0 + $1 * $1 })
        }
    }

    private func roundTrip(_ request: OracleRequest) throws -> OracleRequest {
        try OracleRequest(frame: WireFrame(payload: request.frame.payload()))
    }

    func testProbesGiveWhatSeparateRequestsGive() throws {
        let W = Matrix([[1, 2], [3, 4]])
        var request = try OracleRequest(id: 5, exercise: "norm").with("W", W)
        let direction = request.appendBlock([1, -1, 1, -1])
        request.probes = [.coordinate(3, of: 0, by: 0.5), .coordinate(0, of: 0, by: -1), .direction(direction, of: 0, by: 0.25)]
        let reply = SquaredNorm().reply(to: try roundTrip(request))
        XCTAssertNil(reply.failure)
        let values = try reply.value(Matrix.self).elements
        func single(_ moved: Matrix) throws -> Double {
            try SquaredNorm().reply(to: OracleRequest(exercise: "norm").with("W", moved)).value(Double.self)
        }
        XCTAssertEqual(values, [
            try single(Matrix([[1, 2], [3, 4.5]])), try single(Matrix([[0, 2], [3, 4]])),
            try single(Matrix([[1.25, 1.75], [3.25, 3.75]])),
        ])
        XCTAssertEqual(reply.id, 5)
    }

    func testTheFirstFailingProbeAnswersForTheBatch() throws {
        var request = try OracleRequest(exercise: "norm").with("W", Matrix([[1, 2]]))
        request.probes = [.coordinate(0, of: 0, by: 1), .coordinate(1, of: 0, by: 500)]
        XCTAssertEqual(SquaredNorm().reply(to: request).failure, .notImplemented)
    }

    func testProbesOfMissingBlocksOrEntriesAreMalformed() throws {
        for probe in [OracleProbe.coordinate(0, of: 3, by: 1), .coordinate(9, of: 0, by: 1), .direction(0, of: 0, by: 1)] {
            var request = try OracleRequest(exercise: "norm").with("W", Matrix([[1, 2]]))
            request.probes = [probe]
            if probe.direction != nil { request.probes = [.direction(request.appendBlock([1, 2, 3]), of: 0, by: 1)] }
            XCTAssertThrowsError(try roundTrip(request), "\(probe)") { error in
                guard case .malformed(let reason)? = error as? WireError else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("probe of block"), reason)
            }
        }
    }

    func testLearningCurvesTravelAsBlocksAndReadBackExactly() throws {
        let curve = (0..<5000).map { 1 / Double($0 + 3) }
        let result = VUTrainingResult(parameters: TwoLayerParameters(
            W1: Matrix([[1]]), b1: Matrix([[0]]), W2: Matrix([[1]]), b2: Matrix([[0]])), lossHistory: curve, epochLosses: [0.5])
        let reply = try OracleReply(id: 1, value: result)
        XCTAssertTrue(reply.blocks.contains(curve), "the loss history is one raw block")
        let decoded = try OracleReply(frame: WireFrame(payload: reply.frame.payload())).value(VUTrainingResult.self)
        XCTAssertEqual(decoded.lossHistory.map(\.bitPattern), curve.map(\.bitPattern))
        XCTAssertEqual(decoded, result)
        // Outside the wire it is a plain JSON array.
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        XCTAssertTrue(json.contains("\"epochLosses\":[0.5]") && json.contains("\"lossHistory\":[0.333"), json.prefix(200).description)
    }
}
