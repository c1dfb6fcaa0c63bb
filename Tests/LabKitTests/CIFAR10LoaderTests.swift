// Specifications of reading CIFAR-10 binary batches and of rejecting damaged ones.
import LabKit
import XCTest

final class CIFAR10LoaderTests: XCTestCase {
    /// `count` records; record `i` has label `i % 10` and pixel `k` equal to `(k + i) % 256`.
    private func batch(records count: Int) -> [UInt8] {
        var bytes = [UInt8]()
        for i in 0..<count {
            bytes.append(UInt8(i % 10))
            bytes += (0..<3072).map { k in UInt8(truncatingIfNeeded: k + i) }
        }
        return bytes
    }

    func testRecordsBecomeRowsOfPlanarPixelsWithTheirLabels() throws {
        let url = try write(batch(records: 3), to: "data_batch_1.bin", in: makeFixtureFolder())
        let set = try CIFAR10Batch.load(from: url)
        XCTAssertEqual(set.labels, [0, 1, 2])
        XCTAssertEqual(set.images.shapeDescription, "(3, 3072)")
        XCTAssertEqual(set.images[2, 0], 2, "red plane, pixel (0, 0) of record 2")
        XCTAssertEqual(set.images[1, 1024], 1, "green plane starts at 1024: (1024 + 1) % 256")
        XCTAssertEqual(set.images[0, 3071], 255, "last blue pixel: 3071 % 256")
    }

    func testGzippedBatchLoadsLikeTheRawOne() throws {
        let folder = try makeFixtureFolder()
        let raw = try CIFAR10Batch.load(from: write(batch(records: 2), to: "b.bin", in: folder))
        XCTAssertEqual(try CIFAR10Batch.load(from: write(gzip(batch(records: 2)), to: "b.bin.gz", in: folder)), raw)
    }

    func testPartialRecordNamesItsOffset() throws {
        let bytes = batch(records: 2) + [UInt8](repeating: 0, count: 100)
        let url = try write(bytes, to: "cut.bin", in: makeFixtureFolder())
        let expected = DataLoadError.partialRecord(file: url.path, offset: 6146, recordSize: 3073, found: 100)
        assertThrows(expected, mentioning: [url.path, "offset 6146", "100 bytes", "3073 bytes"]) {
            try CIFAR10Batch.load(from: url)
        }
    }

    func testLabelAboveNineNamesItsRecordAndOffset() throws {
        var bytes = batch(records: 3)
        bytes[3073] = 10
        let url = try write(bytes, to: "bad-label.bin", in: makeFixtureFolder())
        let expected = DataLoadError.labelOutOfRange(file: url.path, record: 1, offset: 3073, found: 10, classes: 10)
        assertThrows(expected, mentioning: [url.path, "record 1", "offset 3073", "must be 0...9"]) {
            try CIFAR10Batch.load(from: url)
        }
    }

    func testEmptyBatchIsRejected() throws {
        let url = try write([UInt8](), to: "empty.bin", in: makeFixtureFolder())
        assertThrows(.emptyFile(file: url.path), mentioning: [url.path]) { try CIFAR10Batch.load(from: url) }
    }
}
