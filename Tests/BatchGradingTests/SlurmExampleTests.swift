// examples/slurm/labgrade-array.sbatch, run as Slurm would run a two-task array and its merge job.
import BatchGrading
import Foundation
import Grader
import XCTest

final class SlurmExampleTests: XCTestCase {
    private let script = BatchFixtures.root.appendingPathComponent("examples/slurm/labgrade-array.sbatch")

    func testATwoTaskArrayThenItsMergeJobGradeTheWholeClassIntoOneGradebookAndClassPage() throws {
        let scratch = try BatchFixtures.scratch(self)
        let submissions = try BatchFixtures.classFolder(in: scratch)
        let results = scratch.appendingPathComponent("results")
        // A stand-in for `sbatch` that records how the merge job was queued.
        let bin = scratch.appendingPathComponent("bin"), queued = scratch.appendingPathComponent("queued")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let sbatch = bin.appendingPathComponent("sbatch")
        try "#!/bin/sh\necho \"$@\" >> '\(queued.path)'\n".write(to: sbatch, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sbatch.path)

        let common = [
            "SUBMISSIONS": submissions.path, "ASSIGNMENT": BatchFixtures.assignmentID, "RESULTS": results.path,
            "LABGRADE": Toolchain.current.products.appendingPathComponent("labgrade").path,
            "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "SLURM_ARRAY_JOB_ID": "4242", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_CPUS_PER_TASK": "1",
        ]
        for task in ["1", "2"] {
            let run = try bash(script, environment: common.merging(["SLURM_ARRAY_TASK_ID": task]) { $1 })
            XCTAssertEqual(run.status, 0, "task \(task): \(run.output)")
        }
        let queuedLines = try String(contentsOf: queued, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(queuedLines.count, 1, "only the first task queues the merge")
        XCTAssertTrue(queuedLines[0].contains("--dependency=afterok:4242"), String(queuedLines[0]))

        let merge = try bash(script, environment: common.merging(["LABGRADE_STEP": "merge"]) { $1 })
        XCTAssertEqual(merge.status, 0, merge.output)
        let book = try Gradebook(existing: results.appendingPathComponent(Gradebook.defaultFileName), readOnly: true)
        let grades = try book.currentGrades(of: BatchFixtures.assignmentID)
        XCTAssertEqual(grades.mapValues(\.grading.score), ["alice": 100, "bob": 0, "carol": 100, "dave": 100])
        XCTAssertEqual(Set(grades.values.map(\.seed)), [4242], "every shard graded with the array's seed")
        let csv = try String(contentsOf: results.appendingPathComponent("grades.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(whereSeparator: \.isNewline).count, 5, "a header and four students: \(csv)")
        let page = try String(contentsOf: results.appendingPathComponent("reports/class.html"), encoding: .utf8)
        for student in ["alice", "bob", "carol", "dave"] {
            XCTAssertTrue(page.contains("href=\"\(student)/report.html\""), "the merged class page links \(student)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: results.appendingPathComponent("reports/\(student)/report.html").path))
        }
    }

    private func bash(_ script: URL, environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        process.environment = environment
        process.currentDirectoryURL = BatchFixtures.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
