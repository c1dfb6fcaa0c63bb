// The oracle cache: a hit gives back the very program compiled, a key that differs in any byte
// misses, a damaged entry is rebuilt rather than run, and the least recently used go first.
import Foundation
import XCTest

@testable import Grader

final class OracleCacheTests: XCTestCase {
    private func key(_ text: String, flags: [String] = ["-O"]) -> Data {
        OracleCache.key(files: [("Q1.swift", Data(text.utf8))], arguments: flags, compiler: "Swift version 6.3.1")
    }

    private func program(_ bytes: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("oracle-\(UUID().uuidString.prefix(6))")
        try Data(bytes.utf8).write(to: file)
        return file
    }

    func testAHitGivesBackTheProgramAndAFailedCompileItsDiagnostics() throws {
        let scratch = try GraderFixtures.scratch(self)
        let cache = OracleCache(folder: scratch.appendingPathComponent("cache"), capacity: 1 << 20)
        cache.store(key("a"), outcome: .program(try program("binary A", in: scratch)))
        cache.store(key("broken"), outcome: .failed(diagnostics: "Q1.swift:1:1: error: nope"))
        let target = scratch.appendingPathComponent("out")
        XCTAssertEqual(cache.lookup(key("a"), program: target), .program(target))
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "binary A")
        XCTAssertEqual(cache.lookup(key("broken"), program: target), .failed(diagnostics: "Q1.swift:1:1: error: nope"))
        XCTAssertNil(cache.lookup(key("b"), program: target), "other source")
        XCTAssertNil(cache.lookup(key("a", flags: ["-Onone"]), program: target), "other flags")
        let mode = try FileManager.default.attributesOfItem(atPath: cache.folder.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o700, "other users cannot read other students' programs")
    }

    func testAnEntryWhoseStoredKeyDiffersIsAMissNotAnotherStudentsProgram() throws {
        let scratch = try GraderFixtures.scratch(self)
        let cache = OracleCache(folder: scratch.appendingPathComponent("cache"), capacity: 1 << 20)
        cache.store(key("a"), outcome: .program(try program("binary A", in: scratch)))
        // As if another key hashed to the same entry: the entry keeps the key it was made for.
        let entry = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).first { !$0.hasPrefix(".") })
        try key("someone else").write(to: cache.folder.appendingPathComponent(entry).appendingPathComponent("key"))
        XCTAssertNil(cache.lookup(key("a"), program: scratch.appendingPathComponent("out")))
    }

    func testATruncatedOrDamagedProgramIsRebuiltNotRun() throws {
        let scratch = try GraderFixtures.scratch(self)
        let cache = OracleCache(folder: scratch.appendingPathComponent("cache"), capacity: 1 << 20)
        for damage in ["truncate", "flip"] {
            cache.store(key(damage), outcome: .program(try program("a program of some length", in: scratch)))
            let entry = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).first { name in
                !name.hasPrefix(".") && (try? Data(contentsOf: cache.folder.appendingPathComponent(name).appendingPathComponent("key"))) == key(damage)
            })
            let binary = cache.folder.appendingPathComponent(entry).appendingPathComponent("oracle")
            var bytes = try Data(contentsOf: binary)
            if damage == "truncate" { bytes.removeLast(5) } else { bytes[3] ^= 0x20 }
            try bytes.write(to: binary)
            let target = scratch.appendingPathComponent("out-\(damage)")
            XCTAssertNil(cache.lookup(key(damage), program: target), damage)
            XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "\(damage): nothing handed out")
            XCTAssertFalse(FileManager.default.fileExists(atPath: binary.path), "\(damage): the entry is removed")
        }
    }

    func testTheLeastRecentlyUsedEntriesGoFirstWhenTheCacheIsFull() throws {
        let scratch = try GraderFixtures.scratch(self)
        let cache = OracleCache(folder: scratch.appendingPathComponent("cache"), capacity: 3_600)  // three entries of about 1.1 kB
        let kilobyte = String(repeating: "x", count: 1_000)
        for name in ["a", "b", "c"] {
            cache.store(key(name), outcome: .program(try program(kilobyte, in: scratch)))
            usleep(20_000)
        }
        XCTAssertNotNil(cache.lookup(key("a"), program: scratch.appendingPathComponent("use-a")))  // a is used again
        usleep(20_000)
        cache.store(key("d"), outcome: .program(try program(kilobyte, in: scratch)))
        let kept = ["a", "b", "c", "d"].filter { cache.lookup(key($0), program: scratch.appendingPathComponent("check-\($0)")) != nil }
        XCTAssertEqual(kept, ["a", "c", "d"], "b, the least recently used, made room for d")
    }

    func testGradingsAtOnceShareTheCacheSafely() throws {
        let scratch = try GraderFixtures.scratch(self)
        let cache = OracleCache(folder: scratch.appendingPathComponent("cache"), capacity: 1 << 20)
        let keys = (0..<4).map { key("shared-\($0)") }
        for index in 0..<4 { try Data("shared-\(index)".utf8).write(to: scratch.appendingPathComponent("program-\(index)")) }
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let target = scratch.appendingPathComponent("out-\(index)")
            if cache.lookup(keys[index % 4], program: target) == nil {
                cache.store(keys[index % 4], outcome: .program(scratch.appendingPathComponent("program-\(index % 4)")))
            }
        }
        for index in 0..<4 {
            let target = scratch.appendingPathComponent("final-\(index)")
            XCTAssertEqual(cache.lookup(key("shared-\(index)"), program: target), .program(target))
            XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "shared-\(index)")
        }
    }

    func testARegradeTakesEveryCompileFromTheCache() throws {
        let scratch = try GraderFixtures.scratch(self)
        let assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
        // A submission no other test grades: a comment of its own.
        let submission = scratch.appendingPathComponent("unique")
        try FileManager.default.copyItem(at: GraderFixtures.root.appendingPathComponent("reference/HLCV/Solution"), to: submission)
        let file = submission.appendingPathComponent("HLCVExercise2.swift")
        try (try String(contentsOf: file, encoding: .utf8) + "\n// \(UUID().uuidString)\n").write(to: file, atomically: true, encoding: .utf8)
        let first = try Grading.grade(submission, assignment: assignment, options: GraderFixtures.options(seed: 3))
        let again = try Grading.grade(submission, assignment: assignment, options: GraderFixtures.options(seed: 3))
        XCTAssertEqual(first.build.compilerRuns, 1, "the first grading compiles")
        XCTAssertEqual(again.build.compilerRuns, 0, "the regrade takes the program from the cache")
        XCTAssertEqual(again.score, first.score)
        XCTAssertTrue(MarkdownReport.render(again).contains("came from the oracle cache"))
        XCTAssertFalse(MarkdownReport.render(first).contains("came from the oracle cache"))
    }
}
