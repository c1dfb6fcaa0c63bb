// GradientCheck: the student's analytic gradient against central differences of their own loss and
// against the reference gradient.
import Foundation
import LabKit

/// Runs a gradient check on every instance.
///
/// Numerical side: `(L(θ+h) − L(θ−h)) / 2h` of the student's own loss, with `h = step·max(1, |θᵢ|)`,
/// on every coordinate of small parameters (or a sample of them) plus random ±1 directions. A probe
/// passes when `|a − n| ≤ 16·ε·max|L±|/h + tol·max(|a|, |n|)`: the first term is the round-off the
/// losses themselves carry, so correct code never fails on tiny entries. A failing probe is confirmed
/// at 10h before it counts. The lab's own figure, `max |a−n| / max(1e-8, |a|+|n|)`, is reported too.
enum GradientCheck {
    static func run(_ context: inout CheckContext) throws -> CheckResult {
        let start = DispatchTime.now()
        guard let options = context.check.gradient else { throw DriverError.unsupported(check: context.check.id, reason: "no gradient section") }
        let referenceTolerance = context.check.tolerance ?? Check.ValueTolerance(relative: 1e-6, absolute: 1e-9)
        var instances = [(label: String, outcome: InstanceOutcome)]()
        var measurements = [String: Double]()
        for (label, request) in try context.requests() {
            let (expected, answer) = try context.answers(request)
            guard case .success(let reply) = answer else {
                if case .failure(let failure) = answer { instances.append((label, failure)) }
                break
            }
            let versusReference = ResultComparison.compare(student: reply, reference: expected, tolerance: referenceTolerance)
            var probe = Prober(context: context, request: request, reply: reply, options: options)
            let numerical = probe.run()
            context.random = probe.random
            for (name, value) in probe.figures { measurements["\(label): \(name)"] = value }
            if let fault = numerical.fault {
                instances.append((label, fault))
                break
            }
            let parts = [numerical.message, versusReference.passed ? nil : "Compared with the reference gradient: \(versusReference.message)"]
                .compactMap { $0 }
            let passed = numerical.message == nil && versusReference.passed
            instances.append((label, InstanceOutcome(
                status: passed ? .pass : .fail, message: parts.joined(separator: "\n"),
                diagnosis: numerical.diagnosis ?? versusReference.diagnosis)))
        }
        return CheckResult(check: context.check, instances: instances, seconds: start.secondsSince, measurements: measurements)
    }

    /// Probes one instance: coordinates and directions of every parameter matrix.
    private struct Prober {
        let context: CheckContext
        let request: OracleRequest
        let reply: OracleReply
        let options: Check.GradientOptions
        var figures = [String: Double]()
        /// The probes' generator (sampled coordinates, directions); the check continues its stream.
        var random: NumPyRandomState
        /// Why the student's loss could not be evaluated, once that happens.
        private var lossFailure: InstanceOutcome?

        init(context: CheckContext, request: OracleRequest, reply: OracleReply, options: Check.GradientOptions) {
            self.context = context
            self.request = request
            self.reply = reply
            self.options = options
            random = context.random
        }

        struct Finding {
            var message: String?
            var diagnosis: String?
            var fault: InstanceOutcome?
        }

        mutating func run() -> Finding {
            guard let parameterTree = request.arguments[options.parameters], let gradientTree = reply.result else {
                return Finding(message: "the gradient has no parameters to check")
            }
            let gradients = Dictionary(MatrixLeaf.all(in: gradientTree).map { ($0.path, $0) }) { first, _ in first }
            var messages = [String](), diagnosis: String?
            for leaf in MatrixLeaf.all(in: parameterTree) {
                guard let gradient = gradients[leaf.path], gradient.rows == leaf.rows, gradient.cols == leaf.cols else {
                    messages.append("d\(leaf.path) is missing or has the wrong shape (expected (\(leaf.rows), \(leaf.cols)))")
                    continue
                }
                let theta = request.blocks[leaf.block], analytic = reply.blocks[gradient.block]
                var bad = [(entry: String, yours: Double, numerical: Double)](), probes = 0
                var fitA = [Double](), fitN = [Double](), fitT = [Double](), worst = 0.0
                for k in Self.coordinates(count: theta.count, analytic: analytic, sample: options.coordinates, random: &random) {
                    let h = options.step * Swift.max(1, Swift.abs(theta[k]))
                    guard let estimate = numerical(leaf: leaf, direction: .coordinate(k), h: h) else { return fault() }
                    probes += 1
                    worst = Swift.max(worst, Swift.abs(analytic[k] - estimate.value) / Swift.max(1e-8, Swift.abs(analytic[k]) + Swift.abs(estimate.value)))
                    fitA.append(analytic[k]); fitN.append(estimate.value); fitT.append(theta[k])
                    if !agrees(analytic[k], estimate, floor: 0) {
                        guard let confirm = numerical(leaf: leaf, direction: .coordinate(k), h: 10 * h) else { return fault() }
                        if !agrees(analytic[k], confirm, floor: 0) { bad.append((leaf.entry(k), analytic[k], estimate.value)) }
                    }
                }
                figures["max relative error d\(leaf.path)"] = worst
                var directionFailures = 0
                for _ in 0..<options.directions {
                    let signs = (0..<theta.count).map { _ in random.randomSample() < 0.5 ? -1.0 : 1.0 }
                    guard let estimate = numerical(leaf: leaf, direction: .signs(signs), h: options.step) else { return fault() }
                    probes += 1
                    let projected = zip(analytic, signs).reduce(0) { $0 + $1.0 * $1.1 }
                    let floor = analytic.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    if !agrees(projected, estimate, floor: floor) { directionFailures += 1 }
                }
                guard !bad.isEmpty || directionFailures > 0 else { continue }
                let shown = bad.prefix(3).map { "\($0.entry): yours \(format($0.yours)), numerical \(format($0.numerical))" }
                var text = "d\(leaf.path) disagrees with the numerical gradient of your loss in \(bad.count + directionFailures) of \(probes) probes"
                if !shown.isEmpty { text += "; " + shown.joined(separator: "; ") }
                if bad.isEmpty { text += " (sampled entries agree but random directions do not: a few entries are wrong)" }
                messages.append(text)
                diagnosis = diagnosis ?? GradientDiagnosis.hint(
                    parameter: leaf.path, analytic: fitA, numerical: fitN, theta: fitT,
                    reg: try? request.argument("reg", as: Double.self), batchSize: batchSize)
            }
            return Finding(message: messages.isEmpty ? nil : messages.joined(separator: "\n"), diagnosis: diagnosis)
        }

        private func fault() -> Finding {
            let cause = lossFailure ?? InstanceOutcome(status: .error, message: "no usable value")
            let message = "your loss (\(options.loss)) gave no usable value for the finite differences: \(cause.message)"
            return Finding(fault: InstanceOutcome(status: cause.status == .notImplemented ? .notImplemented : cause.status, message: message))
        }

        private var batchSize: Int? {
            guard let X = request.arguments["X"], let leaf = MatrixLeaf.all(in: X).first else { return nil }
            return leaf.rows
        }

        enum Direction {
            case coordinate(Int)
            case signs([Double])
        }

        struct Estimate {
            var value: Double
            var roundOff: Double
        }

        /// The central difference along `direction`, or `nil` when the loss cannot be evaluated.
        private mutating func numerical(leaf: MatrixLeaf, direction: Direction, h: Double) -> Estimate? {
            guard let plus = loss(leaf: leaf, direction: direction, by: h), let minus = loss(leaf: leaf, direction: direction, by: -h) else {
                return nil
            }
            return Estimate(value: (plus - minus) / (2 * h), roundOff: 16 * Double.ulpOfOne * Swift.max(Swift.abs(plus), Swift.abs(minus)) / h)
        }

        private mutating func loss(leaf: MatrixLeaf, direction: Direction, by h: Double) -> Double? {
            var probe = request
            probe.exercise = options.loss
            probe.updateBlock(leaf.block) { values in
                switch direction {
                case .coordinate(let k): values[k] += h
                case .signs(let signs): for k in values.indices { values[k] += h * signs[k] }
                }
            }
            let outcome = context.call(probe)
            if let failure = InstanceOutcome.failure(of: outcome) {
                lossFailure = failure
                return nil
            }
            guard case .success(let reply) = outcome, let value = try? reply.value(Double.self) else {
                lossFailure = InstanceOutcome(status: .error, message: "it did not return a number")
                return nil
            }
            guard value.isFinite else {
                lossFailure = InstanceOutcome(
                    status: .fail, message: "it returned \(value), so its finite differences say nothing; fix the loss first")
                return nil
            }
            return value
        }

        private func agrees(_ analytic: Double, _ estimate: Estimate, floor: Double) -> Bool {
            let scale = Swift.max(Swift.abs(analytic), Swift.abs(estimate.value), floor)
            return Swift.abs(analytic - estimate.value) <= estimate.roundOff + options.maxRelativeError * scale
        }

        /// Every coordinate, or `sample` of them: the largest third by |analytic| (a wrong large entry
        /// matters most) and random ones.
        private static func coordinates(count: Int, analytic: [Double], sample: Int, random: inout NumPyRandomState) -> [Int] {
            guard sample > 0, count > sample else { return Array(0..<count) }
            let largest = analytic.indices.sorted { Swift.abs(analytic[$0]) > Swift.abs(analytic[$1]) }.prefix(sample / 3)
            var chosen = Set(largest)
            while chosen.count < sample { chosen.insert(random.randint(high: count)) }
            return chosen.sorted()
        }

        private func format(_ value: Double) -> String { String(format: "%.6g", value) }
    }
}
