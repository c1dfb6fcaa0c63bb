// VUData's image loaders: the assignment's `load_mnist` split applied to the data sets labgrade has.

extension VUData {
    /// How many training images `load_mnist(final=False)` holds back for validation: the last 5,000.
    public static let mnistValidationCount = 5_000

    /// How many of each digit's 400 MNIST-5k training images ``loadMNIST5k(final:from:)`` holds back: the last 50.
    public static let mnist5kValidationPerClass = 50

    /// `load_mnist(final)` on Fashion-MNIST, which has MNIST's format, sizes and split.
    ///
    /// `final == false`: the first 55,000 training images train and the **last 5,000** validate,
    /// unshuffled, as `load_mnist` does. `final == true`: all 60,000 train and the canonical 10,000
    /// test images take the validation slot. Pixels stay raw, 0...255, as `load_mnist` leaves
    /// them (it does not normalise); 784 features, 10 classes.
    public static func loadFashionMNIST(final: Bool = false, from locator: DataLocator = .standard) throws -> VUData {
        let train = try Datasets.fashionMNIST(split: .train, from: locator)
        if final {
            return VUData(training: train, validation: try Datasets.fashionMNIST(split: .test, from: locator))
        }
        return VUData(training: train, holdingBack: Set((train.count - mnistValidationCount)..<train.count))
    }

    /// `load_mnist(final)` on the 5,000 real MNIST digits labgrade has (MNIST-5k) instead of the full 70,000.
    ///
    /// `final == true`: the 4,000 `Datasets.mnist5k(split: .train)` images train and its 1,000
    /// test images take the validation slot. `final == false`: the last 50 training images **of
    /// each digit** validate (500) and the other 3,500 train. The file is sorted by digit, so
    /// `load_mnist`'s "last N training images" would hold back only nines; taking the last ones
    /// per digit keeps its rule, unshuffled held-out training images, and all ten classes.
    /// Pixels stay raw, 0...255; 784 features, 10 classes.
    public static func loadMNIST5k(final: Bool = false, from locator: DataLocator = .standard) throws -> VUData {
        let train = try Datasets.mnist5k(split: .train, from: locator)
        if final {
            return VUData(training: train, validation: try Datasets.mnist5k(split: .test, from: locator))
        }
        let keepPerClass = Datasets.mnist5kTrainPerClass - mnist5kValidationPerClass
        var seen = [Int](repeating: 0, count: 10)
        var held = Set<Int>()
        for (row, label) in train.labels.enumerated() {
            if seen[label] >= keepPerClass { held.insert(row) }
            seen[label] += 1
        }
        return VUData(training: train, holdingBack: held)
    }

    /// Ten classes of images: `training` trains, `validation` validates.
    private init(training: LabeledImages, validation: LabeledImages) {
        self.init(
            xtrain: training.images, ytrain: training.labels, xval: validation.images, yval: validation.labels,
            numClasses: 10)
    }

    /// Ten classes of images: the rows of `images` in `held` validate, the others train, both in file order.
    private init(training images: LabeledImages, holdingBack held: Set<Int>) {
        let rows = Array(0..<images.count)
        self.init(
            training: images.selecting(rows.filter { !held.contains($0) }),
            validation: images.selecting(rows.filter { held.contains($0) }))
    }
}
