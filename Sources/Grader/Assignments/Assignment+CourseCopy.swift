// Assignment+CourseCopy: a course's own copy of an assignment, checked against the lab it grades.
import Foundation

extension Assignment {
    /// Refuses what a copy of `lab`'s assignment cannot change: the protocol, entry type and
    /// responder, an exercise or check the lab's driver does not have, a check's kind, exercise,
    /// gradient or training set-up, and hostile instances where the lab makes none. Points,
    /// visibility, titles, time limits, tolerances, thresholds, instance counts and limits are the
    /// course's (the schema keeps them in range). Throws a ``ManifestError`` naming the JSON path.
    public func validate(against lab: Assignment, file: String) throws {
        let about = "lab \"\(lab.id)\""
        for (field, mine, theirs) in [("protocol", `protocol`, lab.protocol), ("entryType", entryType, lab.entryType), ("responder", responder, lab.responder)]
        where mine != theirs {
            throw ManifestError.invalidValue(
                path: field, file: file, reason: "\"\(mine)\" is not the \(field) of \(about), \"\(theirs)\"; a copy grades the lab as it is")
        }
        for (index, exercise) in exercises.enumerated() {
            guard let original = lab.exercise(exercise.id) else {
                throw ManifestError.invalidValue(
                    path: "exercises[\(index)].id", file: file,
                    reason: "\(about) has no exercise \"\(exercise.id)\" (its exercises: \(lab.exercises.map(\.id).joined(separator: ", ")))"
                        + ManifestSchema.didYouMean(exercise.id, among: lab.exercises.map(\.id)))
            }
            if exercise.file != original.file {
                throw ManifestError.invalidValue(
                    path: "exercises[\(index)].file", file: file,
                    reason: "\"\(exercise.file)\" is not the starter file of \(exercise.id) in \(about), \"\(original.file)\"")
            }
        }
        let labChecks = Dictionary(lab.checks.map { ($0.id, $0) }) { first, _ in first }
        for (index, check) in checks.enumerated() {
            let path = "checks[\(index)]"
            guard let original = labChecks[check.id] else {
                throw ManifestError.invalidValue(
                    path: "\(path).id", file: file,
                    reason: "the driver of \(about) has no check \"\(check.id)\"" + ManifestSchema.didYouMean(check.id, among: lab.checks.map(\.id)))
            }
            try same(check.kind, original.kind, "\(path).kind", check.id, about, file)
            try same(check.exercise, original.exercise, "\(path).exercise", check.id, about, file)
            try same(check.gradient?.loss, original.gradient?.loss, "\(path).gradient.loss", check.id, about, file)
            try same(check.gradient?.parameters, original.gradient?.parameters, "\(path).gradient.parameters", check.id, about, file)
            try same(check.training?.dataset, original.training?.dataset, "\(path).training.dataset", check.id, about, file)
            try same(check.training?.metric, original.training?.metric, "\(path).training.metric", check.id, about, file)
            if (check.instances.hostile ?? 0) > 0 && (original.instances.hostile ?? 0) == 0 {
                throw ManifestError.invalidValue(
                    path: "\(path).instances.hostile", file: file,
                    reason: "the driver of \(about) makes no numerically hostile instances for \"\(check.id)\"")
            }
        }
    }

    private func same<Value: Equatable>(
        _ mine: Value?, _ theirs: Value?, _ path: String, _ check: String, _ about: String, _ file: String
    ) throws {
        guard mine != theirs else { return }
        let shown = { (value: Value?) in value.map { "\"\($0)\"" } ?? "none" }
        throw ManifestError.invalidValue(
            path: path, file: file, reason: "\(shown(mine)) where \(about) has \(shown(theirs)) for \"\(check)\"; a copy cannot change it")
    }

}
