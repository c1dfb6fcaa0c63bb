// VUData's image loaders keep load_mnist's split: raw pixels, validation held out of the training images.
import LabKit
import XCTest

final class VUImageDataTests: XCTestCase {
    private func classCounts(_ labels: [Int]) -> [Int] {
        labels.reduce(into: [Int](repeating: 0, count: 10)) { counts, label in counts[label] += 1 }
    }

    func testFashionMNISTHoldsBackTheLast5000TrainingImagesUnshuffled() throws {
        let data = try VUData.loadFashionMNIST()
        let train = try Datasets.fashionMNIST(split: .train)
        XCTAssertEqual(data.xtrain.shapeDescription, "(55000, 784)")
        XCTAssertEqual(data.xval.shapeDescription, "(5000, 784)")
        XCTAssertEqual(data.xval.row(0), train.images.row(55_000))
        XCTAssertEqual(data.yval, Array(train.labels[55_000...]))
        XCTAssertEqual(data.xtrain.max(), 255, "load_mnist does not normalise")
    }

    func testFashionMNISTFinalRunValidatesOnTheCanonicalTestSet() throws {
        let data = try VUData.loadFashionMNIST(final: true)
        XCTAssertEqual(data.xtrain.shapeDescription, "(60000, 784)")
        XCTAssertEqual(data.yval, try Datasets.fashionMNIST(split: .test).labels)
    }

    func testMNIST5kHoldsBackTheLast50TrainingImagesOfEachDigit() throws {
        let data = try VUTestData.mnist5k.get()
        let train = try Datasets.mnist5k(split: .train)
        XCTAssertEqual(data.xtrain.shapeDescription, "(3500, 784)")
        XCTAssertEqual(data.xval.shapeDescription, "(500, 784)")
        XCTAssertEqual(classCounts(data.ytrain), [Int](repeating: 350, count: 10))
        XCTAssertEqual(classCounts(data.yval), [Int](repeating: 50, count: 10))
        XCTAssertEqual(data.xval.row(0), train.images.row(350), "the 351st zero is the first held back")
        XCTAssertEqual(data.numClasses, 10)
    }

    func testMNIST5kFinalRunValidatesOnItsTestDigits() throws {
        let data = try VUData.loadMNIST5k(final: true)
        XCTAssertEqual(data.xtrain.shapeDescription, "(4000, 784)")
        XCTAssertEqual(data.xval.shapeDescription, "(1000, 784)")
        XCTAssertEqual(classCounts(data.yval), [Int](repeating: 100, count: 10))
    }
}
