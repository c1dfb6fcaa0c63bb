// The numbers VU Deep Learning Assignment 1 publishes, and how the reference solution recomputes them.
import LabKit

extension ReferenceValues {
    /// VU Assignment 1: the fixed network of Question 3, `load_synth` of Question 4, and Question 4's falling loss.
    static var vu: [ReferenceValue] {
        let fixed = "scalarForwardBackward on VUFixedNetwork (x = [1, −1], target 0)"
        return [
            ReferenceValue(
                .vu, "Q3 loss of the fixed network", expected: 0.6931471805599453, tolerance: .roundOff,
                howComputed: "reference-values README 3a: loss = ln 2; \(fixed)"
            ) { VUReferenceChecks.fixedPass.loss },
            ReferenceValue(
                .vu, "Q3 dW of the fixed network", expected: [0, 0, 0, 0, 0, 0], tolerance: .roundOff,
                howComputed: "reference-values README 3a: dW all 0 (2×3, row-major); \(fixed)"
            ) { VUReferenceChecks.fixedPass.gradients.W1.elements },
            ReferenceValue(
                .vu, "Q3 db of the fixed network", expected: [0, 0, 0], tolerance: .roundOff,
                howComputed: "reference-values README 3a: db = [0, 0, 0]; \(fixed)"
            ) { VUReferenceChecks.fixedPass.gradients.b1.elements },
            ReferenceValue(
                .vu, "Q3 dV of the fixed network",
                expected: Array(repeating: [-0.44039853898894116, 0.44039853898894116], count: 3).flatMap { $0 },
                tolerance: .roundOff,
                howComputed: "reference-values README 3a: dV rows [−0.4404…, 0.4404…] ×3 (3×2, row-major); \(fixed)"
            ) { VUReferenceChecks.fixedPass.gradients.W2.elements },
            ReferenceValue(
                .vu, "Q3 dc of the fixed network", expected: [-0.5, 0.5], tolerance: .roundOff,
                howComputed: "reference-values README 3a: dc = [−0.5, 0.5]; \(fixed)"
            ) { VUReferenceChecks.fixedPass.gradients.b2.elements },
        ] + synthRows + [
            ReferenceValue(
                .vu, "Q4 scalar SGD: last epoch's mean loss over the first epoch's", expected: 1, tolerance: .below(1),
                howComputed: "lab text: 'show that the training loss drops'; trainScalar on load_synth() training rows, "
                    + "2-3-2 net from TwoLayerParameters.standardNormal continuing the seed-0 stream, lr 0.001, 5 epochs (the report's)"
            ) {
                let result = VUReferenceChecks.scalarTraining()
                return (result.epochLosses.last ?? .nan) / (result.epochLosses.first ?? .nan)
            },
        ]
    }

    /// The `load_synth` rows: bit-exact NumPy draws and labels (reference-values README 3b).
    private static var synthRows: [ReferenceValue] {
        let bitExact = Tolerance.close(relative: 0, absolute: 0)
        let how = "reference-values README 3b (load_synth, seed 0, np.int read as int); VUData.loadSynth(), bit for bit"
        func row(_ name: String, _ expected: [Double], _ compute: @escaping @Sendable (VUData) -> [Double])
            -> ReferenceValue
        {
            ReferenceValue(.vu, "Q4 load_synth seed 0: \(name)", expected: expected, tolerance: bitExact, howComputed: how) {
                compute(VUReferenceChecks.synth)
            }
        }
        return [
            row(
                "xtrain[0:5]",
                [
                    1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675,
                    -0.977277879876411, 0.9500884175255894, -0.1513572082976979, -0.10321885179355784, 0.41059850193837233,
                ]
            ) { $0.xtrain[rows: 0..<5].elements },
            row("q[0:5]", [3.846534344944587, 5.050153901385865, 2.1359347108692686, 0.7752190089307295, 0.03782815266087264]) {
                VUData.quadraticForm($0.xtrain[rows: 0..<5])
            },
            row("ytrain[0:5]", [1, 1, 1, 1, 0]) { $0.ytrain[0..<5].map(Double.init) },
            row("xtrain[59999]", [-0.03572203447462481, 0.17320019051405272]) { $0.xtrain.row(59_999).elements },
            row(
                "xval[0:3]",
                [1.8565897595745247, -1.5049403046906484, 0.9150194458221718, -1.2461922625842414, -0.6568403693309367, 0.857679176466462]
            ) { $0.xval[rows: 0..<3].elements },
            row("yval[0:3]", [1, 0, 0]) { $0.yval[0..<3].map(Double.init) },
            row("xval[9999]", [1.0937455514480714, -0.20996169601805517]) { $0.xval.row(9_999).elements },
            row("class-1 counts (train, val)", [33_494, 5_622]) {
                [Double($0.ytrain.reduce(0, +)), Double($0.yval.reduce(0, +))]
            },
            row("sizes (train rows, val rows, classes)", [60_000, 10_000, 2]) {
                [Double($0.xtrain.rows), Double($0.xval.rows), Double($0.numClasses)]
            },
        ]
    }
}

/// Computations behind the VU rows that take more than one call.
enum VUReferenceChecks {
    /// Question 3's pass on the fixed network.
    static var fixedPass: VUPass {
        VUAssignment1().scalarForwardBackward(x: VUFixedNetwork.x, target: VUFixedNetwork.target, VUFixedNetwork.parameters)
    }

    /// `load_synth()` with its defaults, made once.
    static let synth = VUData.loadSynth()

    /// Question 4 as the report runs it: `load_synth()`, then a 2-3-2 network drawn from the
    /// generator `load_synth` reseeded, 5 epochs of scalar SGD at learning rate 0.001.
    static func scalarTraining() -> VUTrainingResult {
        var random = NumPyRandomState(seed: 0)
        let data = VUData.loadSynth(random: &random)
        let initial = VUInitialisation.standardNormal(inputs: 2, hidden: 3, outputs: 2, random: &random)
        return VUAssignment1().trainScalar(data.xtrain, labels: data.ytrain, from: initial, learningRate: 0.001, epochs: 5)
    }
}
