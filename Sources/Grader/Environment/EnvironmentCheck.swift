// EnvironmentCheck: a smoke run of LabKit and the machine, as `labgrade doctor` shows it.
import Confinement
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

    /// Runs every check: BLAS, LAPACK, the NumPy-compatible generator, each data set, each layer of the sandbox.
    public static func runAll(data locator: DataLocator = .standard, toolchain: Toolchain = .current) -> [EnvironmentCheck] {
        [blas(), lapack(), randomStreams()] + datasets(locator) + sandboxLayers(toolchain)
    }

    static func blas() -> EnvironmentCheck {
        let a = Matrix([[1, 2], [3, 4]])
        let product = a.dot(a.T)
        let fallback = BLASKernel.fallbackReplacement
        var detail = "\(BLASConfiguration.kernelDescription), \(BLASConfiguration.threads) thread(s)"
        if let fallback { detail += " — a fallback: this CPU runs \(fallback) (unset OPENBLAS_CORETYPE, or set it to \(fallback))" }
        return EnvironmentCheck(name: "BLAS product", passed: product == Matrix([[5, 11], [11, 25]]) && fallback == nil, detail: detail)
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

    /// One line per layer of the sandbox gradings get here, each failing (with what is missing)
    /// when the layer is not in force.
    static func sandboxLayers(_ toolchain: Toolchain) -> [EnvironmentCheck] {
        let sandbox: Sandbox
        let user: SandboxUser?
        do {
            let runtime = try SandboxRuntime.shared(products: toolchain.products)
            user = try SandboxUser.borrow(locks: runtime.userLocks)
            defer { user?.release(helper: runtime.helper) }
            sandbox = try Sandbox(limits: SandboxLimits(), products: toolchain.products, user: user)
        } catch {
            return [EnvironmentCheck(name: "sandbox", passed: false, detail: "\(error)")]
        }
        let layers = sandbox.layers
        let bubblewrap = sandbox.isolation == .bubblewrap
        return [
            EnvironmentCheck(
                name: "sandbox isolation", passed: bubblewrap,
                detail: bubblewrap ? layers.isolation : "limits-only: \(sandbox.runtime.bubblewrapProblem ?? "asked for") (scripts/setup installs bubblewrap)"),
            EnvironmentCheck(
                name: "sandbox user", passed: user != nil || bubblewrap,
                detail: user != nil ? "each grading a uid of its own (\(SandboxUser.range))" : "labgrade's own (not root), hidden by namespaces"),
            EnvironmentCheck(
                name: "control groups", passed: sandbox.runtime.controlGroups != nil,
                detail: sandbox.runtime.controlGroups == nil ? "none: memory is capped by address space only" : layers.controlGroups),
            EnvironmentCheck(name: "disk quota", passed: true, detail: layers.quota),
            EnvironmentCheck(name: "seccomp filter", passed: SeccompFilter.isSupported, detail: layers.seccomp),
        ]
    }
}
