// CrashDiagnosis: a program that trapped on an instance is told which instance — its shapes, an
// empty argument, the lab's own counts (K = 0 hidden layers) — and the trap in Swift's words.
import Foundation
import LabKit

extension Diagnosis {
    /// The diagnosis for a program that stopped with a Swift runtime trap on `request`, or `nil`
    /// when it ended another way (an exit code, a kill) that says nothing about the instance.
    /// `summary` is the lab's description of the instance (e.g. `K = 0 hidden layers`) and
    /// `assumes` what code that fails on it typically takes for granted.
    static func crash(
        on request: OracleRequest, signal: Int32?, stderr: String, summary: (text: String, assumes: String)?
    ) -> Diagnosis? {
        let trapLine = stderr.split(separator: "\n").last { $0.contains("Fatal error") }
        guard trapLine != nil || signal == SIGILL || signal == SIGTRAP else { return nil }
        let trap = trapLine.map { line -> String in
            let words = line[line.range(of: "Fatal error")!.lowerBound...]
            return "the trap says \"\(words.trimmingCharacters(in: .whitespaces))\""
        } ?? "a Swift runtime trap (an index out of range, an empty range, a failed precondition)"
        let shape = InstanceShape(request)
        var text = "The program trapped on the instance with \(summary.map { "\($0.text); " } ?? "")\(shape.text): \(trap)."
        if trapLine?.contains("shape mismatch") == true {
            text += " Consistent with a matrix of another shape than the lab's: compare the shapes of each product and sum with these."
        } else if let summary {
            text += " Consistent with code that \(summary.assumes)."
        } else if !shape.empty.isEmpty {
            text += " \(shape.empty.joined(separator: ", ")) \(shape.empty.count == 1 ? "is" : "are") empty: consistent with code that "
                + "takes a first or last element, or a range 1...n, without checking for none."
        } else if trapLine == nil {
            // Without the trap's own words, the shapes are the lead.
            text += " Consistent with an index or a size taken from the published instance: compare your loops with these shapes."
        }
        return Diagnosis(.crashed, text)
    }
}

/// The arguments of a request as a report names them: `X (4, 3), labels: 4 numbers, reg = 0.05`.
struct InstanceShape {
    /// Every argument, in name order.
    var text: String
    /// The arguments (or matrices inside them) that have no entries.
    var empty: [String]

    init(_ request: OracleRequest) {
        var parts = [String](), empty = [String]()
        for name in request.arguments.keys.sorted() {
            let tree = request.arguments[name]!
            let leaves = MatrixLeaf.all(in: tree, path: name)
            empty += leaves.filter { $0.rows == 0 || $0.cols == 0 }.map(\.path)
            switch tree {
            case .number(let value):
                parts.append("\(name) = \(Diagnosis.format(value))")
            case .array(let items) where items.isEmpty:
                parts.append("\(name) empty")
                empty.append(name)
            case .array(let items) where leaves.isEmpty:
                parts.append("\(name): \(items.count) \(items.count == 1 ? "value" : "values")")
            default:
                let shown = leaves.prefix(6).map { "\($0.path) (\($0.rows), \($0.cols))" }
                if !shown.isEmpty { parts.append(shown.joined(separator: ", ") + (leaves.count > 6 ? " and \(leaves.count - 6) more" : "")) }
            }
        }
        text = parts.joined(separator: ", ")
        self.empty = empty
    }
}
