// OutputCapture: drains a child's stdout or stderr, keeping only the first bytes.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a pipe to its end on a background thread, keeping at most `limit` bytes.
///
/// The child is never blocked on a full pipe and the host never holds more than `limit` bytes,
/// however much a submission prints.
final class OutputCapture: @unchecked Sendable {
    private let descriptor: Int32
    private let limit: Int
    private let lock = NSLock()
    private var kept = [UInt8]()
    private var total = 0
    private var ended = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts draining `descriptor`, which this object closes when the pipe ends.
    init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.limit = limit
        let thread = Thread { [self] in drain() }
        thread.start()
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            lock.lock()
            if kept.count < limit { kept.append(contentsOf: buffer[0..<Swift.min(n, limit - kept.count)]) }
            total += n
            lock.unlock()
        }
        close(descriptor)
        lock.lock()
        ended = true
        lock.unlock()
        finished.signal()
    }

    /// Waits (at most `timeout` seconds) for the pipe to end, then returns the kept text.
    func text(waiting timeout: Double) -> CapturedOutput {
        lock.lock()
        let alreadyEnded = ended
        lock.unlock()
        // The semaphore is signalled once; after the first wait has taken it, `ended` says so.
        if !alreadyEnded && finished.wait(timeout: .now() + timeout) == .success { finished.signal() }
        lock.lock()
        defer { lock.unlock() }
        return CapturedOutput(text: String(decoding: kept, as: UTF8.self), totalBytes: total)
    }
}

/// What a child printed on one stream.
public struct CapturedOutput: Sendable, Hashable, Codable {
    /// The first bytes, as text (invalid UTF-8 replaced).
    public var text: String
    /// How many bytes were printed in all.
    public var totalBytes: Int

    /// Whether more was printed than kept.
    public var truncated: Bool { totalBytes > text.utf8.count }
}
