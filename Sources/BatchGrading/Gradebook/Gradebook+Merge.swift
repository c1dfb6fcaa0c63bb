// Gradebook+Merge: folds shard gradebooks into one, keeping every grading once.
import GRDB

extension Gradebook {
    /// What a merge added.
    public struct MergeReport: Sendable, Equatable {
        /// Batches added.
        public var batches: Int
        /// Gradings added.
        public var gradings: Int
        /// Gradings already in this gradebook (the same shard merged twice), left out.
        public var duplicates: Int
    }

    /// Everything one gradebook holds, read in one go for a merge.
    private struct Contents {
        var batches: [BatchRecord]
        var students: [StudentRecord]
        var gradings: [GradingRecord]
        var checks: [Int64: [CheckResultRecord]]
        var diagnoses: [Int64: [CheckDiagnosisRecord]]
    }

    /// Merges `inputs` into this gradebook in one transaction.
    ///
    /// Every grading is kept once (by its `uid`), so a student graded in two inputs keeps both in
    /// the history and the later one is current. Unless `force`, throws
    /// ``GradebookError/mismatched(_:)`` when the gradebooks (this one included, if it has
    /// batches) differ in their assignments or in the seed of an assignment's latest batch:
    /// gradings at different seeds were not graded on the same hidden instances.
    @discardableResult
    public func merge(_ inputs: [Gradebook], force: Bool = false) throws -> MergeReport {
        if !force { try checkCompatible(inputs) }
        let contents = try inputs.map { try $0.contents() }
        return try database.write { db in
            var report = MergeReport(batches: 0, gradings: 0, duplicates: 0)
            var batchIDs = [String: Int64]()  // input batch (file, id) → id here
            for (input, content) in contents.enumerated() {
                for var batch in content.batches {
                    let key = "\(input):\(batch.id!)"
                    if let existing = try BatchRecord.filter(Column("uid") == batch.uid).fetchOne(db) {
                        batchIDs[key] = existing.id
                        continue
                    }
                    batch.id = nil
                    try batch.insert(db)
                    batchIDs[key] = batch.id
                    report.batches += 1
                }
                for student in content.students { try Self.mergeStudent(student, into: db) }
            }
            let gradings = contents.enumerated().flatMap { input, content in content.gradings.map { (input, $0) } }
                .sorted { ($0.1.gradedAt, $0.0) < ($1.1.gradedAt, $1.0) }
            for (input, original) in gradings {
                if try GradingRecord.filter(Column("uid") == original.uid).fetchCount(db) > 0 {
                    report.duplicates += 1
                    continue
                }
                var grading = original
                grading.id = nil
                grading.batchId = batchIDs["\(input):\(original.batchId)"]!
                try grading.insert(db)
                for var check in contents[input].checks[original.id!] ?? [] {
                    check.gradingId = grading.id!
                    try check.insert(db)
                }
                for var diagnosis in contents[input].diagnoses[original.id!] ?? [] {
                    diagnosis.gradingId = grading.id!
                    try diagnosis.insert(db)
                }
                report.gradings += 1
            }
            return report
        }
    }

    /// Throws unless every gradebook with batches has the same assignments, each with the same
    /// seed in its latest batch.
    private func checkCompatible(_ inputs: [Gradebook]) throws {
        var signatures = [(file: String, seeds: [String: UInt32])]()
        for gradebook in [self] + inputs {
            var seeds = [String: UInt32]()
            for assignment in try gradebook.assignments() {
                seeds[assignment] = try gradebook.latestBatch(of: assignment)?.gradingSeed
            }
            if !seeds.isEmpty { signatures.append((gradebook.file.path, seeds)) }
        }
        guard let first = signatures.first, signatures.contains(where: { $0.seeds != first.seeds }) else { return }
        throw GradebookError.mismatched(signatures.map { signature in
            let parts = signature.seeds.keys.sorted().map { "\($0) (seed \(signature.seeds[$0]!))" }
            return "\(signature.file): \(parts.joined(separator: ", "))"
        })
    }

    /// Adds `student`, or fills in what this gradebook does not know about them yet.
    private static func mergeStudent(_ student: StudentRecord, into db: Database) throws {
        guard var known = try StudentRecord.fetchOne(db, key: student.id) else {
            try student.insert(db)
            return
        }
        known.name = known.name ?? student.name
        known.email = known.email ?? student.email
        known.rosterPosition = known.rosterPosition ?? student.rosterPosition
        try known.update(db)
    }

    private func contents() throws -> Contents {
        try database.read { db in
            Contents(
                batches: try BatchRecord.fetchAll(db, sql: "SELECT * FROM batch ORDER BY id"),
                students: try StudentRecord.fetchAll(db),
                gradings: try GradingRecord.fetchAll(db, sql: "SELECT * FROM grading ORDER BY gradedAt, id"),
                checks: Dictionary(grouping: try CheckResultRecord.fetchAll(db), by: \.gradingId),
                diagnoses: Dictionary(grouping: try CheckDiagnosisRecord.fetchAll(db), by: \.gradingId))
        }
    }
}
