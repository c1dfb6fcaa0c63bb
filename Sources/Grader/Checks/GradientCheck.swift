// GradientCheck: the student's analytic gradient against central differences of their own loss and,
// unless value checks already grade it (`referenceGradedBy`), against the reference gradient.
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
        // The checks that grade this gradient against the reference; none means this one does.
        let gradedBy = options.referenceGradedBy ?? []
        var noted = false
        for instance in try context.instances() {
            let (label, request, expected) = (instance.label, instance.request, instance.expected)
            let reply: OracleReply
            switch context.answer(request) {
            case .success(let answer): reply = answer
            case .failure(let failure):
                instances.append((label, failure))
                return CheckResult(check: context.check, instances: instances, seconds: start.secondsSince, measurements: measurements)
            }
            let hints = context.driver.diagnosisHints(for: request)
            let versusReference = ResultComparison.compare(
                student: reply, reference: expected, tolerance: referenceTolerance, hints: hints, withholdingExpected: context.withholdsExpected)
            var probe = Prober(context: context, request: request, reply: reply, options: options)
            let numerical = probe.run()
            context.random = probe.random
            for (name, value) in probe.figures { measurements["\(label): \(name)"] = value }
            if let fault = numerical.fault {
                instances.append((label, fault))
                break
            }
            var parts = [numerical.message].compactMap { $0 }
            if !versusReference.passed {
                if gradedBy.isEmpty {
                    parts.append("Compared with the reference gradient: \(versusReference.message)")
                } else if !noted {
                    // Said once: the value checks named carry the points for it.
                    parts.append(
                        "Not graded here (\(gradedBy.joined(separator: ", ")) grade\(gradedBy.count == 1 ? "s" : "") it): "
                            + "your gradient also differs from the reference's. \(versusReference.message)")
                    noted = true
                }
            }
            let passed = numerical.message == nil && (versusReference.passed || !gradedBy.isEmpty)
            var outcome = InstanceOutcome(
                status: passed ? .pass : .fail, message: parts.joined(separator: "\n"),
                diagnoses: gradedBy.isEmpty ? numerical.diagnoses.adding(versusReference.diagnoses) : numerical.diagnoses)
            outcome.margins = [numerical.margin] + (gradedBy.isEmpty ? versusReference.margin.map { [$0] } ?? [] : [])
            instances.append((label, outcome))
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
            var diagnoses: [Diagnosis] = []
            var fault: InstanceOutcome?
            /// The largest probe error as a share of what the probe allows (above 1 fails).
            var share = 0.0

            /// How close the worst probe came: a confirmed failure always uses more than all.
            var margin: CheckResult.Margin {
                CheckResult.Margin(
                    kind: .error, name: "finite differences",
                    value: message == nil ? Swift.min(share, 1) : Swift.max(share, 1.0.nextUp), limit: 1)
            }
        }

        /// One parameter matrix and the probes drawn for it.
        private struct Plan {
            var leaf: MatrixLeaf
            var theta: [Double]
            var analytic: [Double]
            /// Probed entries and their steps.
            var coordinates: [(k: Int, h: Double)]
            /// Random ±1 directions.
            var directions: [[Double]]
        }

        mutating func run() -> Finding {
            guard let parameterTree = request.arguments[options.parameters], let gradientTree = reply.result else {
                return Finding(message: "the gradient has no parameters to check")
            }
            let gradients = Dictionary(MatrixLeaf.all(in: gradientTree).map { ($0.path, $0) }) { first, _ in first }
            var messages = [String](), plans = [Plan]()
            for leaf in MatrixLeaf.all(in: parameterTree) {
                guard let gradient = gradients[leaf.path], gradient.rows == leaf.rows, gradient.cols == leaf.cols else {
                    messages.append("d\(leaf.path) is missing or has the wrong shape (expected (\(leaf.rows), \(leaf.cols)))")
                    continue
                }
                let theta = request.blocks[leaf.block], analytic = reply.blocks[gradient.block]
                let coordinates = Self.coordinates(count: theta.count, analytic: analytic, sample: options.coordinates, random: &random)
                    .map { (k: $0, h: options.step * Swift.max(1, Swift.abs(theta[$0]))) }
                let directions = (0..<options.directions).map { _ in
                    (0..<theta.count).map { _ in random.randomSample() < 0.5 ? -1.0 : 1.0 }
                }
                plans.append(Plan(leaf: leaf, theta: theta, analytic: analytic, coordinates: coordinates, directions: directions))
            }
            // Every probe of every matrix in one batch, then the confirmations at 10h in another.
            var batch = request
            batch.exercise = options.loss
            var probes = [OracleProbe]()
            for plan in plans {
                for (k, h) in plan.coordinates {
                    probes += [.coordinate(k, of: plan.leaf.block, by: h), .coordinate(k, of: plan.leaf.block, by: -h)]
                }
                for signs in plan.directions {
                    let direction = batch.appendBlock(signs)
                    probes += [.direction(direction, of: plan.leaf.block, by: options.step), .direction(direction, of: plan.leaf.block, by: -options.step)]
                }
            }
            guard let values = losses(probes, of: batch) else { return fault() }
            var estimates = stride(from: 0, to: values.count, by: 2)
                .map { Estimate(plus: values[$0], minus: values[$0 + 1], h: probes[$0].step) }.makeIterator()
            var suspects = [(plan: Int, k: Int, h: Double)]()
            var firstPass = [[Estimate]]()
            for (index, plan) in plans.enumerated() {
                var found = [Estimate]()
                for (k, h) in plan.coordinates {
                    let estimate = estimates.next()!
                    found.append(estimate)
                    if !agrees(plan.analytic[k], estimate, floor: 0) { suspects.append((index, k, h)) }
                }
                firstPass.append(found + plan.directions.map { _ in estimates.next()! })
            }
            let confirmations = suspects.flatMap { suspect -> [OracleProbe] in
                let block = plans[suspect.plan].leaf.block
                return [.coordinate(suspect.k, of: block, by: 10 * suspect.h), .coordinate(suspect.k, of: block, by: -10 * suspect.h)]
            }
            guard let confirmed = losses(confirmations, of: batch) else { return fault() }
            var confirmedBad = Set<[Int]>()
            // Each coordinate's share of its allowance, at 10h where it was confirmed.
            var confirmedShare = [[Int]: Double]()
            for (index, suspect) in suspects.enumerated() {
                let estimate = Estimate(plus: confirmed[2 * index], minus: confirmed[2 * index + 1], h: confirmations[2 * index].step)
                let analytic = plans[suspect.plan].analytic[suspect.k]
                confirmedShare[[suspect.plan, suspect.k]] = share(analytic, estimate, floor: 0)
                if !agrees(analytic, estimate, floor: 0) { confirmedBad.insert([suspect.plan, suspect.k]) }
            }
            var worstShare = 0.0
            var diagnoses = [Diagnosis]()
            for (index, plan) in plans.enumerated() {
                let analytic = plan.analytic
                var bad = [(entry: String, yours: Double, numerical: Double)](), worst = 0.0
                for ((k, _), estimate) in zip(plan.coordinates, firstPass[index]) {
                    worst = Swift.max(worst, Swift.abs(analytic[k] - estimate.value) / Swift.max(1e-8, Swift.abs(analytic[k]) + Swift.abs(estimate.value)))
                    worstShare = Swift.max(worstShare, confirmedShare[[index, k]] ?? share(analytic[k], estimate, floor: 0))
                    if confirmedBad.contains([index, k]) { bad.append((plan.leaf.entry(k), analytic[k], estimate.value)) }
                }
                figures["max relative error d\(plan.leaf.path)"] = worst
                let norm = analytic.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let directionShares = zip(plan.directions, firstPass[index].suffix(plan.directions.count)).map { signs, estimate in
                    share(zip(analytic, signs).reduce(0) { $0 + $1.0 * $1.1 }, estimate, floor: norm)
                }
                worstShare = directionShares.reduce(worstShare, Swift.max)
                let directionFailures = directionShares.filter { !($0 <= 1) }.count
                guard !bad.isEmpty || directionFailures > 0 else { continue }
                let probeCount = plan.coordinates.count + plan.directions.count
                let shown = bad.prefix(3).map { "\($0.entry): yours \(format($0.yours)), numerical \(format($0.numerical))" }
                var text = "d\(plan.leaf.path) disagrees with the numerical gradient of your loss in \(bad.count + directionFailures) of \(probeCount) probes"
                if !shown.isEmpty { text += "; " + shown.joined(separator: "; ") }
                if bad.isEmpty { text += " (sampled entries agree but random directions do not: a few entries are wrong)" }
                messages.append(text)
                let sampled = zip(plan.coordinates, firstPass[index])
                let hint = GradientDiagnosis.hint(
                    parameter: plan.leaf.path, analytic: sampled.map { analytic[$0.0.k] }, numerical: sampled.map(\.1.value),
                    theta: sampled.map { plan.theta[$0.0.k] }, reg: try? request.argument("reg", as: Double.self),
                    batchSize: context.driver.diagnosisHints(for: request).samples)
                if let hint { diagnoses = diagnoses.adding([hint]) }
            }
            return Finding(message: messages.isEmpty ? nil : messages.joined(separator: "\n"), diagnoses: diagnoses, share: worstShare)
        }

        private func fault() -> Finding {
            let cause = lossFailure ?? InstanceOutcome(status: .error, message: "no usable value")
            let message = "your loss (\(options.loss)) gave no usable value for the finite differences: \(cause.message)"
            return Finding(fault: InstanceOutcome(
                status: cause.status == .notImplemented ? .notImplemented : cause.status, message: message, diagnoses: cause.diagnoses))
        }

        /// A central difference and the round-off its two losses carry.
        struct Estimate {
            var value: Double
            var roundOff: Double

            init(plus: Double, minus: Double, h: Double) {
                value = (plus - minus) / (2 * h)
                roundOff = 16 * Double.ulpOfOne * Swift.max(Swift.abs(plus), Swift.abs(minus)) / h
            }
        }

        /// Probes per round trip: each batch gets the check's whole time limit.
        private static let probesPerBatch = 256

        /// The student's loss at every probe of `batch`, or `nil` (with `lossFailure` set) when it
        /// cannot be evaluated.
        private mutating func losses(_ probes: [OracleProbe], of batch: OracleRequest) -> [Double]? {
            var values = [Double]()
            for start in stride(from: 0, to: probes.count, by: Self.probesPerBatch) {
                var part = batch
                part.probes = Array(probes[start..<Swift.min(probes.count, start + Self.probesPerBatch)])
                let outcome = context.call(part)
                if let failure = InstanceOutcome.failure(of: outcome) {
                    lossFailure = failure
                    return nil
                }
                guard case .success(let reply) = outcome, let row = try? reply.value(Matrix.self), row.count == part.probes.count else {
                    lossFailure = InstanceOutcome(status: .error, message: "it did not return a number for every probe")
                    return nil
                }
                if let bad = row.elements.first(where: { !$0.isFinite }) {
                    lossFailure = InstanceOutcome(
                        status: .fail, message: "it returned \(bad), so its finite differences say nothing; fix the loss first",
                        diagnosis: Diagnosis(
                            .nonFinite, "Your loss is \(bad) near these parameters: consistent with exp overflowing on large "
                                + "scores (subtract the maximum first) or a log of 0."))
                    return nil
                }
                values += row.elements
            }
            return values
        }

        private func agrees(_ analytic: Double, _ estimate: Estimate, floor: Double) -> Bool {
            share(analytic, estimate, floor: floor) <= 1
        }

        /// `|a − n|` as a share of what the probe allows, `roundOff + tol·max(|a|, |n|, floor)`;
        /// NaN counts as infinitely far.
        private func share(_ analytic: Double, _ estimate: Estimate, floor: Double) -> Double {
            let scale = Swift.max(Swift.abs(analytic), Swift.abs(estimate.value), floor)
            let error = Swift.abs(analytic - estimate.value), allowed = estimate.roundOff + options.maxRelativeError * scale
            guard !error.isNaN else { return .infinity }
            return allowed > 0 ? error / allowed : (error == 0 ? 0 : .infinity)
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
