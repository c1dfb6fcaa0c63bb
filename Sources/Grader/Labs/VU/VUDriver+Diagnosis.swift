// VUDriver+Diagnosis: how VU Deep Learning Assignment 1's training loops record their histories, read
// where a step-by-step check's run parts from the reference's.
import LabKit

extension VUDriver {
    /// VU records each step's loss before its update, per instance or minibatch, with per-epoch
    /// means and validation figures beside it; the learning rate is fixed.
    func trajectoryConvention(for exercise: String) -> TrajectoryDiagnosis.Convention? {
        guard ["trainScalar", "sgdEpoch", "train"].contains(exercise) else { return nil }
        return TrajectoryDiagnosis.Convention(others: ["epochLosses", "validationLosses", "validationAccuracies"], minibatches: true, decays: false)
    }
}
