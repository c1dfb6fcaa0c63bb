// The VU image data the tests share, loaded once per test run (parsing MNIST-5k takes seconds in debug builds).
import LabKit

/// Cached loads of the VU lab's real data.
enum VUTestData {
    /// `VUData.loadMNIST5k()`: 3,500 training and 500 validation digits.
    static let mnist5k = Result { try VUData.loadMNIST5k() }
}
