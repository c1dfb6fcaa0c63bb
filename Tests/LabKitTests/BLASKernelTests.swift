// The OpenBLAS kernel choice, on the recorded feature sets of several CPUs: the newest family
// each CPU runs and the library offers, never an older one than the library chose itself, and
// never over a user's own OPENBLAS_CORETYPE.
import Foundation
import LabKit
import XCTest

final class BLASKernelTests: XCTestCase {
    private static let cpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/cpus")

    private func cpu(_ name: String) throws -> BLASKernel.CPU? {
        BLASKernel.CPU(cpuinfo: try String(contentsOf: Self.cpus.appendingPathComponent(name + ".txt"), encoding: .utf8))
    }

    /// Everything Debian's OpenBLAS 0.3.21 offers on x86-64.
    private let everything: (String) -> Bool = { _ in true }

    func testEachRecordedCPUGetsTheNewestFamilyItRuns() throws {
        let expected: [String: String?] = [
            "xeon-avx512-bf16-this-machine": "COOPERLAKE", "skylake-sp-xeon-gold-6148": "SKYLAKEX", "zen4-epyc-9654": "COOPERLAKE",
            "haswell-core-i7-4770": "HASWELL", "zen2-epyc-7742": "ZEN", "sandy-bridge-xeon-e5-2670": "SANDYBRIDGE",
            "penryn-core2-duo-e8400": nil,
        ]
        for (name, family) in expected {
            let recorded = try XCTUnwrap(try cpu(name), name)
            XCTAssertEqual(BLASKernel.preferred(for: recorded, offers: everything), family, name)
        }
        XCTAssertNil(try cpu("arm64-neoverse-n1"), "an arm64 cpuinfo has no x86 flags: nothing to choose")
    }

    func testAFamilyTheLibraryDoesNotOfferFallsToTheNextOne() throws {
        let xeon = try XCTUnwrap(try cpu("xeon-avx512-bf16-this-machine"))
        XCTAssertEqual(BLASKernel.preferred(for: xeon, offers: { $0 != "COOPERLAKE" }), "SKYLAKEX")
        XCTAssertEqual(BLASKernel.preferred(for: xeon, offers: { !["COOPERLAKE", "SKYLAKEX"].contains($0) }), "HASWELL")
    }

    func testTheFallbackIsReplacedButNeverABetterChoiceOrTheUsers() throws {
        let xeon = try XCTUnwrap(try cpu("xeon-avx512-bf16-this-machine"))
        XCTAssertEqual(BLASKernel.replacement(for: "Prescott", cpu: xeon, environment: [:], offers: everything), "COOPERLAKE")
        XCTAssertNil(BLASKernel.replacement(for: "Cooperlake", cpu: xeon, environment: [:], offers: everything))
        XCTAssertNil(BLASKernel.replacement(for: "Prescott", cpu: xeon, environment: ["OPENBLAS_CORETYPE": "Haswell"], offers: everything))
        let haswell = try XCTUnwrap(try cpu("haswell-core-i7-4770"))
        XCTAssertNil(BLASKernel.replacement(for: "Haswell", cpu: haswell, environment: [:], offers: everything))
        XCTAssertEqual(BLASKernel.replacement(for: "Prescott", cpu: haswell, environment: [:], offers: everything), "HASWELL")
        XCTAssertNil(BLASKernel.replacement(for: "Prescott", cpu: nil, environment: [:], offers: everything))
    }

    func testThisMachinesLibraryOffersItsFamilies() {
        XCTAssertTrue(BLASKernel.libraryOffers("HASWELL"))
        XCTAssertFalse(BLASKernel.libraryOffers("NOSUCHCORE"))
    }

    func testThisProcessRunsTheKernelsItsCPUDeserves() throws {
        // scripts/test starts the suite with the choice labgrade makes (or the user's own).
        XCTAssertNil(BLASKernel.fallbackReplacement, "OpenBLAS runs \(BLASConfiguration.coreName) here; run the tests through scripts/test")
    }
}
