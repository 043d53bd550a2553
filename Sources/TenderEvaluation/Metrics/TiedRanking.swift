/// A ranking by score in which procedures with equal scores are tied: their order among
/// themselves means nothing (a report breaks such ties by id), so every measure taken on it
/// is its expectation over the orders of each tie group, all equally likely.
public struct TiedRanking: Sendable, Hashable {
    /// Procedures of one score.
    public struct Group: Sendable, Hashable {
        public var score: Double
        public var positives = 0
        public var camouflage = 0
        public var background = 0

        public var size: Int { positives + camouflage + background }
        public var negatives: Int { camouflage + background }
    }

    /// Highest score first.
    public private(set) var groups: [Group] = []
    public private(set) var positives = 0
    public private(set) var camouflage = 0
    public private(set) var background = 0

    public var negatives: Int { camouflage + background }
    public var count: Int { positives + negatives }

    /// Groups `items` by score. Scores must not be NaN; `-infinity` ranks below every finite
    /// score (the place of a procedure the report does not list).
    public init(_ items: some Sequence<(score: Double, relevance: Relevance)>) {
        let sorted = items.sorted { $0.score > $1.score }
        for item in sorted {
            precondition(!item.score.isNaN, "a NaN score has no rank")
            if groups.last?.score != item.score { groups.append(Group(score: item.score)) }
            let last = groups.count - 1
            switch item.relevance {
            case .positive:
                groups[last].positives += 1
                positives += 1
            case .camouflage:
                groups[last].camouflage += 1
                camouflage += 1
            case .background:
                groups[last].background += 1
                background += 1
            }
        }
    }

    /// The expected number of procedures counted by `members` among the first `k`: whole
    /// groups above rank `k`, and of the group straddling it the share `(k − above) / size`.
    public func expectedCount(inTop k: Int, of members: (Group) -> Int) -> Double {
        var above = 0
        var expected = 0.0
        for group in groups {
            guard above < k else { break }
            if above + group.size <= k {
                expected += Double(members(group))
            } else {
                expected += Double(k - above) * Double(members(group)) / Double(group.size)
            }
            above += group.size
        }
        return expected
    }

    /// Expected share of positives among the first `k` (precision@k); `nil` for `k` ≤ 0.
    /// Divided by `k` even when fewer procedures are ranked.
    public func precision(atTop k: Int) -> Double? {
        guard k > 0 else { return nil }
        return expectedCount(inTop: k) { $0.positives } / Double(k)
    }

    /// Expected share of all positives found among the first `k` (recall@k); `nil` without positives.
    public func recall(atTop k: Int) -> Double? {
        guard positives > 0, k >= 0 else { return nil }
        return expectedCount(inTop: k) { $0.positives } / Double(positives)
    }

    /// Expected share of camouflage procedures among the first `k`; `nil` for `k` ≤ 0.
    public func camouflageShare(atTop k: Int) -> Double? {
        guard k > 0 else { return nil }
        return expectedCount(inTop: k) { $0.camouflage } / Double(k)
    }

    /// Average precision, exactly its expectation over the orders of tied procedures (the
    /// tie-aware AP of McSherry & Najork, ECIR 2008); `nil` without positives.
    ///
    /// A positive at place `j` of a group of `n` procedures holding `p` positives, after `r`
    /// procedures of which `c` positives, has precision `(c + 1 + E[positives before it in
    /// its group]) / (r + j)`, and that expectation is `(j − 1)(p − 1)/(n − 1)` (the other
    /// places of the group are filled at random). Each place holds a positive with
    /// probability `p / n`, so AP = (1/P) Σ_groups (p/n) Σ_j (c + 1 + (j − 1)(p − 1)/(n − 1)) / (r + j).
    public var averagePrecision: Double? {
        guard positives > 0 else { return nil }
        var sum = 0.0
        var above = 0
        var positivesAbove = 0
        for group in groups {
            if group.positives > 0 {
                let size = Double(group.size)
                let others = group.size > 1 ? Double(group.positives - 1) / (size - 1) : 0
                var precisions = 0.0
                for place in 1...group.size {
                    precisions += (Double(positivesAbove) + 1 + Double(place - 1) * others) / Double(above + place)
                }
                sum += Double(group.positives) / size * precisions
            }
            above += group.size
            positivesAbove += group.positives
        }
        return sum / Double(positives)
    }

    /// Area under the ROC curve: the chance that a random positive ranks above a random
    /// negative, a tie counting 1/2 (the expectation over tie orders); `nil` unless there are
    /// positives and negatives.
    public var rocAUC: Double? {
        guard positives > 0, negatives > 0 else { return nil }
        var negativesBelow = negatives
        var wins = 0.0
        for group in groups {
            negativesBelow -= group.negatives
            wins += Double(group.positives) * (Double(negativesBelow) + 0.5 * Double(group.negatives))
        }
        return wins / (Double(positives) * Double(negatives))
    }
}
