// Archives are read in-process under caps: good ones unpack their Swift files, and every entry
// that could reach outside the folder or swamp the host is refused with its name.
import Foundation
import XCTest

@testable import Grader

final class ArchiveUnpackerTests: XCTestCase {
    private typealias Member = ArchiveWriter.Member

    private func unpack(_ bytes: [UInt8], _ format: ArchiveUnpacker.Format, limits: ArchiveLimits = ArchiveLimits()) throws -> (URL, [String]) {
        let scratch = try GraderFixtures.scratch(self)
        let folder = scratch.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, try ArchiveUnpacker.unpack(bytes, format: format, into: folder, limits: limits))
    }

    private func assertRefused(
        _ bytes: [UInt8], _ format: ArchiveUnpacker.Format, naming text: String, limits: ArchiveLimits = ArchiveLimits(),
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try unpack(bytes, format, limits: limits), file: file, line: line) { error in
            XCTAssertTrue(error is ArchiveError, "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(text), "\(error)", file: file, line: line)
        }
    }

    private let good = [
        Member("Sources/Submission/", kind: .directory), Member("Sources/Submission/Q1aScores.swift", "struct A {}"),
        Member("./Helpers.swift", "struct B {}"), Member("README.md", "notes"),
    ]

    func testZipTarAndTarGzUnpackTheirSwiftFilesOnly() throws {
        for (bytes, format) in [
            (ArchiveWriter.zip(good), ArchiveUnpacker.Format.zip), (ArchiveWriter.zip(good, deflate: true), .zip),
            (ArchiveWriter.tar(good), .tar), (ArchiveWriter.gzip(ArchiveWriter.tar(good)), .gzippedTar),
        ] {
            let (folder, files) = try unpack(bytes, format)
            XCTAssertEqual(files, ["Helpers.swift", "Sources/Submission/Q1aScores.swift"], "\(format)")
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("Helpers.swift"), encoding: .utf8), "struct B {}")
        }
    }

    func testPathsThatLeaveTheFolderAreRefusedAndNothingIsWrittenOutside() throws {
        for name in ["../evil.swift", "Sources/../../evil.swift", "/tmp/evil.swift"] {
            for (bytes, format) in [(ArchiveWriter.zip([Member(name, "x")]), ArchiveUnpacker.Format.zip), (ArchiveWriter.tar([Member(name, "x")]), .tar)] {
                assertRefused(bytes, format, naming: "\"\(name)\"")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("evil.swift").path))
    }

    func testLinksDevicesAndFIFOsAreRefusedByName() {
        let cases: [(Member, String)] = [
            (Member("Q1.swift", kind: .symbolicLink("/work/reference/Q1.swift")), "it is a link"),
            (Member("Q2.swift", kind: .hardLink("/etc/passwd")), "it is a link"),
            (Member("pipe.swift", kind: .fifo), "it is a FIFO"),
            (Member("tty.swift", kind: .device), "it is a device"),
        ]
        for (member, reason) in cases {
            assertRefused(ArchiveWriter.tar([member]), .tar, naming: reason)
            if case .hardLink = member.kind { continue }  // zip has no hard links
            assertRefused(ArchiveWriter.zip([member]), .zip, naming: "\"\(String(decoding: member.name, as: UTF8.self))\"")
        }
    }

    func testOddNamesAreRefused() {
        assertRefused(ArchiveWriter.zip([Member("a\u{1B}[31mred.swift", "x")]), .zip, naming: "control characters")
        assertRefused(ArchiveWriter.zip([Member(name: [0x61, 0xff, 0xfe, 0x2e, 0x73], data: [])]), .zip, naming: "not UTF-8")
        assertRefused(ArchiveWriter.zip([Member("a\\..\\b.swift", "x")]), .zip, naming: "backslash")
        assertRefused(ArchiveWriter.tar([Member(String(repeating: "n", count: 300) + ".swift", "x")]), .tar, naming: "longer than 255 bytes")
        let deep = (0..<20).map { "d\($0)" }.joined(separator: "/") + "/x.swift"
        assertRefused(ArchiveWriter.tar([Member(deep, "x")]), .tar, naming: "16 folders deep")
        assertRefused(ArchiveWriter.zip([Member("A.swift", "x"), Member("./A.swift", "y")]), .zip, naming: "appears twice")
    }

    func testAHundredThousandEntriesAreRefusedBeforeAnyIsWritten() {
        let members = (0..<100_000).map { Member("f\($0).swift", "") }
        assertRefused(ArchiveWriter.tar(members), .tar, naming: "100000 entries, more than 10000")
        // A zip counts its entries in 16 bits (65,535 marks zip64, which is refused).
        assertRefused(ArchiveWriter.zip(Array(members.prefix(60_000))), .zip, naming: "60000 entries, more than 10000")
        assertRefused(ArchiveWriter.zip(Array(members.prefix(65_535))), .zip, naming: "zip64 archives are not supported")
    }

    func testBombsAreStoppedAtTheirCap() {
        // A deflated entry that declares 1 KB and inflates to 64 MB of zeros.
        var liar = Member("bomb.swift")
        liar.data = [UInt8](repeating: 0, count: 64 << 20)
        liar.declaredSize = 1_024
        assertRefused(ArchiveWriter.zip([liar], deflate: true), .zip, naming: "inflates to more than 1024 bytes")
        // One that says what it is: 64 MB, over the 4 MB a file may have.
        liar.declaredSize = nil
        assertRefused(ArchiveWriter.zip([liar], deflate: true), .zip, naming: "over the 4 MB a file may have")
        // A .tar.gz whose tar is 80 MB.
        let tar = ArchiveWriter.tar([Member(name: Array("big.swift".utf8), data: [UInt8](repeating: 0x20, count: 80 << 20))])
        assertRefused(ArchiveWriter.gzip(tar), .gzippedTar, naming: "inflates to more than")
    }

    func testDamagedArchivesAreClearErrors() {
        let zip = ArchiveWriter.zip(good)
        assertRefused(Array(zip.prefix(zip.count / 2)), .zip, naming: "cannot be read")
        assertRefused(Array("not a zip".utf8), .zip, naming: "too short for a zip file")
        var tar = ArchiveWriter.tar(good)
        tar[10] ^= 0xff
        assertRefused(tar, .tar, naming: "wrong checksum")
        assertRefused(Array(ArchiveWriter.gzip(ArchiveWriter.tar(good)).prefix(40)), .gzippedTar, naming: "cut short")
    }

    func testARefusedArchiveIsGradedWithTheReasonNotAFailure() throws {
        let scratch = try GraderFixtures.scratch(self)
        let archive = scratch.appendingPathComponent("mallory.zip")
        try Data(ArchiveWriter.zip([Member("../../escape.swift", "x")])).write(to: archive)
        let assignment = try AssignmentCatalog(toolchain: GraderFixtures.toolchain).load("hlcv-ex2")
        let result = try Grading.grade(archive, assignment: assignment, options: GraderFixtures.options(seed: 1))
        XCTAssertEqual(result.score, 0)
        XCTAssertFalse(result.build.compiled)
        XCTAssertTrue(result.build.diagnostics.contains("\"../../escape.swift\" is refused: it climbs out"), result.build.diagnostics)
        XCTAssertTrue(result.checks.allSatisfy { $0.status == .error && $0.message.contains("escape.swift") })
    }
}
