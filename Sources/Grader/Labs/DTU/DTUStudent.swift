// DTUStudent: typed calls of a submission's DTU exercises for the property checks, with every reply
// checked for shape and finiteness before the host computes with it.
import Foundation
import LabKit

/// The submission's exercises as functions; each throws the ``InstanceOutcome`` that ends the instance
/// when a call gives no usable value, so a property reads as the lab's identity.
///
/// LabKit stops the program on shape mismatches, and this code runs in the trusted host, so every
/// matrix from the submission is checked for its shape here, before any arithmetic.
struct DTUStudent {
    /// Calls the submission.
    let call: (OracleRequest) -> OracleCallOutcome

    /// Sends `request` and decodes the result as `T`.
    func ask<T: Decodable>(_ request: OracleRequest, as type: T.Type = T.self) throws -> T {
        let outcome = call(request)
        if let failure = InstanceOutcome.failure(of: outcome) {
            // Name the exercise: a property calls several, and the one that failed may not be the check's own.
            var stop = failure
            stop.message = "\(request.exercise): \(failure.message)"
            throw stop
        }
        do {
            return try outcome.get().value(T.self)
        } catch {
            throw InstanceOutcome(status: .error, message: "\(request.exercise) returned something that is not a \(T.self): \(error)")
        }
    }

    /// A returned matrix, required to be `rows × cols` and finite.
    func matrix(_ request: OracleRequest, rows: Int, cols: Int, name: String) throws -> Matrix {
        let value: Matrix = try ask(request)
        try Self.require(value, rows: rows, cols: cols, name: "\(request.exercise): \(name)")
        return value
    }

    /// A returned number, required to be finite.
    func number(_ request: OracleRequest, name: String) throws -> Double {
        let value: Double = try ask(request)
        guard value.isFinite else {
            throw Self.failure("\(request.exercise) returned \(value) as \(name), so nothing can be checked against it")
        }
        return value
    }

    /// Exercise c: the forward pass, with `L` entries in `a` and `z` of shapes `(N, M_l)`.
    func forward(_ x: Matrix, _ network: DTUNetwork) throws -> DTUForwardPass {
        let pass: DTUForwardPass = try ask(DTURequests.forward(x, network))
        let L = network.layerCount
        guard pass.a.count == L, pass.z.count == L else {
            throw Self.failure("forward: returned \(pass.a.count) a and \(pass.z.count) z for a network of \(L) layers")
        }
        for l in 0..<L {
            let units = network.weights[l].rows
            try Self.require(pass.a[l], rows: x.rows, cols: units, name: "forward: a⁽\(l + 1)⁾")
            try Self.require(pass.z[l], rows: x.rows, cols: units, name: "forward: z⁽\(l + 1)⁾")
        }
        return pass
    }

    /// The student's loss `E` of `problem`'s network — their forward pass, then their cross-entropy
    /// (g) or Gaussian NLL (e), or the lab's given sum of squares — with layer `l`'s weights moved by
    /// each of `moves`, all in one batched request.
    func losses(_ problem: DTUProblem, _ loss: DTULoss, movingLayer l: Int, by moves: [DTUFiniteDifferences.Move]) throws -> [Double] {
        var request = try DTURequests.lossOfNetwork(problem, loss)
        guard let network = request.arguments["network"],
            let leaf = MatrixLeaf.all(in: network).first(where: { $0.path == "weights[\(l)]" })
        else { throw InstanceOutcome(status: .error, message: "the network's layer \(l + 1) cannot be probed") }
        for move in moves {
            if let k = move.coordinate {
                request.probes.append(.coordinate(k, of: leaf.block, by: move.step))
            } else if let direction = move.direction {
                request.probes.append(.direction(request.appendBlock(direction.elements), of: leaf.block, by: move.step))
            }
        }
        let values = try matrix(request, rows: 1, cols: moves.count, name: "E(w) at the probed weights")
        return values.elements
    }

    /// Exercise j or l: a backward pass with one `δ⁽ˡ⁾` `(N, M_l)` and one gradient shaped like `w⁽ˡ⁾` per layer.
    func backward(_ request: OracleRequest, _ problem: DTUProblem) throws -> DTUBackwardPass {
        let pass: DTUBackwardPass = try ask(request)
        let weights = problem.network.weights
        guard pass.deltas.count == weights.count, pass.gradients.count == weights.count else {
            throw Self.failure(
                "\(request.exercise): returned \(pass.deltas.count) deltas and \(pass.gradients.count) gradients "
                    + "for a network of \(weights.count) layers")
        }
        for (l, w) in weights.enumerated() {
            try Self.require(pass.deltas[l], rows: problem.inputs.rows, cols: w.rows, name: "\(request.exercise): δ⁽\(l + 1)⁾")
            try Self.require(pass.gradients[l], rows: w.rows, cols: w.cols, name: "\(request.exercise): ∂E/∂w⁽\(l + 1)⁾")
        }
        return pass
    }

    /// A failed instance saying `message`.
    static func failure(_ message: String) -> InstanceOutcome { InstanceOutcome(status: .fail, message: message) }

    /// Throws a failure unless `value` is `rows × cols` and finite.
    static func require(_ value: Matrix, rows: Int, cols: Int, name: String) throws {
        guard value.rows == rows, value.cols == cols else {
            throw Self.failure("\(name) has shape \(value.shapeDescription), expected (\(rows), \(cols))")
        }
        guard value.isFinite else { throw Self.failure("\(name) has entries that are not finite") }
    }
}
