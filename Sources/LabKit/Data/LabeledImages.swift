// LabeledImages: images as matrix rows with one class label each, and the IDX pair loader.
import Foundation

/// A labelled image set: one flattened image per row of `images`, its class in `labels`.
///
/// Pixel values are kept as stored (0...255). Fashion-MNIST and MNIST rows hold 28×28 pixels
/// row-major; CIFAR-10 rows hold the red, green and blue 32×32 planes one after the other.
public struct LabeledImages: Sendable, Equatable {
    /// The images, `(count, pixels per image)`.
    public let images: Matrix
    /// The class of each image, in the order of the rows of `images`.
    public let labels: [Int]
    /// Number of images.
    public var count: Int { labels.count }

    /// Pairs `images` with `labels`; stops the program unless there is one label per row.
    public init(images: Matrix, labels: [Int]) {
        LabKitFailure.require(
            images.rows == labels.count,
            "LabeledImages: \(images.rows) images but \(labels.count) labels")
        self.images = images
        self.labels = labels
    }

    /// Loads an IDX images file and its IDX labels file (each raw or gzip'd), as MNIST ships them.
    ///
    /// Throws the `IDXFile` errors, `wrongIDXRank` for swapped files, `countMismatch` when the
    /// files hold different numbers of items, and `labelOutOfRange` for a label `≥ classes`.
    public static func loadIDX(images: URL, labels: URL, classes: Int = 10) throws -> LabeledImages {
        let pictures = try IDXFile(contentsOf: images).images()
        let labelFile = try IDXFile(contentsOf: labels)
        let values = try labelFile.labels()
        guard pictures.count == values.count else {
            throw DataLoadError.countMismatch(
                images: images.path, imageCount: pictures.count, labels: labels.path, labelCount: values.count)
        }
        if let bad = values.firstIndex(where: { $0 >= classes }) {
            throw DataLoadError.labelOutOfRange(
                file: labels.path, record: bad, offset: labelFile.headerSize + bad,
                found: Double(values[bad]), classes: classes)
        }
        return LabeledImages(images: pictures.matrix, labels: values)
    }

    /// The images at `indices`, in that order, with their labels.
    func selecting(_ indices: [Int]) -> LabeledImages {
        let width = images.cols
        var elements = [Double]()
        elements.reserveCapacity(indices.count * width)
        images.elements.withUnsafeBufferPointer { all in
            for i in indices { elements.append(contentsOf: all[i * width..<(i + 1) * width]) }
        }
        return LabeledImages(
            images: Matrix(rows: indices.count, cols: width, elements: elements), labels: indices.map { labels[$0] })
    }

    /// These images followed by `other`'s; both must have the same number of pixels per image.
    func appending(_ other: LabeledImages) -> LabeledImages {
        LabKitFailure.require(images.cols == other.images.cols, "LabeledImages: appending images of another size")
        let elements = images.elements + other.images.elements
        return LabeledImages(
            images: Matrix(rows: count + other.count, cols: images.cols, elements: elements),
            labels: labels + other.labels)
    }
}
