// SubmissionSet and Shard: which entries of a folder are submissions, and how shards split a class.
import BatchGrading
import XCTest

final class SubmissionSetTests: XCTestCase {
    func testFoldersZipsAndTarballsAreSubmissionsNamedWithoutExtension() throws {
        let folder = try BatchFixtures.scratch(self)
        for name in ["alice/src", "bob/Sources/Submission", "empty", "__notes"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for name in ["alice/src/A.swift", "bob/Sources/Submission/B.swift", "carol.zip", "dave.tar.gz", "erin.TGZ", "notes.txt", ".DS_Store",
                     Gradebook.defaultFileName, Gradebook.defaultFileName + "-journal"]
        {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        let set = try SubmissionSet.scan(folder)
        XCTAssertEqual(set.entries.map(\.student), ["alice", "bob", "carol", "dave", "erin"])
        XCTAssertEqual(set.entries.map(\.url.lastPathComponent), ["alice", "bob", "carol.zip", "dave.tar.gz", "erin.TGZ"])
        XCTAssertEqual(set.skipped, [
            "__notes: a folder without any .swift file", "empty: a folder without any .swift file", "notes.txt: not a folder, .zip or .tar.gz",
        ])
    }

    func testTwoEntriesOfOneStudentAreAnErrorNamingBoth() throws {
        let folder = try BatchFixtures.scratch(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alice"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("alice/A.swift"))
        try Data().write(to: folder.appendingPathComponent("alice.zip"))
        XCTAssertThrowsError(try SubmissionSet.scan(folder)) { error in
            XCTAssertEqual(error as? BatchError, .duplicateStudent("alice", first: "alice", second: "alice.zip", folder: folder.path))
        }
    }

    func testAMissingFolderIsAnError() {
        XCTAssertThrowsError(try SubmissionSet.scan(URL(fileURLWithPath: "/no/such/folder"))) { error in
            XCTAssertEqual(error as? BatchError, .notAFolder("/no/such/folder"))
        }
    }

    func testShardsTakeEveryNthPositionAndTogetherCoverEveryoneOnce() throws {
        let students = (1...10).map { "s\($0)" }.sorted()
        let parts = try (1...3).map { try Shard(parsing: "\($0)/3").part(of: students) }
        XCTAssertEqual(parts[0], [students[0], students[3], students[6], students[9]])
        XCTAssertEqual(parts.flatMap { $0 }.sorted(), students)
        XCTAssertEqual(parts.map(\.count), [4, 3, 3])
    }

    func testShardTextOutsideOneToNIsRejected() {
        for text in ["0/3", "4/3", "1/0", "2", "a/b", "1/2/3", "-1/2"] {
            XCTAssertThrowsError(try Shard(parsing: text), text) { error in
                XCTAssertEqual(error as? BatchError, .badShard(text))
            }
        }
        XCTAssertEqual(try Shard(parsing: "2/4"), Shard(index: 2, count: 4))
    }
}
