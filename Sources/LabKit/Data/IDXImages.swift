// IDXImages: a stack of 8-bit grey images read from an IDX file, and its conversion to a Matrix.

/// `count` images of `rows × cols` unsigned-byte pixels, stored image after image, row-major.
///
/// Made by `IDXFile.images()`. Pixel `(r, c)` of image `i` is `pixels[(i · rows + r) · cols + c]`.
public struct IDXImages: Sendable, Equatable {
    /// Number of images.
    public let count: Int
    /// Pixel rows per image (28 for MNIST).
    public let rows: Int
    /// Pixel columns per image (28 for MNIST).
    public let cols: Int
    /// All pixels, `count · rows · cols` bytes.
    public let pixels: [UInt8]

    /// The images as a `(count, rows · cols)` matrix, one flattened image per row, values 0...255.
    ///
    /// NumPy: `pixels.reshape(count, rows * cols).astype(np.float64)`. Scaling (for example `/ 255`)
    /// is left to the caller, as the labs differ in it.
    public var matrix: Matrix {
        Matrix(rows: count, cols: rows * cols, elements: PixelWidening.doubles(pixels))
    }
}
