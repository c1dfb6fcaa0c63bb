// swift-tools-version: 6.0
// ECE 285 Assignment 1 starter: implement the exercises in Sources/Submission/, check them with `swift test`, then `labgrade check`.
import PackageDescription

let package = Package(
    name: "ECE285Assignment1",
    dependencies: [
        // LabKit comes from the labgrade checkout this starter ships in.
        .package(name: "labgrade", path: "../../..")
    ],
    targets: [
        .target(
            name: "Submission",
            dependencies: [.product(name: "LabKit", package: "labgrade")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // `swift test`: the lab's published numbers, checked against your solution.
        .testTarget(
            name: "SubmissionTests",
            dependencies: ["Submission", .product(name: "LabKit", package: "labgrade")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
