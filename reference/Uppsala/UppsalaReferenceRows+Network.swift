// The published numbers of Tasks 3.3–3.6 (the K-layer ReLU network) as ReferenceValues rows.
import LabKit

extension UppsalaReferenceRows {
    /// udlbook 7.2 and the Uppsala notebook (Tasks 3.3–3.6).
    static var network: [ReferenceValue] {
        udlbook + task33 + task34 + task35 + task36
    }

    /// A row per layer of `∂L/∂β` and for `∂L/∂Ω_0`, `∂L/∂Ω_K`, from `run`.
    private static func gradientRows(
        _ prefix: String, biases: [[Double]], W0: [Double], WK: [Double], source: String,
        run: @escaping @Sendable () -> UppsalaReferenceChecks.NetworkRun
    ) -> [ReferenceValue] {
        var rows = biases.enumerated().map { layer, expected in
            ReferenceValue(
                .uppsala, "\(prefix) dL/db\(layer)", expected: expected, tolerance: .roundOff, howComputed: source
            ) {
                run().gradients.biases[layer].elements
            }
        }
        let K = biases.count - 1
        rows.append(
            ReferenceValue(.uppsala, "\(prefix) dL/dW0", expected: W0, tolerance: .roundOff, howComputed: source) {
                run().gradients.weights[0].elements
            })
        rows.append(
            ReferenceValue(.uppsala, "\(prefix) dL/dW\(K)", expected: WK, tolerance: .roundOff, howComputed: source) {
                run().gradients.weights[K].elements
            })
        return rows
    }

    /// The udlbook original (input 1.2, target 20, cost not divided by I: the same with one sample).
    private static var udlbook: [ReferenceValue] {
        let source = "README 1c, udlbook 7.2 column; seed-0 network, input 1.2, target 20, reference forward/backward"
        let (input, y) = UppsalaNetworkSetup.udlbookData()
        return [
            ReferenceValue(
                .uppsala, "Task 3.3 udlbook 7.2 output", expected: 1.906604997729403, tolerance: .roundOff,
                howComputed: source + " (notebook prints 'True output = 1.907')"
            ) {
                UppsalaReferenceChecks.udlbook().output[0, 0]
            },
            ReferenceValue(
                .uppsala, "Task 3.3 udlbook 7.2 cost", expected: 327.3709427081906, tolerance: .roundOff,
                howComputed: source + "; sum of squares, equal to the /I cost with one sample"
            ) {
                UppsalaReferenceChecks.udlbook().cost
            },
            ReferenceValue(
                .uppsala, "Task 3.3 udlbook 7.2 forward-difference check: tensors that match", expected: 12,
                tolerance: .roundOff,
                howComputed: "README 1c: all 12 pass; δ 1e-6 one-sided, allclose rtol 1e-5, atol 1e-8"
            ) {
                UppsalaReferenceChecks.matchingTensors(
                    input, y, UppsalaNetworkSetup.network(), .leastSquares,
                    check: UppsalaForwardDifferenceCheck(relativeTolerance: 1e-5, absoluteTolerance: 1e-8))
            },
        ]
            + gradientRows(
                "Task 3.3 udlbook 7.2",
                biases: [
                    [
                        -4.4859487556554924, 4.947444659487175, 6.811528751851823, -3.8834628061538528,
                        -24.93526671528312, 0,
                    ],
                    [0, -11.296896081669242, 0, 0, -10.721770787897048, 0],
                    [0, 0, 0.9378865854831568, 0, -9.993352941785815, 0.507566422190971],
                    [0, -4.799953101238755, -1.6613597510127596, 0, 3.3934542786013644, 5.390964399379986],
                    [0, 0, 0, 0, -5.212474461102878, 0],
                    [-36.186790004541194],
                ],
                W0: [
                    -5.383138506786591, 5.9369335913846095, 8.173834502222187, -4.660155367384623, -29.922320058339743,
                    0,
                ],
                WK: [0, 0, 0, 0, -400.3302544699673, 0], source: source, run: UppsalaReferenceChecks.udlbook)
    }

    /// The Uppsala notebook with one sample (reseed 0: input and target are the first two draws).
    private static var task33: [ReferenceValue] {
        let source = "README 1c, Uppsala column; seed-0 network, reseed 0, input/target normal(0,1), cost /I"
        let (input, y) = UppsalaNetworkSetup.leastSquaresData(samples: 1)
        return [
            ReferenceValue(
                .uppsala, "Task 3.3 output", expected: 2.7566939251527236, tolerance: .roundOff,
                howComputed: source + " (notebook prints 'True output = 2.757')"
            ) {
                UppsalaReferenceChecks.uppsala(samples: 1).output[0, 0]
            },
            ReferenceValue(
                .uppsala, "Task 3.3 cost", expected: 5.553265297558186, tolerance: .roundOff, howComputed: source
            ) {
                UppsalaReferenceChecks.uppsala(samples: 1).cost
            },
            ReferenceValue(
                .uppsala, "Task 3.3 forward-difference check: tensors that match", expected: 12, tolerance: .roundOff,
                howComputed: "README 1c: 'All derivatives match'; δ 1e-6 one-sided, allclose rtol 1e-3, atol 1e-7"
            ) {
                UppsalaReferenceChecks.matchingTensors(input, y, UppsalaNetworkSetup.network(), .leastSquares)
            },
        ]
            + gradientRows(
                "Task 3.3",
                biases: [
                    [
                        0.5842630944051002, -0.6443696715228271, -0.8871534390955683, 0.5057935611212792,
                        3.2476421119436107, 0,
                    ],
                    [0, 1.4713408068979312, 0, 0, 1.3964348054893434, 0],
                    [0, 0, -0.12215309368939775, 0, 1.3015635334418632, -0.0661069362576991],
                    [0, 0.6251599393313454, 0.21638035606694442, 0, -0.4419734164458038, -0.7021349804405511],
                    [0, 0, 0, 0, 0.678887928515028, 0],
                    [4.713073433571001],
                ],
                W0: [
                    1.0306706823476437, -1.136701830720256, -1.5649851054698185, 0.8922463180713316, 5.729010686437506,
                    0,
                ],
                WK: [0, 0, 0, 0, 79.95490352499581, 0], source: source
            ) { UppsalaReferenceChecks.uppsala(samples: 1) }
    }

    /// Several samples as columns (`n_samples` 2 and 5).
    private static var task34: [ReferenceValue] {
        let source = "README 1c Task 3.4 table; reseed 0, input draws then target draws, samples as columns, cost /I"
        let published: [(samples: Int, output: [Double], cost: Double, db5: Double)] = [
            (2, [2.7566939251527227, 0.7011539332897915], 2.765962167647231, 0.23821667513531697),
            (
                5, [2.7566939251527227, 0.7011539332897915, 1.5731388024095514, 3.4753455403352174, 2.912688315875881],
                7.208995370952263, 4.516075015026748
            ),
        ]
        let (input, y) = UppsalaNetworkSetup.leastSquaresData(samples: 5)
        return published.flatMap { n, output, cost, db5 in
            [
                ReferenceValue(
                    .uppsala, "Task 3.4 n=\(n) outputs", expected: output, tolerance: .roundOff, howComputed: source
                ) {
                    UppsalaReferenceChecks.uppsala(samples: n).output.elements
                },
                ReferenceValue(
                    .uppsala, "Task 3.4 n=\(n) cost", expected: cost, tolerance: .roundOff, howComputed: source
                ) {
                    UppsalaReferenceChecks.uppsala(samples: n).cost
                },
                ReferenceValue(
                    .uppsala, "Task 3.4 n=\(n) dL/db5", expected: db5, tolerance: .roundOff, howComputed: source
                ) {
                    UppsalaReferenceChecks.uppsala(samples: n).gradients.biases[5].elements[0]
                },
            ]
        } + [
            ReferenceValue(
                .uppsala, "Task 3.4 n=5 forward-difference check: tensors that match", expected: 12,
                tolerance: .roundOff,
                howComputed: "lab_reference.json uppsala_backprop_n5 allclose flags (all true); rtol 1e-3, atol 1e-7"
            ) {
                UppsalaReferenceChecks.matchingTensors(input, y, UppsalaNetworkSetup.network(), .leastSquares)
            }
        ]
    }

    /// Task 3.5: the n = 5 run with the samples as rows gives the same numbers.
    private static var task35: [ReferenceValue] {
        let source = "README 1c: 'Task 3.5 (rows = samples): the same numbers, transposed'; inputs (5, 1), rows cost /I"
        return [
            ReferenceValue(
                .uppsala, "Task 3.5 n=5 outputs (rows)",
                expected: [
                    2.7566939251527227, 0.7011539332897915, 1.5731388024095514, 3.4753455403352174, 2.912688315875881,
                ],
                tolerance: .roundOff, howComputed: source
            ) { UppsalaReferenceChecks.uppsalaRows(samples: 5).output.elements },
            ReferenceValue(
                .uppsala, "Task 3.5 n=5 cost (rows)", expected: 7.208995370952263, tolerance: .roundOff,
                howComputed: source
            ) { UppsalaReferenceChecks.uppsalaRows(samples: 5).cost },
            ReferenceValue(
                .uppsala, "Task 3.5 n=5 dL/db5 (rows)", expected: 4.516075015026748, tolerance: .roundOff,
                howComputed: source
            ) { UppsalaReferenceChecks.uppsalaRows(samples: 5).gradients.biases[5].elements[0] },
        ]
    }

    /// Task 3.6 on this port's configuration (the lab fixes none).
    private static var task36: [ReferenceValue] {
        let source =
            "README 1c Task 3.6 (our config: K 5, D 6, D_i 1, D_o 3, n 5; targets eye(3)[choice(3, 5)].T "
            + "continuing the reseeded stream)"
        let (input, y) = UppsalaNetworkSetup.crossEntropyData()
        return [
            ReferenceValue(
                .uppsala, "Task 3.6 cross-entropy cost", expected: 2.7399536171216687, tolerance: .roundOff,
                howComputed: source + "; mean over columns of logsumexp(f) − ỹᵀf"
            ) {
                UppsalaReferenceChecks.crossEntropy().cost
            },
            ReferenceValue(
                .uppsala, "Task 3.6 dL/db5",
                expected: [0.05006217921767208, 0.14993755928871394, -0.19999973850638605],
                tolerance: .roundOff, howComputed: source + "; (softmax(f) − ỹ)/I summed over columns"
            ) {
                UppsalaReferenceChecks.crossEntropy().gradients.biases[5].elements
            },
            ReferenceValue(
                .uppsala, "Task 3.6 forward-difference check: tensors that match", expected: 12, tolerance: .roundOff,
                howComputed: "README 1c: all 12 FD checks pass at rtol 1e-3, atol 1e-7"
            ) {
                UppsalaReferenceChecks.matchingTensors(
                    input, y, UppsalaNetworkSetup.network(outputDimension: UppsalaNetworkSetup.classes), .crossEntropy)
            },
        ]
    }
}
