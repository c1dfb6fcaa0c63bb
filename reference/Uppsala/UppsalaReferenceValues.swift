// The numbers Uppsala Lab 1 publishes (with the reference-values README's), and how the reference recomputes them.
import LabKit

extension ReferenceValues {
    /// Uppsala Lab 1: the toy model (Task 3.2), the K-layer network (Tasks 3.3–3.6) and the
    /// Auto linear regression (Task 3.1).
    static var uppsala: [ReferenceValue] {
        UppsalaReferenceRows.toyModel + UppsalaReferenceRows.network + UppsalaReferenceRows.autoRegression
    }
}

/// The Uppsala rows, section by section.
enum UppsalaReferenceRows {
    /// Where the toy model's numbers come from.
    private static let toySource =
        "README 1b (full precision of the notebook's %3.3f 'true values'); reference toy passes at x 2.3, y 2.0"

    /// Task 3.2: every forward value, every backward derivative and the eight parameter derivatives.
    static var toyModel: [ReferenceValue] {
        let forward: [(String, Double)] = [
            ("f0", 1.23), ("h1", 0.9424888019316975), ("f1", 1.623004479227321), ("h2", 5.068295051170775),
            ("f2", 7.13659010234155), ("h3", 0.6574213694719748), ("f3", 2.3722641084159246),
            ("l_i", 0.13858056641470326),
        ]
        let backward: [(String, Double)] = [
            ("dldf3", 0.7445282168318492), ("dldh3", 2.2335846504955477), ("dldf2", -1.6830577496003047),
            ("dldh2", -3.3661154992006095), ("dldf1", -17.060466526267692), ("dldh1", 6.824186610507077),
            ("dldf0", 2.280900622169349),
        ]
        let parameters: [(String, Double)] = [
            ("beta0", 2.280900622169349), ("beta1", -17.060466526267692), ("beta2", -1.6830577496003047),
            ("beta3", 0.7445282168318492), ("omega0", 5.246071430989502), ("omega1", -16.079298656737866),
            ("omega2", -8.530233263133846), ("omega3", 0.48946875992012173),
        ]
        var rows = forward.map { name, value in
            ReferenceValue(
                .uppsala, "Task 3.2 forward \(name)", expected: value, tolerance: .roundOff, howComputed: toySource
            ) {
                UppsalaReferenceChecks.toyForward().named.first { $0.name == name }?.value ?? .nan
            }
        }
        rows += backward.map { name, value in
            ReferenceValue(
                .uppsala, "Task 3.2 backward \(name)", expected: value, tolerance: .roundOff, howComputed: toySource
            ) {
                UppsalaReferenceChecks.toyBackward().named.first { $0.name == name }?.value ?? .nan
            }
        }
        rows += parameters.map { name, value in
            ReferenceValue(
                .uppsala, "Task 3.2 dld\(name)", expected: value, tolerance: .roundOff, howComputed: toySource
            ) {
                UppsalaReferenceChecks.toyParameterGradients().named.first { $0.name == name }?.value ?? .nan
            }
        }
        let (p, x, y) = (UppsalaToyModel.parameters, UppsalaToyModel.x, UppsalaToyModel.y)
        rows += [
            ReferenceValue(
                .uppsala, "Task 3.2 given closed form dldomega0_func", expected: 5.246071430989503,
                tolerance: .roundOff,
                howComputed: "README 1b; the notebook's hand-derived formula (given code), one ulp off backprop"
            ) { UppsalaToyModel.closedFormDLDOmega0(x: x, y: y, p) },
            ReferenceValue(
                .uppsala, "Task 3.2 given forward difference dldomega0_fd", expected: 5.246318355867086,
                tolerance: .close(relative: 1e-9, absolute: 0),
                howComputed: "README 1b; (loss(ω0 + 1e-5) − loss(ω0)) / 1e-5 (given code). rtol 1e-9: the difference "
                    + "of two losses divided by 1e-5 magnifies their last-bit rounding to about 1e-12"
            ) { UppsalaToyModel.forwardDifferenceDLDOmega0(x: x, y: y, p) },
        ]
        return rows
    }
}
