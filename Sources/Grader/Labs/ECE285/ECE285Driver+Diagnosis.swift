// ECE285Driver+Diagnosis: ECE 285 Assignment 1's batch layout, names for sizes and training histories,
// so diagnoses speak its notation and read its runs as it records them.
import LabKit

extension ECE285Driver {
    /// ECE 285: samples are the columns of `x` `(D, N)` and of the one-hot `d` `(C, N)`.
    func diagnosisHints(for request: OracleRequest) -> DiagnosisHints {
        guard let x = request.leaf("x") ?? request.leaf("d") ?? request.leaf("a") else { return DiagnosisHints() }
        return DiagnosisHints(samples: x.cols, sizes: [("N", x.cols), (request.leaf("x") != nil ? "D" : "C", x.rows)])
    }

    /// ECE 285 records the loss and error on the whole training set after each full-batch step
    /// (Question 18) or each epoch of minibatches (Question 20), at a fixed step size.
    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? {
        guard ["backpropShallow", "backpropMinibatchShallow"].contains(exercise) else { return nil }
        return TrajectoryDiagnosis.Convention(
            others: ["errorHistory"], recordedAfterUpdate: true, minibatches: exercise == "backpropMinibatchShallow", decays: false)
    }
}
