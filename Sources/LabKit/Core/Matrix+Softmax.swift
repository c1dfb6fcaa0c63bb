// Softmax and log-sum-exp along an axis, shifted by the maximum so large scores cannot overflow.

extension Matrix {
    /// The softmax along `axis` (1: each row sums to one; 0: each column), with each row's (or
    /// column's) maximum subtracted before `exp`, so scores in the thousands give the right
    /// probabilities rather than NaN.
    ///
    /// NumPy: `e = np.exp(a - a.max(axis=axis, keepdims=True)); e / e.sum(axis=axis, keepdims=True)`.
    public func softmax(axis: Int) -> Matrix {
        var out = self
        out -= max(axis: axis)
        out.formExp()
        out /= out.sum(axis: axis)
        return out
    }

    /// `log Σ exp` along `axis`, kept as a column (axis 1) or a row (axis 0): the maximum plus the
    /// log of the shifted sum, finite for any finite scores.
    ///
    /// NumPy: `m = a.max(axis=axis, keepdims=True); m + np.log(np.exp(a - m).sum(axis=axis, keepdims=True))`.
    public func logSumExp(axis: Int) -> Matrix {
        let maxima = max(axis: axis)
        var out = self
        out -= maxima
        out.formExp()
        var sums = out.sum(axis: axis)
        sums.formLog()
        sums += maxima
        return sums
    }
}
