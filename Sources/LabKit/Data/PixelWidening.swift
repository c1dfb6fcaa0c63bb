// PixelWidening: converts stored 8-bit pixel values to the Doubles a Matrix holds, quickly.

/// Conversion of byte pixels to `Double`, in plain pointer loops.
///
/// `while` loops over raw pointers keep this fast even in unoptimised (debug and test) builds,
/// where generic iteration is not specialised and costs a call per element.
enum PixelWidening {
    /// Writes `count` bytes from `source` as `Double`s to `target`.
    static func widen(_ source: UnsafePointer<UInt8>, into target: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i < count {
            target[i] = Double(source[i])
            i += 1
        }
    }

    /// `bytes` as `Double`s, in one allocation.
    static func doubles(_ bytes: [UInt8]) -> [Double] {
        [Double](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            bytes.withUnsafeBufferPointer { source in
                if let from = source.baseAddress, let to = buffer.baseAddress {
                    widen(from, into: to, count: source.count)
                }
            }
            initialized = bytes.count
        }
    }
}
