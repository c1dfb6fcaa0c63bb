// MatrixLeaf: a matrix inside a request or reply tree, found by its path (e.g. `W1`, `weights[2]`).
import LabKit

/// Where one matrix sits in a tree: its path, its block and its shape.
struct MatrixLeaf: Hashable {
    /// The path, e.g. `W1` or `weights[0]`.
    var path: String
    /// The block holding its entries.
    var block: Int
    /// Rows.
    var rows: Int
    /// Columns.
    var cols: Int

    /// Every matrix in `tree`, in a stable order (object keys sorted).
    static func all(in tree: JSONTree, path: String = "") -> [MatrixLeaf] {
        switch tree {
        case .object(let fields):
            if case .number(let block)? = fields["block"], case .number(let rows)? = fields["rows"],
                case .number(let cols)? = fields["cols"]
            {
                return [MatrixLeaf(path: path, block: Int(block), rows: Int(rows), cols: Int(cols))]
            }
            return fields.keys.sorted().flatMap { all(in: fields[$0]!, path: path.isEmpty ? $0 : "\(path).\($0)") }
        case .array(let items):
            return items.enumerated().flatMap { all(in: $1, path: "\(path)[\($0)]") }
        default:
            return []
        }
    }

    /// The entry name of flat index `k`, e.g. `W1[2, 3]`.
    func entry(_ k: Int) -> String {
        rows == 1 && cols == 1 ? path : (rows == 1 || cols == 1 ? "\(path)[\(k)]" : "\(path)[\(k / cols), \(k % cols)]")
    }
}
