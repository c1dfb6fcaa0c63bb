// OracleRequest+Leaf: the matrices of a request's arguments by name, which the labs' diagnosis hints read sizes from.
import LabKit

extension OracleRequest {
    /// The first matrix under argument `name` (and field `field`), if any.
    func leaf(_ name: String, _ field: String? = nil) -> MatrixLeaf? {
        guard let tree = arguments[name] else { return nil }
        let leaves = MatrixLeaf.all(in: tree)
        return field.map { field in leaves.first { $0.path == field } } ?? leaves.first
    }
}
