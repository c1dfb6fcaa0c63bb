// HLCVDriver+Diagnosis: HLCV Exercise 2's batch layout and names for sizes, so diagnoses speak its notation.
import LabKit

extension HLCVDriver {
    /// HLCV: `X` is `(N, D)`, `W1` `(D, H)`, `W2` `(H, C)`.
    func diagnosisHints(for request: OracleRequest) -> DiagnosisHints {
        var sizes = [(symbol: String, value: Int)]()
        var samples: Int?
        if let X = request.leaf("X") {
            samples = X.rows
            sizes += [("N", X.rows), ("D", X.cols)]
        }
        if let W1 = request.leaf("parameters", "W1") { sizes.append(("H", W1.cols)) }
        if let W2 = request.leaf("parameters", "W2") { sizes.append(("C", W2.cols)) }
        return DiagnosisHints(samples: samples, sizes: sizes)
    }
}
