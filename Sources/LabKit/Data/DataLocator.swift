// DataLocator: decides which folders hold the real data sets, from the environment and the checkout.
import Foundation

/// Where `Datasets` looks for its files.
///
/// Data files (MNIST-5k, Auto) are looked for in `$LABGRADE_DATA` when that variable is set,
/// and only there, so a sandboxed run never picks up other data by accident; otherwise in
/// `<current directory>/.data`, then in the `.data` folder of the labgrade checkout LabKit was
/// built from (where `scripts/fetch-data` puts them). Fashion-MNIST is looked for in
/// `$LABGRADE_FASHION_MNIST` when set, and only there; otherwise in `fashion-mnist/` inside each
/// data folder, then in `/usr/share/datasets/fashion-mnist` (Debian's `dataset-fashion-mnist`).
/// A file is found raw or gzip'd (`name` or `name.gz`, either way round).
public struct DataLocator: Sendable, Equatable {
    /// The folders searched for data files, in order.
    public let dataFolders: [URL]
    /// The folders searched for the Fashion-MNIST IDX files, in order.
    public let fashionMNISTFolders: [URL]
    private let dataHint: String
    private let fashionHint: String

    /// The folder Debian's `dataset-fashion-mnist` installs into.
    public static let systemFashionMNISTFolder = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist")

    /// The locator for this process: its environment, its current directory, and this checkout.
    public static var standard: DataLocator {
        DataLocator(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            checkout: checkoutOfThisSource)
    }

    /// A locator for the given environment variables, current directory and labgrade checkout
    /// (`nil` when there is none to fall back on). Relative paths in variables are taken from
    /// `currentDirectory`.
    public init(environment: [String: String], currentDirectory: URL, checkout: URL?) {
        func folder(_ variable: String) -> URL? {
            guard let value = environment[variable], !value.isEmpty else { return nil }
            return URL(fileURLWithPath: value, relativeTo: currentDirectory).absoluteURL.standardizedFileURL
        }
        if let explicit = folder("LABGRADE_DATA") {
            dataFolders = [explicit]
            dataHint = ", or point LABGRADE_DATA (now \(explicit.path)) at the folder that holds it"
        } else {
            let candidates = [currentDirectory, checkout].compactMap { $0?.appendingPathComponent(".data") }
            dataFolders = candidates.reduce(into: []) { unique, url in
                if !unique.contains(url.standardizedFileURL) { unique.append(url.standardizedFileURL) }
            }
            dataHint = ", or set LABGRADE_DATA to the folder that holds it"
        }
        if let explicit = folder("LABGRADE_FASHION_MNIST") {
            fashionMNISTFolders = [explicit]
            fashionHint = ", or point LABGRADE_FASHION_MNIST (now \(explicit.path)) at the folder that holds it"
        } else {
            fashionMNISTFolders = dataFolders.map { $0.appendingPathComponent("fashion-mnist") }
                + [Self.systemFashionMNISTFolder]
            fashionHint = " (it installs dataset-fashion-mnist), "
                + "or set LABGRADE_FASHION_MNIST to the folder that holds it"
        }
    }

    /// The data file `name` of `dataset`, or `datasetNotFound` listing where it was looked for.
    public func dataFile(_ name: String, dataset: String) throws -> URL {
        try find(name, in: dataFolders, dataset: dataset, hint: dataHint)
    }

    /// The Fashion-MNIST file `name` (e.g. `train-images-idx3-ubyte`), raw or gzip'd.
    public func fashionMNISTFile(_ name: String) throws -> URL {
        try find(name, in: fashionMNISTFolders, dataset: "Fashion-MNIST (\(name))", hint: fashionHint)
    }

    private func find(_ name: String, in folders: [URL], dataset: String, hint: String) throws -> URL {
        let other = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name + ".gz"
        let candidates = folders.flatMap { [$0.appendingPathComponent(name), $0.appendingPathComponent(other)] }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw DataLoadError.datasetNotFound(
            dataset: dataset, searched: folders.map { $0.appendingPathComponent(name).path }, hint: hint)
    }

    /// The checkout this file was compiled in: `<checkout>/Sources/LabKit/Data/DataLocator.swift`.
    private static var checkoutOfThisSource: URL {
        (0..<4).reduce(URL(fileURLWithPath: #filePath)) { url, _ in url.deletingLastPathComponent() }
    }
}
