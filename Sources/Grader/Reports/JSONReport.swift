// JSONReport: the whole result model as JSON, with the score totals.
import Foundation

/// labgrade's JSON report: every field of ``GradingResult`` plus `score` and `maxScore`.
enum JSONReport {
    private struct Document: Encodable {
        let result: GradingResult
        let score: Double
        let maxScore: Double

        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var totals = encoder.container(keyedBy: Keys.self)
            try totals.encode(score, forKey: .score)
            try totals.encode(maxScore, forKey: .maxScore)
        }

        enum Keys: String, CodingKey { case score, maxScore }
    }

    static func render(_ result: GradingResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(Document(result: result, score: result.score, maxScore: result.maxScore))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension GradingResult {
    /// The result a labgrade JSON report holds (as a gradebook keeps it); its totals are
    /// recomputed from the checks. Throws `DecodingError` naming the field when it is not one.
    public init(labgradeJSON text: String) throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        self = try decoder.decode(GradingResult.self, from: Data(text.utf8))
    }
}
