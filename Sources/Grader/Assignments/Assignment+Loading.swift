// Reading and validating assignment.json: schema first, then the cross-references between fields.
import Foundation
import LabKit

extension Assignment {
    /// Reads and validates the manifest at `file`, throwing a ``ManifestError`` that names the field.
    public static func load(from file: URL) throws -> Assignment {
        let name = file.path
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ManifestError.unreadable(file: name, reason: error.localizedDescription)
        }
        return try decode(data, file: name)
    }

    /// Validates and decodes manifest bytes; `file` names them in errors.
    public static func decode(_ data: Data, file: String) throws -> Assignment {
        let tree: JSONTree
        do {
            tree = try JSONDecoder().decode(JSONTree.self, from: data)
        } catch {
            throw ManifestError.invalidJSON(file: file, reason: "\(error)")
        }
        try schema.validate(tree, path: "", file: file)
        let assignment: Assignment
        do {
            assignment = try JSONDecoder().decode(Assignment.self, from: data)
        } catch {
            throw ManifestError.invalidJSON(file: file, reason: "\(error)")
        }
        try assignment.validateReferences(file: file)
        return assignment
    }

    private func validateReferences(file: String) throws {
        var exerciseIDs = Set<String>()
        for (index, exercise) in exercises.enumerated() where !exerciseIDs.insert(exercise.id).inserted {
            throw ManifestError.invalidValue(path: "exercises[\(index)].id", file: file, reason: "\"\(exercise.id)\" appears twice")
        }
        for (index, exercise) in exercises.enumerated() {
            for (position, used) in (exercise.uses ?? []).enumerated() where used == exercise.id || !exerciseIDs.contains(used) {
                throw ManifestError.invalidValue(
                    path: "exercises[\(index)].uses[\(position)]", file: file,
                    reason: used == exercise.id
                        ? "an exercise cannot build on itself" : "no exercise \"\(used)\"" + ManifestSchema.didYouMean(used, among: Array(exerciseIDs)))
            }
        }
        var checkIDs = Set<String>()
        for (index, check) in checks.enumerated() {
            let path = "checks[\(index)]"
            guard checkIDs.insert(check.id).inserted else {
                throw ManifestError.invalidValue(path: "\(path).id", file: file, reason: "\"\(check.id)\" appears twice")
            }
            guard exerciseIDs.contains(check.exercise) else {
                throw ManifestError.invalidValue(
                    path: "\(path).exercise", file: file,
                    reason: "no exercise \"\(check.exercise)\"" + ManifestSchema.didYouMean(check.exercise, among: Array(exerciseIDs)))
            }
            guard !check.instances.labels.isEmpty else {
                throw ManifestError.invalidValue(path: "\(path).instances", file: file, reason: "a check needs at least one instance")
            }
            try requireSection(for: check, at: path, file: file)
            if let gradient = check.gradient, !exerciseIDs.contains(gradient.loss) {
                throw ManifestError.invalidValue(
                    path: "\(path).gradient.loss", file: file, reason: "no exercise \"\(gradient.loss)\"")
            }
        }
        let kinds = Dictionary(checks.map { ($0.id, $0.kind) }) { first, _ in first }
        for (index, check) in checks.enumerated() {
            for (position, id) in (check.gradient?.referenceGradedBy ?? []).enumerated() where kinds[id] != .value {
                throw ManifestError.invalidValue(
                    path: "checks[\(index)].gradient.referenceGradedBy[\(position)]", file: file,
                    reason: kinds[id] == nil
                        ? "no check \"\(id)\"" + ManifestSchema.didYouMean(id, among: Array(kinds.keys))
                        : "\"\(id)\" is a \(kinds[id]!.rawValue) check; only a value check grades a gradient against the reference")
            }
        }
    }

    private func requireSection(for check: Check, at path: String, file: String) throws {
        let needed: (String, Bool)? =
            switch check.kind {
            case .value, .property: ("tolerance", check.tolerance != nil)
            case .gradient: ("gradient", check.gradient != nil)
            case .training: ("training", check.training != nil)
            }
        if let (section, present) = needed, !present {
            throw ManifestError.missingField(
                path: "\(path).\(section)", file: file, expected: "a \(section) section for a \(check.kind.rawValue) check")
        }
    }


    /// The manifest's schema: every field, its type and whether it is required.
    static let schema: ManifestSchema = {
        typealias F = ManifestSchema.Field
        let tolerance = ManifestSchema.object([
            F(name: "relative", schema: .number(minimum: 0), required: true),
            F(name: "absolute", schema: .number(minimum: 0), required: true),
        ])
        let gradient = ManifestSchema.object([
            F(name: "loss", schema: .string(), required: true),
            F(name: "parameters", schema: .string(), required: true),
            F(name: "step", schema: .number(minimum: 0, maximum: 1), required: true),
            F(name: "maxRelativeError", schema: .number(minimum: 0, maximum: 1), required: true),
            F(name: "coordinates", schema: .integer(minimum: 0, maximum: 10_000), required: true),
            F(name: "directions", schema: .integer(minimum: 0, maximum: 10_000), required: true),
            F(name: "referenceGradedBy", schema: .array(.string()), required: false),
        ])
        let training = ManifestSchema.object([
            F(name: "dataset", schema: .string(), required: true),
            F(name: "trainSamples", schema: .integer(minimum: 1, maximum: 1_000_000), required: true),
            F(name: "evaluationSamples", schema: .integer(minimum: 0, maximum: 1_000_000), required: true),
            F(name: "metric", schema: .string(allowed: ["accuracy", "loss"]), required: true),
            F(name: "threshold", schema: .number(), required: true),
            F(name: "timeFactor", schema: .number(minimum: 1, maximum: 1_000), required: true),
            F(name: "minimumSeconds", schema: .number(minimum: 0, maximum: 3_600), required: true),
            F(name: "referenceAllowance", schema: .number(minimum: 1, maximum: 1_000), required: false),
        ])
        let check = ManifestSchema.object([
            F(name: "id", schema: .string(), required: true),
            F(name: "title", schema: .string(), required: true),
            F(name: "exercise", schema: .string(), required: true),
            F(name: "kind", schema: .string(allowed: Check.Kind.allCases.map(\.rawValue)), required: true),
            F(name: "points", schema: .number(minimum: 0, maximum: 1_000), required: true),
            F(name: "visibility", schema: .string(allowed: Check.Visibility.allCases.map(\.rawValue)), required: true),
            F(name: "timeLimitSeconds", schema: .number(minimum: 0.01, maximum: 600), required: true),
            F(name: "instances", schema: .object([
                F(name: "published", schema: .bool, required: true),
                F(name: "randomized", schema: .integer(minimum: 0, maximum: 100), required: true),
                F(name: "hostile", schema: .integer(minimum: 0, maximum: 20), required: false),
            ]), required: true),
            F(name: "tolerance", schema: tolerance, required: false),
            F(name: "gradient", schema: gradient, required: false),
            F(name: "training", schema: training, required: false),
        ])
        return .object([
            F(name: "id", schema: .string(), required: true),
            F(name: "title", schema: .string(), required: true),
            F(name: "lab", schema: .string(), required: false),
            F(name: "protocol", schema: .string(), required: true),
            F(name: "entryType", schema: .string(), required: true),
            F(name: "responder", schema: .string(), required: true),
            F(name: "exercises", schema: .array(.object([
                F(name: "id", schema: .string(), required: true),
                F(name: "file", schema: .string(), required: true),
                F(name: "title", schema: .string(), required: true),
                F(name: "uses", schema: .array(.string()), required: false),
            ])), required: true),
            F(name: "limits", schema: .object([
                F(name: "submissionSeconds", schema: .number(minimum: 1, maximum: 7_200), required: true),
                F(name: "memoryMegabytes", schema: .integer(minimum: 256, maximum: 65_536), required: true),
                F(name: "diskMegabytes", schema: .integer(minimum: 1, maximum: 16_384), required: false),
                F(name: "files", schema: .integer(minimum: 16, maximum: 1_000_000), required: false),
                F(name: "compileSeconds", schema: .number(minimum: 1, maximum: 1_800), required: false),
            ]), required: true),
            F(name: "checks", schema: .array(check), required: true),
        ])
    }()
}
