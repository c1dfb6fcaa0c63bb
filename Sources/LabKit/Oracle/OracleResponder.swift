// OracleResponder: a lab solution that can answer oracle requests, and the loop that serves them.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A solution that maps a request to a call of one of its exercises.
///
/// Every lab has one, a ``LabResponder`` over the lab's ``ExerciseTable``, so the program the
/// grader builds around a submission is one line: `OracleLoop.serve(HLCVResponder(HLCVExercise2()))`.
public protocol OracleResponder: Sendable {
    /// Runs the requested exercise and returns its result as a reply.
    ///
    /// Throws ``NotImplemented`` or the exercise's own error; unknown exercises and unreadable
    /// arguments throw ``WireError``.
    func respond(to request: OracleRequest) throws -> OracleReply
}

extension OracleResponder {
    /// Runs `request` and turns every outcome, including thrown errors, into a reply.
    public func reply(to request: OracleRequest) -> OracleReply {
        guard request.probes.isEmpty else { return probeReply(to: request) }
        do {
            return try respond(to: request)
        } catch is NotImplemented {
            return OracleReply(id: request.id, failure: .notImplemented)
        } catch let error as WireError {
            return OracleReply(id: request.id, failure: .badRequest(error.description))
        } catch {
            return OracleReply(id: request.id, failure: .threw(String(describing: error)))
        }
    }

    /// A batched request's scalar results, one per probe, as a row matrix; the first probe that
    /// gives no number answers for the whole batch.
    private func probeReply(to request: OracleRequest) -> OracleReply {
        var single = request
        single.probes = []
        var results = [Double]()
        results.reserveCapacity(request.probes.count)
        for probe in request.probes {
            var moved = single
            moved.updateBlock(probe.block) { probe.apply(to: &$0, blocks: request.blocks) }
            let reply = reply(to: moved)
            if let failure = reply.failure { return OracleReply(id: request.id, failure: failure) }
            guard let value = try? reply.value(Double.self) else {
                return OracleReply(id: request.id, failure: .badRequest("probes need an exercise with a number as result, not \(request.exercise)"))
            }
            results.append(value)
        }
        do {
            return try OracleReply(id: request.id, value: Matrix(row: results))
        } catch {
            return OracleReply(id: request.id, failure: .badRequest("the probes' results cannot be sent: \(error)"))
        }
    }

    /// The error to throw when the request names an exercise the lab does not have.
    public func unknownExercise(_ request: OracleRequest) -> WireError {
        WireError.malformed("unknown exercise \(request.exercise)")
    }
}

/// The oracle's main loop: read a request, answer it, until the grader closes the pipe.
public enum OracleLoop {
    /// The descriptor requests arrive on (set up by the grader; not stdin).
    public static let requestDescriptor: Int32 = 3
    /// The descriptor replies go out on (not stdout, which the student's prints use).
    public static let replyDescriptor: Int32 = 4

    /// Serves `responder` until the request pipe closes, then exits 0. Exits 3 if the pipes are unusable.
    public static func serve(_ responder: some OracleResponder) -> Never {
        let requests = WirePipe(descriptor: requestDescriptor)
        let replies = WirePipe(descriptor: replyDescriptor)
        while true {
            let request: OracleRequest
            do {
                request = try OracleRequest(frame: requests.read())
            } catch WireError.closed {
                exit(0)
            } catch {
                FileHandle.standardError.write(Data("labgrade oracle: \(error)\n".utf8))
                exit(3)
            }
            do {
                try replies.write(responder.reply(to: request).frame)
            } catch {
                FileHandle.standardError.write(Data("labgrade oracle: cannot send a reply: \(error)\n".utf8))
                exit(3)
            }
        }
    }
}
