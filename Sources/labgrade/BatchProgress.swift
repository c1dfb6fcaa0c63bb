// BatchProgress: shows a running batch — one updating bar on a terminal, plain lines otherwise.
import BatchGrading
import Foundation
import Grader
import Synchronization

/// Renders ``BatchEvent``s as they arrive from the batch's workers.
///
/// On a terminal: a single line redrawn in place (`[#####-----] 35/200  elapsed 1:02  ETA 4:40
/// 2 failed`), with failures and missing students printed above it. Elsewhere (a log file, a
/// scheduler's output): one line per student, `graded alice 35/35 (2.1 s)`. Colour only on a
/// terminal, and never when NO_COLOR is set.
final class BatchProgress: Sendable {
    private struct State {
        var total = 0
        var done = 0
        var failed = 0
        var start = Date()
        var lineWidth = 0
        /// Redraws the bar every second on a terminal, so elapsed time and ETA move between gradings.
        var ticker: (any DispatchSourceTimer)?
    }

    private let output: FileHandle
    private let interactive: Bool
    private let colour: Bool
    private let state = Mutex(State())

    /// Progress written to `output`.
    init(output: FileHandle, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.output = output
        interactive = isatty(output.fileDescriptor) == 1
        colour = interactive && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// Shows `event`.
    func show(_ event: BatchEvent) {
        state.withLock { state in
            switch event {
            case .started(let plan, let batch):
                state.total = plan.toGrade.count
                state.start = Date()
                announce(plan, batch: batch, state: &state)
                if interactive && state.total > 0 { state.ticker = tick() }
            case .missing(let student):
                line("missing \(TerminalText.visible(student))", state: &state)
            case .graded(let student, let result):
                state.done += 1
                if !interactive {
                    line("graded \(TerminalText.visible(student)) \(Self.points(result.score))/\(Self.points(result.maxScore)) (\(String(format: "%.1f", result.seconds)) s)", state: &state)
                }
            case .failed(let student, let reason):
                state.done += 1
                state.failed += 1
                // The first line says what went wrong; the rest (a tool's output) is in the gradebook.
                let first = reason.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? reason
                line(paint("failed", red: true) + " \(TerminalText.visible(student)): \(TerminalText.visible(first))", state: &state)
            }
            if interactive && state.total > 0 { bar(&state) }
        }
    }

    /// Ends the display with the batch's totals.
    func finish(_ summary: BatchRunner.Summary, gradebook: URL) {
        state.withLock { state in
            state.ticker?.cancel()
            state.ticker = nil
            if interactive && state.lineWidth > 0 { write("\n") }
            state.lineWidth = 0
            let median = summary.gradingSeconds.sorted().dropFirst(summary.gradingSeconds.count / 2).first
            var parts = ["graded \(summary.graded) in \(Self.clock(summary.seconds))"]
            if let median { parts[0] += String(format: " (median %.1f s per submission)", median) }
            if summary.failed > 0 { parts.append(paint("\(summary.failed) failed (a rerun tries them again)", red: true)) }
            if !summary.plan.alreadyGraded.isEmpty { parts.append("\(summary.plan.alreadyGraded.count) already graded") }
            if !summary.plan.missing.isEmpty { parts.append("\(summary.plan.missing.count) missing") }
            write(parts.joined(separator: "; ") + "\ngradebook: \(gradebook.path)\n")
        }
    }

    private func tick() -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in
            self?.state.withLock { state in
                if state.ticker != nil && state.lineWidth > 0 { self?.bar(&state) }
            }
        }
        timer.resume()
        return timer
    }

    private func announce(_ plan: BatchPlan, batch: BatchRecord, state: inout State) {
        let shard = batch.shardCount > 1 ? ", shard \(batch.shardIndex)/\(batch.shardCount)" : ""
        var text = "batch \(batch.id ?? 0): \(batch.assignment), seed \(batch.seed)\(shard): \(plan.toGrade.count) to grade"
        if !plan.alreadyGraded.isEmpty { text += ", \(plan.alreadyGraded.count) already graded" }
        if !plan.missing.isEmpty { text += ", \(plan.missing.count) missing" }
        line(text, state: &state)
        if !plan.notOnRoster.isEmpty {
            warn("not on the roster (graded all the same): \(plan.notOnRoster.joined(separator: ", "))", state: &state)
        }
        for entry in plan.skippedEntries { warn("skipped \(entry)", state: &state) }
    }

    /// Prints `text` on its own line, above the bar on a terminal.
    private func line(_ text: String, state: inout State) {
        clearBar(&state)
        write(text + "\n")
    }

    /// Prints a warning on standard error.
    private func warn(_ text: String, state: inout State) {
        clearBar(&state)
        FileHandle.standardError.write(Data("\(paint("warning:", red: true)) \(text)\n".utf8))
    }

    private func bar(_ state: inout State) {
        let width = 24, elapsed = Date().timeIntervalSince(state.start)
        let filled = state.total == 0 ? width : width * state.done / state.total
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(state.done)/\(state.total)  elapsed \(Self.clock(elapsed))"
        if state.done > 0 && state.done < state.total {
            text += "  ETA \(Self.clock(elapsed / Double(state.done) * Double(state.total - state.done)))"
        }
        if state.failed > 0 { text += "  " + paint("\(state.failed) failed", red: true) }
        let visible = text.count - (colour && state.failed > 0 ? 9 : 0)
        write("\r" + text + String(repeating: " ", count: max(0, state.lineWidth - visible)))
        state.lineWidth = visible
    }

    private func clearBar(_ state: inout State) {
        guard interactive && state.lineWidth > 0 else { return }
        write("\r" + String(repeating: " ", count: state.lineWidth) + "\r")
        state.lineWidth = 0
    }

    private func paint(_ text: String, red: Bool) -> String {
        colour && red ? "\u{1B}[31m\(text)\u{1B}[0m" : text
    }

    private func write(_ text: String) {
        output.write(Data(text.utf8))
    }

    /// `35` or `17.5`.
    static func points(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// `1:02` or `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}
