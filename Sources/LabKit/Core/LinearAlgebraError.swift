// LinearAlgebraError: why a LAPACK solve could not produce an answer.

/// A linear system LAPACK could not solve, with what to check.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The matrix is singular: `U[pivot, pivot]` of its LU factorisation is exactly zero (1-based, as LAPACK).
    case singular(pivot: Int)
    /// The matrix is not positive definite: the leading minor of this order is not positive.
    case notPositiveDefinite(order: Int)
    /// The least-squares matrix does not have full rank: diagonal entry `index` of R is zero.
    case rankDeficient(index: Int)
    /// LAPACK rejected argument `index` (a LabKit bug if it ever happens).
    case illegalArgument(routine: String, index: Int)

    /// What went wrong and what to try.
    public var description: String {
        switch self {
        case .singular(let pivot):
            return "the matrix is singular (zero pivot at position \(pivot)); check for repeated or all-zero columns"
        case .notPositiveDefinite(let order):
            return "the matrix is not positive definite (leading minor of order \(order)); use solve(_:_:) for general matrices"
        case .rankDeficient(let index):
            return "the matrix does not have full column rank (R[\(index), \(index)] = 0); remove dependent columns"
        case .illegalArgument(let routine, let index):
            return "LAPACK \(routine) rejected argument \(index)"
        }
    }
}
