// Specifications of reading IDX image and label files and of every way they are rejected.
import LabKit
import XCTest

final class IDXLoaderTests: XCTestCase {
    /// Two 2×3 images whose pixels count up from 0, and their labels.
    private let pixels: [UInt8] = Array(0..<12)
    private var imagesIDX: [UInt8] { idxBytes(dimensions: [2, 2, 3], payload: pixels) }
    private let labelsIDX = idxBytes(dimensions: [2], payload: [7, 3])

    func testImagesFileGivesCountShapeAndPixels() throws {
        let folder = try makeFixtureFolder()
        let images = try IDXFile(contentsOf: write(imagesIDX, to: "images-idx3-ubyte", in: folder)).images()
        XCTAssertEqual([images.count, images.rows, images.cols], [2, 2, 3])
        XCTAssertEqual(images.pixels, pixels)
    }

    func testImagesMatrixHasOneFlattenedImagePerRowWithRawValues() throws {
        let folder = try makeFixtureFolder()
        let matrix = try IDXFile(contentsOf: write(imagesIDX, to: "images", in: folder)).images().matrix
        XCTAssertEqual(matrix, Matrix([[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]))
    }

    func testGzippedFileReadsLikeTheRawFile() throws {
        let folder = try makeFixtureFolder()
        let raw = try IDXFile(contentsOf: write(imagesIDX, to: "images", in: folder))
        let zipped = try IDXFile(contentsOf: write(gzip(imagesIDX), to: "images.gz", in: folder))
        XCTAssertEqual(zipped.dimensions, raw.dimensions)
        XCTAssertEqual(zipped.payload, raw.payload)
    }

    func testImagesAndLabelsLoadAsPairs() throws {
        let folder = try makeFixtureFolder()
        let set = try LabeledImages.loadIDX(
            images: write(gzip(imagesIDX), to: "i.gz", in: folder), labels: write(labelsIDX, to: "l", in: folder))
        XCTAssertEqual(set.count, 2)
        XCTAssertEqual(set.labels, [7, 3])
        XCTAssertEqual(set.images.shape.cols, 6)
    }

    func testEmptyFileIsRejected() throws {
        let url = try write([UInt8](), to: "empty", in: makeFixtureFolder())
        assertThrows(.emptyFile(file: url.path), mentioning: [url.path, "empty"]) { try IDXFile(contentsOf: url) }
    }

    func testWrongMagicIsRejectedShowingTheBytesFound() throws {
        let url = try write([0x50, 0x4B, 0x03, 0x04, 0, 0], to: "zip", in: makeFixtureFolder())
        assertThrows(.notIDX(file: url.path, header: [0x50, 0x4B, 3, 4]), mentioning: [url.path, "50 4b 03 04"]) {
            try IDXFile(contentsOf: url)
        }
    }

    func testZeroDimensionsAreNotIDX() throws {
        let url = try write([0, 0, 8, 0], to: "rank0", in: makeFixtureFolder())
        assertThrows(.notIDX(file: url.path, header: [0, 0, 8, 0]), mentioning: [url.path]) {
            try IDXFile(contentsOf: url)
        }
    }

    func testNonByteElementTypeIsRejectedByName() throws {
        let bytes = idxBytes(type: 0x0D, dimensions: [1], payload: [0, 0, 0, 0])
        let url = try write(bytes, to: "floats", in: makeFixtureFolder())
        assertThrows(.unsupportedIDXType(file: url.path, typeCode: 0x0D), mentioning: [url.path, "0x0D (float32)"]) {
            try IDXFile(contentsOf: url)
        }
    }

    func testTruncatedHeaderNamesWhereTheDataEnds() throws {
        let url = try write([0, 0, 8, 3, 0, 0, 0, 2, 0], to: "short", in: makeFixtureFolder())
        let expected = DataLoadError.truncated(file: url.path, offset: 9, expected: 16)
        assertThrows(expected, mentioning: [url.path, "offset 9", "16 bytes"]) {
            try IDXFile(contentsOf: url)
        }
    }

    func testTruncatedPayloadNamesWhereTheDataEndsAndWhatWasPromised() throws {
        let url = try write(Array(imagesIDX.dropLast(2)), to: "cut", in: makeFixtureFolder())
        let expected = DataLoadError.truncated(file: url.path, offset: 26, expected: 28)
        assertThrows(expected, mentioning: [url.path, "offset 26", "28 bytes"]) {
            try IDXFile(contentsOf: url)
        }
    }

    func testOffsetsInGzippedFilesAreSaidToCountDecompressedBytes() throws {
        let url = try write(gzip(Array(imagesIDX.dropLast(2))), to: "cut.gz", in: makeFixtureFolder())
        assertThrows(.truncated(file: url.path, offset: 26, expected: 28), mentioning: ["of the decompressed data"]) {
            try IDXFile(contentsOf: url)
        }
    }

    func testTrailingBytesAreRejected() throws {
        let url = try write(imagesIDX + [1, 2, 3], to: "long", in: makeFixtureFolder())
        assertThrows(.trailingBytes(file: url.path, offset: 28, count: 3), mentioning: [url.path, "offset 28"]) {
            try IDXFile(contentsOf: url)
        }
    }

    func testLabelsFileReadAsImagesIsRejected() throws {
        let url = try write(labelsIDX, to: "labels", in: makeFixtureFolder())
        assertThrows(.wrongIDXRank(file: url.path, expected: 3, found: 1), mentioning: [url.path, "swapped"]) {
            try IDXFile(contentsOf: url).images()
        }
    }

    func testImageAndLabelCountsMustMatch() throws {
        let folder = try makeFixtureFolder()
        let images = try write(imagesIDX, to: "images", in: folder)
        let labels = try write(idxBytes(dimensions: [3], payload: [1, 2, 3]), to: "labels", in: folder)
        let expected = DataLoadError.countMismatch(
            images: images.path, imageCount: 2, labels: labels.path, labelCount: 3)
        assertThrows(expected, mentioning: [images.path, labels.path, "2 images", "3 labels"]) {
            try LabeledImages.loadIDX(images: images, labels: labels)
        }
    }

    func testLabelOutsideTheClassesNamesItsRecordAndOffset() throws {
        let folder = try makeFixtureFolder()
        let images = try write(imagesIDX, to: "images", in: folder)
        let labels = try write(idxBytes(dimensions: [2], payload: [1, 10]), to: "labels", in: folder)
        let expected = DataLoadError.labelOutOfRange(file: labels.path, record: 1, offset: 9, found: 10, classes: 10)
        assertThrows(expected, mentioning: [labels.path, "record 1", "offset 9", "label 10"]) {
            try LabeledImages.loadIDX(images: images, labels: labels)
        }
    }

    func testMissingFileIsRejected() throws {
        let url = try makeFixtureFolder().appendingPathComponent("nothing-here")
        assertThrows(.fileNotFound(file: url.path), mentioning: [url.path]) { try IDXFile(contentsOf: url) }
    }
}
