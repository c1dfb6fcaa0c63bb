// swift-tools-version: 6.0
// labgrade: a grading harness for neural-network and backpropagation labs.
import PackageDescription

let package = Package(
    name: "labgrade",
    products: [
        // Dynamic, so that student code compiled with plain `swiftc` links `libLabKit.so`.
        .library(name: "LabKit", type: .dynamic, targets: ["LabKit"]),
        .executable(name: "labgrade", targets: ["labgrade"]),
        .executable(name: "labgrade-bench", targets: ["labgrade-bench"]),
        .executable(name: "labgrade-confine", targets: ["labgrade-confine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "LabKit", dependencies: ["COpenBLAS", "CZlib"]),
        // The sandbox helper and its seccomp filter: no Foundation, nothing of the grader, so the
        // helper that runs inside every sandbox starts fast and carries no reference solution.
        .target(name: "CConfinement"),
        .target(name: "Confinement", dependencies: ["CConfinement"]),
        .executableTarget(name: "labgrade-confine", dependencies: ["Confinement"]),
        .target(name: "Reference", dependencies: ["LabKit"], path: "reference"),
        .target(name: "Grader", dependencies: ["LabKit", "Reference", "Confinement", "CZlib"]),
        // Course-scale grading: submission sets, rosters, shards and the SQLite gradebook. GRDB stays
        // here, out of Grader, LabKit and the student SDK.
        .target(name: "BatchGrading", dependencies: ["Grader", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "labgrade",
            dependencies: [
                "Grader", "BatchGrading", "Reference", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "labgrade-bench", dependencies: ["LabKit", "Reference", "Grader", "BatchGrading", "COpenBLAS"]),
        .testTarget(name: "LabKitTests", dependencies: ["LabKit"]),
        .testTarget(name: "ConfinementTests", dependencies: ["Confinement", "CConfinement"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Reference", "LabKit"]),
        .testTarget(name: "GraderTests", dependencies: ["Grader", "LabKit", "CZlib"]),
        .testTarget(
            name: "BatchGradingTests", dependencies: ["BatchGrading", "Grader", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
