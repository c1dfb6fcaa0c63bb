// FuzzTargets: the host's readers of untrusted bytes, as fuzzer targets.
import Foundation
import LabKit

#if canImport(Glibc)
import Glibc
#endif

/// The wire decoder (a frame read from a pipe with the host's cap, then decoded as a reply with
/// its values) and the archive reader (zip, tar and tar.gz unpacked into a scratch folder).
public enum FuzzTargets {
    /// The host's frame cap when reading an oracle's answer.
    static let frameCap = 256 << 20

    /// Oracle replies: a matrix, a scalar, a failure, a learning curve.
    public static func wire() -> MutationFuzzer.Target {
        let seeds: [[UInt8]] = [
            try! OracleReply(id: 1, value: Matrix([[1, 2, 3], [4, 5, 6]])).frame.encoded(),
            try! OracleReply(id: 2, value: 0.5).frame.encoded(),
            try! OracleReply(id: 3, failure: .notImplemented).frame.encoded(),
            try! OracleReply(id: 4, value: WireSeries(wrappedValue: [0.9, 0.5, 0.25])).frame.encoded(),
            try! OracleReply(id: 5, failure: .threw("boom")).frame.encoded(),
        ]
        return MutationFuzzer.Target(name: "wire decoder", seeds: seeds) { input in
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { return "no pipe" }
            defer { close(fds[0]) }
            // The inputs fit the pipe's buffer (64 KiB), so the whole input is written before it is read.
            _ = input.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            close(fds[1])
            do {
                let reply = try OracleReply(frame: WirePipe(descriptor: fds[0], maximumPayload: frameCap).read(timeout: 1))
                if reply.failure == nil {
                    _ = try? reply.value(Matrix.self)
                    _ = try? reply.value(Double.self)
                    _ = try? reply.value(WireSeries.self)
                }
                return nil
            } catch {
                return "\(error)"
            }
        }
    }

    /// Archives: a zip (stored and deflated), a tar and a tar.gz of a small submission; unpacked
    /// under `scratch`, each input into a fresh folder that is removed afterwards.
    public static func archives(scratch: URL) -> [MutationFuzzer.Target] {
        let members = [
            ArchiveWriter.Member("Sources/Submission/Q1aScores.swift", "import LabKit\nstruct A {}\n"),
            ArchiveWriter.Member("Sources/Submission/", kind: .directory),
            ArchiveWriter.Member("README.md", "notes"),
        ]
        let formats: [(String, ArchiveUnpacker.Format, [[UInt8]])] = [
            ("zip reader", .zip, [ArchiveWriter.zip(members), ArchiveWriter.zip(members, deflate: true)]),
            ("tar reader", .tar, [ArchiveWriter.tar(members)]),
            ("tar.gz reader", .gzippedTar, [ArchiveWriter.gzip(ArchiveWriter.tar(members))]),
        ]
        return formats.map { name, format, seeds in
            MutationFuzzer.Target(name: name, seeds: seeds) { input in
                let folder = scratch.appendingPathComponent("fuzz-\(UUID().uuidString.prefix(8))")
                guard mkdir(folder.path, 0o700) == 0 else { return "no scratch folder" }
                defer { FileTree.remove(folder) }
                do {
                    _ = try ArchiveUnpacker.unpack(input, format: format, into: folder, limits: ArchiveLimits())
                    return nil
                } catch {
                    return "\(error)"
                }
            }
        }
    }
}
