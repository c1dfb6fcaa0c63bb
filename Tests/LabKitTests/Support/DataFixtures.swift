// DataFixtures: builds small data files (IDX, CIFAR, CSV, gzip) in a per-test temporary folder.
import CZlib
import Foundation
import LabKit
import XCTest

extension XCTestCase {
    /// A new empty folder, removed when the test ends.
    func makeFixtureFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labkit-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `bytes` to `name` inside `folder` and returns the file's URL.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Writes the UTF-8 `text` to `name` inside `folder` and returns the file's URL.
    @discardableResult
    func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        try write(Array(text.utf8), to: name, in: folder)
    }

    /// Asserts that `body` throws exactly `expected`, whose description mentions each of `mentions`.
    func assertThrows<T>(
        _ expected: DataLoadError, mentioning mentions: [String],
        file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard let error = error as? DataLoadError else {
                return XCTFail("expected a DataLoadError, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(error, expected, file: file, line: line)
            for text in mentions {
                XCTAssertTrue(
                    error.description.contains(text), "'\(error.description)' does not mention '\(text)'",
                    file: file, line: line)
            }
        }
    }
}

/// Bytes of an IDX file: magic `00 00 type rank`, big-endian dimensions, then `payload`.
func idxBytes(type: UInt8 = 0x08, dimensions: [Int], payload: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
    for size in dimensions { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) } }
    return bytes + payload
}

/// `bytes` compressed as one gzip member by zlib's `deflate` (window bits 15 + 16 = gzip wrapper).
func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    let level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED, strategy = Z_DEFAULT_STRATEGY
    precondition(deflateInit2_(&stream, level, method, 15 + 16, 8, strategy, zlibVersion(),
                               Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
    let status = bytes.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            return deflate(&stream, Z_FINISH)
        }
    }
    precondition(status == Z_STREAM_END, "deflate failed with \(status)")
    return Array(output[..<Int(stream.total_out)])
}
