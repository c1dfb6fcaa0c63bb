// Specifications of how gzip-compressed data files are recognised, inflated and rejected.
import LabKit
import XCTest

final class GzipTests: XCTestCase {
    private let table = "x,y\n1,2\n3,4\n"

    func testGzipIsRecognisedByContentNotByName() throws {
        let url = try write(gzip(Array(table.utf8)), to: "table.csv", in: makeFixtureFolder())
        XCTAssertEqual(try CSVTable(contentsOf: url).matrix(), Matrix([[1, 2], [3, 4]]))
    }

    func testConcatenatedMembersReadAsOneStream() throws {
        let big = idxBytes(dimensions: [300_000], payload: (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let members = gzip(Array(big[..<1000])) + gzip(Array(big[1000...]))
        let url = try write(members, to: "two.gz", in: makeFixtureFolder())
        XCTAssertEqual(try IDXFile(contentsOf: url).payload, Array(big[8...]))
    }

    func testDamagedChecksumIsCorruptGzipNamingTheFile() throws {
        var bytes = gzip(Array(table.utf8))
        bytes[bytes.count - 6] ^= 0xFF
        let url = try write(bytes, to: "bad.csv.gz", in: makeFixtureFolder())
        XCTAssertThrowsError(try CSVTable(contentsOf: url)) { error in
            guard case .corruptGzip(let file, let offset, let detail)? = error as? DataLoadError else {
                return XCTFail("expected corruptGzip, got \(error)")
            }
            XCTAssertEqual(file, url.path)
            XCTAssertEqual(detail, "incorrect data check")
            let message = "\(url.path): the gzip data is corrupt at compressed byte \(offset)"
            XCTAssertTrue(String(describing: error).contains(message))
        }
    }

    func testTruncatedGzipNamesHowManyBytesWereRead() throws {
        let bytes = gzip(Array(table.utf8))
        let url = try write(Array(bytes.dropLast(5)), to: "cut.csv.gz", in: makeFixtureFolder())
        assertThrows(.truncatedGzip(file: url.path, offset: bytes.count - 5), mentioning: [url.path, "truncated"]) {
            try CSVTable(contentsOf: url)
        }
    }

    func testBytesAfterTheLastMemberAreRejected() throws {
        let bytes = gzip(Array(table.utf8))
        let url = try write(bytes + [0x41, 0x42], to: "junk.csv.gz", in: makeFixtureFolder())
        let expected = DataLoadError.corruptGzip(
            file: url.path, offset: bytes.count, detail: "unexpected bytes after the end of the gzip data")
        assertThrows(expected, mentioning: [url.path, "compressed byte \(bytes.count)"]) {
            try CSVTable(contentsOf: url)
        }
    }
}
