// The numbers UCSD ECE 285 Assignment 1 publishes, and how the reference solution recomputes them.
import LabKit

extension ReferenceValues {
    /// ECE 285 Assignment 1: normalisation, softmax and its derivative, the ReLU finite-difference
    /// check and `init_shallow` on the seeded instances of the reference-values README (section 5).
    static var ece285: [ReferenceValue] {
        let lab = ECE285Assignment1()
        var rows = [
            ReferenceValue(
                .ece285, "Q4 normalize_MNIST_images of 0, 127, 255", expected: [-1, -0.0039215087890625, 1],
                tolerance: .close(relative: 0, absolute: 1e-6),
                howComputed: "reference-values README §5: the lab's float32 x*(2/255)-1 gives 127 -> -0.0039215087890625; "
                    + "Float64 gives -0.0039215686..., so compared at 1e-6"
            ) { lab.normalizeMNISTImages(Matrix(row: [0, 127, 255])).elements },
            ReferenceValue(
                .ece285, "Q7 softmax(a)[:, 0], seed 0", expected: ECE285PublishedArrays.softmaxColumn0,
                tolerance: .roundOff,
                howComputed: "lab_reference.json ucsd.softmax_col0: np.random.seed(0); a = randn(10,3); "
                    + "column 0 of the max-shifted softmax over each column"
            ) { lab.softmax(ECE285ActivationProbe.inputs().a).column(0).elements },
            ReferenceValue(
                .ece285, "Q10 softmaxp(a, e)[:, 0], seed 0", expected: ECE285PublishedArrays.softmaxpColumn0,
                tolerance: .close(relative: 1e-12, absolute: 1e-16),
                howComputed: "lab_reference.json ucsd.softmaxp_col0: e = randn(10,3) after a; g*e - <g,e> g, column 0"
            ) {
                let (a, e) = ECE285ActivationProbe.inputs()
                return lab.softmaxp(a, e).column(0).elements
            },
            ReferenceValue(
                .ece285, "Q11 max |softmaxp - forward difference (eps 1e-6)|, seed 0", expected: 1.2062993826056356e-07,
                tolerance: .close(relative: 1e-3, absolute: 0),
                howComputed: "reference-values README §5 (1.21e-7): max|softmaxp(a,e) - (softmax(a+eps e) - softmax(a))/eps|; "
                    + "the O(eps) truncation error dominates, exp's last bit moves it by ~1e-10, hence rtol 1e-3"
            ) { ECE285ReferenceChecks.forwardDifferenceError(of: .softmax) },
            ReferenceValue(
                .ece285, "Q12 max |relup - forward difference (eps 1e-6)|, seed 0", expected: 2.1217776494109053e-10,
                tolerance: .roundOff,
                howComputed: "reference-values README §5 (2.1e-10): max|relup(a,e) - (relu(a+eps e) - relu(a))/eps|; "
                    + "pure round-off of a + eps e, but IEEE +, *, / and max make it bit-reproducible"
            ) { ECE285ReferenceChecks.forwardDifferenceError(of: .relu) },
            ReferenceValue(
                .ece285, "Q15 initial loss 'around .26' (MNIST-5k stand-in)", expected: 0.26,
                tolerance: .close(relative: 0, absolute: 0.04),
                howComputed: "lab text Q15: print(eval_loss(yinit, dtrain), 'should be around .26'), on all of MNIST; "
                    + "here np.random.seed(0) init_shallow(784, 64, 10) on the 4,000 MNIST-5k training digits in [-1, 1]"
            ) { try ECE285ReferenceChecks.initialLossOnDigits() },
        ]
        for (name, expected) in ECE285PublishedArrays.initShallowSeed0 {
            rows.append(
                ReferenceValue(
                    .ece285, "Q13 init_shallow(4, 3, 2) seed 0: \(name)", expected: expected, tolerance: .roundOff,
                    howComputed: "lab_reference.json ucsd.init_shallow_seed0_Ni4_Nh3_No2.\(name) (row-major): "
                        + "np.random.seed(0), draws b1, W1, b2, W2 with randn scaled by 1/sqrt((Ni+1)/2), 1/sqrt(Nh+1)"
                ) { ECE285ReferenceChecks.initShallowSeed0().named.first { $0.name == name }?.value.elements ?? [] })
        }
        return rows
    }
}

/// Computations behind the ECE 285 rows that take more than one call.
enum ECE285ReferenceChecks {
    /// The two activations whose derivative the lab checks by finite differences.
    enum Activation {
        case softmax, relu
    }

    /// `max |δ − (g(a + εe) − g(a)) / ε|` with `ε = 1e-6` on the seed-0 probe, the lab's
    /// Questions 11 and 12 check (a forward difference, as the lab's directional-derivative formula).
    static func forwardDifferenceError(of activation: Activation) -> Double {
        let lab = ECE285Assignment1()
        let (a, e) = ECE285ActivationProbe.inputs()
        let eps = 1e-6
        let shifted = a + eps * e
        let (delta, difference) =
            switch activation {
            case .softmax: (lab.softmaxp(a, e), (lab.softmax(shifted) - lab.softmax(a)) / eps)
            case .relu: (lab.relup(a, e), (lab.relu(shifted) - lab.relu(a)) / eps)
            }
        return abs(delta - difference).max()
    }

    /// `eval_loss(forwardprop_shallow(xtrain, netinit), dtrain)` with the seed-0 network, on the
    /// MNIST-5k training split standing in for the lab's 60,000 MNIST images.
    static func initialLossOnDigits() throws -> Double {
        let lab = ECE285Assignment1()
        let (images, labels) = try ECE285Data.load(.mnist5k, split: .train)
        var random = NumPyRandomState(seed: 0)
        let net = ECE285Network.initShallow(Ni: images.rows, Nh: ECE285Network.hiddenSize, No: 10, random: &random)
        let y = lab.forwardpropShallow(lab.normalizeMNISTImages(images), net)
        return lab.evalLoss(y, lab.labelToOneHot(labels, classes: 10))
    }

    /// `np.random.seed(0); init_shallow(4, 3, 2)`.
    static func initShallowSeed0() -> TwoLayerParameters {
        var random = NumPyRandomState(seed: 0)
        return ECE285Network.initShallow(Ni: 4, Nh: 3, No: 2, random: &random)
    }
}
