/// "Did you mean …?" for misspelt keys and ids.
enum Suggestion {
    /// The candidate closest to `word`, if close enough to be a likely typo (a quarter of
    /// its letters wrong at most, `_` taken for `-`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased().replacingUnderscores.utf8)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().utf8))
            if distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, target.count / 4) else { return nil }
        return best.candidate
    }

    /// ` (did you mean x?)`, or `; known: a, b, c` when nothing is close.
    static func hint(for word: String, in candidates: [String]) -> String {
        if let closest = closest(to: word, in: candidates) { return " (did you mean \(closest)?)" }
        return candidates.isEmpty ? "" : "; known: " + candidates.joined(separator: ", ")
    }

    /// Levenshtein distance.
    private static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
