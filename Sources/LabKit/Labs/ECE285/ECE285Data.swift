// ECE285Data: the lab's `MNISTtools.load`, on the real image sets installed here, samples as columns.

/// The data the lab trains on, in the lab's layout: images stacked in **columns**, raw pixel
/// values `0...255` (Question 3), and their labels.
///
/// The lab loads all of MNIST (60,000 training and 10,000 test images) from `/datasets/MNIST`.
/// That set is not installed here; ``Source/mnist5k`` holds 5,000 real MNIST digits (4,000
/// training, 1,000 test, balanced per class) and ``Source/fashionMNIST`` the full Fashion-MNIST,
/// which has MNIST's format, sizes and 10 classes.
public enum ECE285Data {
    /// Which installed image set stands in for the lab's MNIST.
    public enum Source: String, Sendable, CaseIterable {
        /// MNIST-5k: real MNIST digits, 400 training and 100 test images per class, sorted by class.
        case mnist5k
        /// Fashion-MNIST: 60,000 training and 10,000 test images of clothing, in mixed class order.
        case fashionMNIST
    }

    /// The lab's `MNISTtools.load(dataset)`: `x` is `(784, N)` with values `0...255` as `Double`
    /// (not yet normalised, Question 4), `labels` holds the `N` classes `0...9`.
    ///
    /// Throws `DataLoadError.datasetNotFound`, saying how to install the data, when it is missing.
    public static func load(
        _ source: Source, split: DataSplit = .train, from locator: DataLocator = .standard
    ) throws -> (x: Matrix, labels: [Int]) {
        let images =
            switch source {
            case .mnist5k: try Datasets.mnist5k(split: split, from: locator)
            case .fashionMNIST: try Datasets.fashionMNIST(split: split, from: locator)
            }
        return (images.images.T, images.labels)
    }
}
