// NameSuggestion: finds the existing name closest to a mistyped one, for "did you mean" hints.

/// The closest match to a misspelt name, by edit distance ignoring case.
enum NameSuggestion {
    /// The name in `candidates` closest to `name`, or nil when none is within a third of its
    /// length (at least 2 edits), so that unrelated names are not suggested.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        let scored = candidates.map { (name: $0, distance: editDistance(target, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(2, target.count / 3) ? best.name : nil
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
