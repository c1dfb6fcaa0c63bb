// Specifications of the real data sets: their shapes and known statistics, and where they are found.
//
// These tests read the installed data and fail (never skip) with "run scripts/setup" when it is missing.
import LabKit
import XCTest

final class DatasetsTests: XCTestCase {
    private func classCounts(_ labels: [Int]) -> [Int] {
        labels.reduce(into: [Int](repeating: 0, count: 10)) { counts, label in counts[label] += 1 }
    }

    func testFashionMNISTTrainHas60000ImagesWith6000PerClass() throws {
        let train = try Datasets.fashionMNIST(split: .train)
        XCTAssertEqual(train.images.shapeDescription, "(60000, 784)")
        XCTAssertEqual(classCounts(train.labels), [Int](repeating: 6000, count: 10))
    }

    func testFashionMNISTTestHas10000ImagesWith1000PerClass() throws {
        let test = try Datasets.fashionMNIST(split: .test)
        XCTAssertEqual(test.images.shapeDescription, "(10000, 784)")
        XCTAssertEqual(classCounts(test.labels), [Int](repeating: 1000, count: 10))
        XCTAssertEqual(test.images.elements.min(), 0)
        XCTAssertEqual(test.images.elements.max(), 255)
    }

    func testMNIST5kHas500DigitsPerClass() throws {
        let all = try Datasets.mnist5k()
        XCTAssertEqual(all.images.shapeDescription, "(5000, 784)")
        XCTAssertEqual(classCounts(all.labels), [Int](repeating: 500, count: 10))
        XCTAssertEqual(all.images.elements.max(), 255)
    }

    func testMNIST5kSplitsEachClassIntoItsFirst400AndLast100() throws {
        let all = try Datasets.mnist5k(split: .all)
        let train = try Datasets.mnist5k(split: .train)
        let test = try Datasets.mnist5k(split: .test)
        XCTAssertEqual([train.count, test.count], [4000, 1000])
        XCTAssertEqual(classCounts(train.labels), [Int](repeating: 400, count: 10))
        XCTAssertEqual(classCounts(test.labels), [Int](repeating: 100, count: 10))
        XCTAssertEqual(train.images.nestedRows[400], all.images.nestedRows[500], "train row 400 is the first 1")
        XCTAssertEqual(test.images.nestedRows[0], all.images.nestedRows[400], "test starts at the 401st 0")
    }

    func testAutoHas392CarsWithTheBookMeanMPGAndHorsepowerSpread() throws {
        let auto = try Datasets.auto()
        XCTAssertEqual(auto.rowCount, 392)
        let mpg = try auto.numbers("mpg").map { $0! }
        let horsepower = try auto.numbers("horsepower").map { $0! }
        let mean = mpg.reduce(0, +) / Double(mpg.count)
        let hpMean = horsepower.reduce(0, +) / Double(horsepower.count)
        let hpVariance = horsepower.map { ($0 - hpMean) * ($0 - hpMean) }.reduce(0, +) / Double(horsepower.count)
        let hpStd = hpVariance.squareRoot()
        XCTAssertEqual(mean, 23.445918367346938, accuracy: 23.445918367346938 * 1e-12)
        XCTAssertEqual(hpStd, 38.442032714425984, accuracy: 38.442032714425984 * 1e-12)
        XCTAssertEqual(try auto.strings("name").first, "chevrolet chevelle malibu")
    }

    func testAutoRawHas397CarsOf5WhichLackHorsepower() throws {
        let raw = try Datasets.autoRaw()
        XCTAssertEqual(raw.rowCount, 397)
        XCTAssertEqual(try raw.numbers("horsepower").filter { $0 == nil }.count, 5)
    }

    func testAutoRawWithoutMissingRowsIsTheAutoTable() throws {
        let columns = ["mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration", "year", "origin"]
        let raw = try Datasets.autoRaw(dropMissing: true)
        let auto = try Datasets.auto()
        XCTAssertEqual(raw.rowCount, 392)
        XCTAssertEqual(try raw.matrix(columns: columns), try auto.matrix(columns: columns))
        XCTAssertEqual(try raw.strings("name"), try auto.strings("name"))
    }

    func testMissingDataFailsSayingWhereItLookedAndToRunSetup() throws {
        let folder = try makeFixtureFolder()
        let locator = DataLocator(environment: ["LABGRADE_DATA": folder.path], currentDirectory: folder, checkout: nil)
        let path = folder.appendingPathComponent("Auto.csv").path
        assertThrows(
            .datasetNotFound(
                dataset: "ISLR Auto (Auto.csv)", searched: [path],
                hint: ", or point LABGRADE_DATA (now \(folder.path)) at the folder that holds it"),
            mentioning: ["ISLR Auto (Auto.csv) not found at \(path): run scripts/setup"]
        ) { try Datasets.auto(from: locator) }
    }

    func testLabgradeDataIsTheOnlyDataFolderWhenSet() {
        let locator = DataLocator(
            environment: ["LABGRADE_DATA": "/sandbox/data"], currentDirectory: URL(fileURLWithPath: "/work"),
            checkout: URL(fileURLWithPath: "/src/labgrade"))
        XCTAssertEqual(locator.dataFolders.map(\.path), ["/sandbox/data"])
        XCTAssertEqual(
            locator.fashionMNISTFolders.map(\.path),
            ["/sandbox/data/fashion-mnist", "/usr/share/datasets/fashion-mnist"])
    }

    func testWithoutVariablesTheWorkingDirectoryThenTheCheckoutAreSearched() {
        let locator = DataLocator(
            environment: [:], currentDirectory: URL(fileURLWithPath: "/work"),
            checkout: URL(fileURLWithPath: "/src/labgrade"))
        XCTAssertEqual(locator.dataFolders.map(\.path), ["/work/.data", "/src/labgrade/.data"])
    }

    func testFashionMNISTVariableReplacesTheSystemFolder() {
        let locator = DataLocator(
            environment: ["LABGRADE_FASHION_MNIST": "fmnist"], currentDirectory: URL(fileURLWithPath: "/work"),
            checkout: nil)
        XCTAssertEqual(locator.fashionMNISTFolders.map(\.path), ["/work/fmnist"])
    }

    func testDataFileIsFoundGzippedWhenOnlyTheGzipExists() throws {
        let folder = try makeFixtureFolder()
        try write(gzip(Array("mpg,horsepower\n18,130\n".utf8)), to: "Auto.csv.gz", in: folder)
        let locator = DataLocator(environment: ["LABGRADE_DATA": folder.path], currentDirectory: folder, checkout: nil)
        XCTAssertEqual(try Datasets.auto(from: locator).numbers("horsepower"), [130])
    }
}
