// The ECE 285 reference's data preparation and activations (Questions 4–12) against the lab's arrays.
import LabKit
import Reference
import XCTest

final class ECE285ActivationTests: XCTestCase {
    let lab = ECE285Assignment1()
    let (a, e) = ECE285ActivationProbe.inputs()

    func testNormalisationMatchesTheLabsFloat32ValuesToAMillionth() throws {
        let expected = try LabReferenceJSON.numbers("ucsd", "normalize_MNIST_images_0_127_255")
        XCTAssertEqual(lab.normalizeMNISTImages(Matrix(row: [0, 127, 255])).elements, expected, accuracy: 1e-6)
    }

    func testNormalisationMapsTheEndsOfThePixelRangeExactly() {
        let x = Matrix([[0, 255], [255, 0]])
        XCTAssertEqual(lab.normalizeMNISTImages(x), Matrix([[-1, 1], [1, -1]]))
    }

    func testOneHotCodesAreColumnsWithASingleOneAtTheLabel() {
        let d = lab.labelToOneHot([2, 0, 1, 2], classes: 3)
        XCTAssertEqual(d, Matrix([[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1]]))
    }

    func testOneHotKeepsTheGivenClassCountWhenTheHighestLabelIsMissing() {
        XCTAssertEqual(lab.labelToOneHot([0, 3, 1], classes: 10).shapeDescription, "(10, 3)")
    }

    func testOneHotToLabelInvertsLabelToOneHot() {
        var random = NumPyRandomState(seed: 5)
        let labels = random.randint(high: 10, count: 50)
        XCTAssertEqual(lab.oneHotToLabel(lab.labelToOneHot(labels, classes: 10)), labels)
    }

    func testSoftmaxFirstColumnIsTheLabsArray() throws {
        let expected = try LabReferenceJSON.numbers("ucsd", "softmax_col0")
        XCTAssertEqual(lab.softmax(a).column(0).elements, expected, accuracy: 1e-15)
    }

    func testSoftmaxColumnsSumToOne() {
        let columnSums = lab.softmax(a).sum(axis: 0)
        XCTAssertEqual(columnSums, .ones(rows: 1, cols: a.cols), accuracy: 1e-15)
    }

    func testSoftmaxStaysFiniteOnHugePotentials() {
        let huge = Matrix([[1000, -1000], [999, -1001]])
        let y = lab.softmax(huge)
        XCTAssertTrue(y.isFinite)
        XCTAssertEqual(y, lab.softmax(huge - 1000), accuracy: 1e-16, "softmax ignores a shift of each column")
    }

    func testSoftmaxNormalisesEachColumnSeparately() {
        let twoColumns = Matrix([[0, 5], [0, 5]])
        XCTAssertEqual(lab.softmax(twoColumns), Matrix(rows: 2, cols: 2, repeating: 0.5))
    }

    func testSoftmaxpFirstColumnIsTheLabsArray() throws {
        let expected = try LabReferenceJSON.numbers("ucsd", "softmaxp_col0")
        XCTAssertEqual(lab.softmaxp(a, e).column(0).elements, expected, accuracy: 1e-15)
    }

    /// `δ = Jᵀe` is the gradient of `a ↦ ⟨g(a), e⟩` with `e` held fixed.
    func testSoftmaxpIsTheGradientOfTheProjectedSoftmaxAtTheLabsInputs() {
        let numerical = GradientCheck.numericalGradient(at: a) { (lab.softmax($0) * e).sum() }
        XCTAssertLessThan(GradientCheck.relativeError(lab.softmaxp(a, e), numerical), 1e-8)
    }

    /// Compared in absolute terms: where a probability is tiny, its entry of `δ` is tiny too and
    /// the central difference's round-off (about 1e-11) dominates any relative measure.
    func testSoftmaxpIsTheGradientOfTheProjectedSoftmaxOnRandomInputs() {
        var random = NumPyRandomState(seed: 11)
        for (rows, cols) in [(2, 1), (5, 4), (12, 7)] {
            let potentials = 3 * random.randn(rows: rows, cols: cols)
            let direction = random.randn(rows: rows, cols: cols)
            let numerical = GradientCheck.numericalGradient(at: potentials) { (lab.softmax($0) * direction).sum() }
            XCTAssertEqual(lab.softmaxp(potentials, direction), numerical, accuracy: 1e-9, "(\(rows), \(cols))")
        }
    }

    func testSoftmaxpForwardDifferenceErrorIsTheLabs() throws {
        let eps = 1e-6
        let forward = (lab.softmax(a + eps * e) - lab.softmax(a)) / eps
        let expected = try LabReferenceJSON.number("ucsd", "softmaxp_vs_fd_max_abs")
        XCTAssertEqual(abs(lab.softmaxp(a, e) - forward).max(), expected, accuracy: 1e-3 * expected)
    }

    func testReluZeroesNegativePotentialsAndKeepsPositiveOnes() {
        XCTAssertEqual(lab.relu(Matrix([[-2, 0, 3.5]])), Matrix([[0, 0, 3.5]]))
    }

    func testRelupPassesTheErrorOnlyWherePotentialsArePositive() {
        XCTAssertEqual(lab.relup(Matrix([[-2, 0, 3.5]]), Matrix([[7, 8, 9]])), Matrix([[0, 0, 9]]))
    }

    func testRelupIsTheGradientOfTheProjectedReluAwayFromKinks() {
        var random = NumPyRandomState(seed: 12)
        for (rows, cols) in [(10, 3), (6, 9)] {
            let potentials = random.randn(rows: rows, cols: cols).map { $0 + ($0 < 0 ? -0.01 : 0.01) }
            let direction = random.randn(rows: rows, cols: cols)
            let numerical = GradientCheck.numericalGradient(at: potentials) { (lab.relu($0) * direction).sum() }
            XCTAssertLessThan(GradientCheck.relativeError(lab.relup(potentials, direction), numerical), 1e-9)
        }
    }

    func testRelupForwardDifferenceErrorIsTheLabs() throws {
        let eps = 1e-6
        let forward = (lab.relu(a + eps * e) - lab.relu(a)) / eps
        let expected = try LabReferenceJSON.number("ucsd", "relup_vs_fd_max_abs")
        XCTAssertEqual(abs(lab.relup(a, e) - forward).max(), expected, accuracy: 1e-12 * expected)
    }
}
