// LabDriver: what a lab contributes to grading — its reference and the instances each check runs on.
import LabKit

/// The lab-specific half of grading. Check kinds are generic; a driver supplies their inputs.
///
/// Every request a driver builds is sent both to the reference (in-process, trusted) and to the
/// submission's oracle; nothing in a request reveals an expected value.
protocol LabDriver: Sendable {
    /// The reference solution, wrapped in its lab's responder.
    var reference: any OracleResponder { get }

    /// The request for `check` on the lab's own published instance.
    func publishedRequest(for check: Check) throws -> OracleRequest

    /// A randomized hidden request for `check`, drawn from `random`.
    func randomRequest(for check: Check, random: inout NumPyRandomState) throws -> OracleRequest

    /// The `index`-th (from 1) numerically hostile hidden request for `check`: inputs where the
    /// lab's formula is expected to stay finite and an unstable one overflows.
    func hostileRequest(for check: Check, index: Int, random: inout NumPyRandomState) throws -> OracleRequest

    /// Where `student`'s training run on `request` parted from the reference's: the slip its
    /// algorithm replayed with the usual slips matches, or the step at which its histories part.
    /// Empty when the lab does not read its histories (their meaning, before or after each
    /// update, is the lab's).
    func explainTrajectory(
        _ request: OracleRequest, student: OracleReply, reference: OracleReply, tolerance: Check.ValueTolerance, withholdingExpected: Bool
    ) -> [Diagnosis]

    /// How the lab records the histories of a training exercise's run, or `nil` when the
    /// exercise returns none (or the lab does not read them).
    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention?

    /// The training task of a training check; `published` selects the lab's own configuration.
    func trainingTask(for check: Check, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask

    /// The number of samples in `request` and the lab's names for its sizes, for diagnoses.
    func diagnosisHints(for request: OracleRequest) -> DiagnosisHints

    /// The lab's own description of an instance a program trapped on, when it has one worth
    /// saying (`K = 0 hidden layers`), and what code that fails there typically assumes.
    func instanceSummary(for request: OracleRequest) -> (text: String, assumes: String)?

    /// Judges a property check on one instance, calling the submission through `call`; a call that
    /// gives no result becomes the outcome through ``InstanceOutcome/failure(of:)``.
    func verifyProperty(
        _ check: Check, published: Bool, random: inout NumPyRandomState, call: (OracleRequest) -> OracleCallOutcome
    ) throws -> InstanceOutcome
}

/// The reply to a call of the submission, or why there is none.
typealias OracleCallOutcome = Result<OracleReply, OracleFault>

/// A training run to send to the submission and how to judge what it returns.
struct TrainingTask {
    /// The training request (training data and labels, hyperparameters, generator).
    var request: OracleRequest
    /// Scores a returned training result on held-out data the submission never saw labelled:
    /// the metric's value, or a thrown ``DriverError`` when the result cannot be used.
    var evaluate: (OracleReply) throws -> Double
    /// The loss history in a returned training result, for the learning-curve plot.
    var curve: (OracleReply) -> [Double]?
}

/// A driver's complaint about a check or a returned value.
enum DriverError: Error, CustomStringConvertible {
    /// The driver has no instances for this check's exercise (a manifest/driver mismatch).
    case unsupported(check: String, reason: String)
    /// A returned value cannot be used (wrong shapes for evaluation, say).
    case unusableResult(String)

    var description: String {
        switch self {
        case .unsupported(let check, let reason): return "check \(check) is not supported by the lab's driver: \(reason)"
        case .unusableResult(let reason): return reason
        }
    }
}

extension LabDriver {
    func instanceSummary(for request: OracleRequest) -> (text: String, assumes: String)? { nil }

    /// The rows of the first of `X`, `x`, `inputs` as the number of samples (one sample per row).
    func diagnosisHints(for request: OracleRequest) -> DiagnosisHints {
        for name in ["X", "x", "inputs"] {
            if let tree = request.arguments[name], let leaf = MatrixLeaf.all(in: tree).first {
                return DiagnosisHints(samples: leaf.rows, sizes: [("N", leaf.rows)])
            }
        }
        return DiagnosisHints()
    }

    func trainingTask(for check: Check, published: Bool, random: inout NumPyRandomState) throws -> TrainingTask {
        throw DriverError.unsupported(check: check.id, reason: "no training task")
    }

    /// The histories read by the lab's convention for the exercise.
    func explainTrajectory(
        _ request: OracleRequest, student: OracleReply, reference: OracleReply, tolerance: Check.ValueTolerance, withholdingExpected: Bool
    ) -> [Diagnosis] {
        guard let convention = trajectoryConvention(for: request.exercise) else { return [] }
        return TrajectoryDiagnosis.diagnoses(
            student: student, reference: reference, tolerance: tolerance, withholdingExpected: withholdingExpected, convention: convention)
    }

    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? { nil }

    func hostileRequest(for check: Check, index: Int, random: inout NumPyRandomState) throws -> OracleRequest {
        throw DriverError.unsupported(check: check.id, reason: "no numerically hostile instances")
    }

    func verifyProperty(
        _ check: Check, published: Bool, random: inout NumPyRandomState, call: (OracleRequest) -> OracleCallOutcome
    ) throws -> InstanceOutcome {
        throw DriverError.unsupported(check: check.id, reason: "no property")
    }
}
