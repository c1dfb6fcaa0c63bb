// EnvironmentCheck: a smoke run of LabKit and the machine, as `labgrade doctor` shows it.
import Foundation
import LabKit

/// One line of the environment report: what was checked, whether it is usable, and the detail.
public struct EnvironmentCheck: Sendable, Hashable {
    /// What was checked, e.g. `Fashion-MNIST`.
    public let name: String
    /// Whether it works.
    public let passed: Bool
    /// What was found, or what to do about it.
    public let detail: String

    /// Runs every check: BLAS, LAPACK, the NumPy-compatible generator, each data set, the sandbox tool.
    public static func runAll(data locator: DataLocator = .standard) -> [EnvironmentCheck] {
        [blas(), lapack(), randomStreams()] + datasets(locator) + [sandboxTool()]
    }

    static func blas() -> EnvironmentCheck {
        let a = Matrix([[1, 2], [3, 4]])
        let product = a.dot(a.T)
        return EnvironmentCheck(
            name: "BLAS product", passed: product == Matrix([[5, 11], [11, 25]]),
            detail: "\(BLASConfiguration.coreName) kernel, \(BLASConfiguration.threads) thread(s)")
    }

    static func lapack() -> EnvironmentCheck {
        do {
            let x = try Matrix.solve(Matrix([[2, 1], [1, 3]]), Matrix(column: [3, 5]))
            let residual = (Matrix([[2, 1], [1, 3]]).dot(x) - Matrix(column: [3, 5])).abs().max()
            return EnvironmentCheck(name: "LAPACK solve", passed: residual < 1e-12, detail: "residual \(residual)")
        } catch {
            return EnvironmentCheck(name: "LAPACK solve", passed: false, detail: "\(error)")
        }
    }

    static func randomStreams() -> EnvironmentCheck {
        var random = NumPyRandomState(seed: 0)
        let first = random.randomSample()
        // np.random.seed(0); np.random.random_sample() is the best-known NumPy draw there is.
        return EnvironmentCheck(
            name: "NumPy random streams", passed: first == 0.5488135039273248,
            detail: "seed 0 first uniform \(first)")
    }

    static func datasets(_ locator: DataLocator) -> [EnvironmentCheck] {
        let loaders: [(String, () throws -> String)] = [
            ("Fashion-MNIST", {
                let train = try Datasets.fashionMNIST(split: .train, from: locator)
                let test = try Datasets.fashionMNIST(split: .test, from: locator)
                return "\(train.count) train + \(test.count) test images"
            }),
            ("MNIST-5k digits", { "\(try Datasets.mnist5k(split: .all, from: locator).count) images" }),
            ("ISLR Auto", { "\(try Datasets.auto(from: locator).rowCount) rows" }),
        ]
        return loaders.map { name, load in
            do {
                return EnvironmentCheck(name: name, passed: true, detail: try load())
            } catch {
                return EnvironmentCheck(name: name, passed: false, detail: "\(error)")
            }
        }
    }

    static func sandboxTool() -> EnvironmentCheck {
        let path = "/usr/bin/bwrap"
        let found = FileManager.default.isExecutableFile(atPath: path)
        return EnvironmentCheck(
            name: "bubblewrap sandbox", passed: found,
            detail: found ? path : "not found: run scripts/setup (apt-get install bubblewrap)")
    }
}
