// RootCauses: a check that fails on an exercise built from another exercise that already fails
// points to that failure, so a student fixes the cause before its consequences.
import Foundation

extension CheckResult {
    /// The failing check of an exercise this check's exercise builds on.
    public struct RootCause: Sendable, Codable, Hashable {
        /// Its id.
        public var check: String
        /// Its title.
        public var title: String
        /// The exercise it calls.
        public var exercise: String
    }
}

enum RootCauses {
    /// `results` with every failing check whose exercise uses (directly or through others, as the
    /// manifest's `uses` says) an exercise with an earlier-listed failing check pointed to the first
    /// such check. A check the student cannot see is never named to a check they can.
    static func attach(_ results: [CheckResult], assignment: Assignment) -> [CheckResult] {
        let uses = Dictionary(assignment.exercises.map { ($0.id, $0.uses ?? []) }) { first, _ in first }
        return results.map { result in
            guard result.status != .pass, result.status != .notImplemented else { return result }
            let built = Self.closure(of: result.exercise, uses: uses)
            guard let cause = results.first(where: { candidate in
                built.contains(candidate.exercise) && candidate.status != .pass
                    && (candidate.visibility == .visible || candidate.visibility == result.visibility)
            }) else { return result }
            var explained = result
            explained.rootCause = CheckResult.RootCause(check: cause.id, title: cause.title, exercise: cause.exercise)
            let state = cause.status == .notImplemented ? "is not implemented yet (\(cause.id))" : "already fails \(cause.id) (\(cause.title))"
            let pointer = "This builds on \(cause.exercise), which \(state): that may be the cause here, so fix it first."
            explained.message = explained.message.isEmpty ? pointer : "\(explained.message)\n\(pointer)"
            return explained
        }
    }

    /// Every exercise `exercise` builds on, itself excluded.
    private static func closure(of exercise: String, uses: [String: [String]]) -> Set<String> {
        var found = Set<String>(), queue = uses[exercise] ?? []
        while let next = queue.popLast() {
            guard next != exercise, found.insert(next).inserted else { continue }
            queue += uses[next] ?? []
        }
        return found
    }
}
