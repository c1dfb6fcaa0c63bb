// Specifications of LabResponder: one request, one call of the exercise the lab's table names, and
// the replies every lab's responder gives alike.
import LabKit
import XCTest

final class LabResponderTests: XCTestCase {
    /// An HLCV solution that implements nothing.
    private struct HLCVStubs: HLCVTwoLayerNetLab {}

    /// An HLCV solution whose scores are its inputs, and whose loss throws an error of its own.
    private struct HLCVEcho: HLCVTwoLayerNetLab {
        struct Refused: Error, CustomStringConvertible {
            var description: String { "refused" }
        }

        func scores(_ X: Matrix, _ parameters: TwoLayerParameters) throws -> Matrix { X }

        func loss(_ X: Matrix, labels: [Int], _ parameters: TwoLayerParameters, reg: Double) throws -> Double {
            throw Refused()
        }
    }

    private struct VUStubs: VUMLPLab {}
    private struct ECE285Stubs: ECE285BackpropLab {}
    private struct DTUStubs: DTUPenAndPaperLab {}
    private struct UppsalaStubs: UppsalaBackpropLab {}

    /// A request for `exercise` on the toy problem, with every argument `loss` reads.
    private func toyRequest(_ exercise: String, id: Int = 6) throws -> OracleRequest {
        let (X, y) = HLCVToyProblem.data()
        var request = OracleRequest(id: id, exercise: exercise)
        try request.set("X", X)
        try request.set("labels", y)
        try request.set("parameters", HLCVToyProblem.model().parameters)
        try request.set("reg", 0.05)
        return request
    }

    func testTheNamedExerciseIsCalledAndItsResultAnswersUnderTheRequestsId() throws {
        let reply = HLCVResponder(HLCVEcho()).reply(to: try toyRequest("scores", id: 9))
        XCTAssertNil(reply.failure)
        XCTAssertEqual(reply.id, 9)
        XCTAssertEqual(try reply.value(Matrix.self), HLCVToyProblem.data().X)
    }

    func testAnExerciseTheTableDoesNotNameIsABadRequestNamingIt() throws {
        let reply = HLCVResponder(HLCVEcho()).reply(to: try toyRequest("softmax", id: 3))
        XCTAssertEqual(reply, OracleReply(id: 3, failure: .badRequest(WireError.malformed("unknown exercise softmax").description)))
    }

    func testAStubIsNotImplemented() throws {
        let reply = HLCVResponder(HLCVStubs()).reply(to: try toyRequest("loss"))
        XCTAssertEqual(reply, OracleReply(id: 6, failure: .notImplemented))
    }

    func testTheSolutionsOwnErrorIsSentAsThrown() throws {
        let reply = HLCVResponder(HLCVEcho()).reply(to: try toyRequest("loss"))
        XCTAssertEqual(reply, OracleReply(id: 6, failure: .threw("refused")))
    }

    func testAMissingArgumentIsABadRequestNamingIt() throws {
        let reply = HLCVResponder(HLCVEcho()).reply(to: OracleRequest(id: 2, exercise: "scores"))
        XCTAssertEqual(reply, OracleReply(id: 2, failure: .badRequest(WireError.malformed("request for scores has no argument X").description)))
    }

    func testEveryLabsResponderAnswersAnUnknownExerciseAlike() {
        let responders: [any OracleResponder] = [
            HLCVResponder(HLCVStubs()), VUResponder(VUStubs()), ECE285Responder(ECE285Stubs()), DTUResponder(DTUStubs()),
            UppsalaResponder(UppsalaStubs()),
        ]
        for responder in responders {
            let reply = responder.reply(to: OracleRequest(id: 1, exercise: "nope"))
            XCTAssertEqual(
                reply, OracleReply(id: 1, failure: .badRequest(WireError.malformed("unknown exercise nope").description)),
                "\(type(of: responder))")
        }
    }
}
