import Testing
import TenderEvaluation

/// Rankings small enough to compute by hand, and tie handling checked against brute force.
@Suite("Ranking measures with ties")
struct TiedRankingTests {
    /// `"P"` positive, `"C"` camouflage, `"N"` background, each with its score.
    static func ranking(_ items: [(Double, Character)]) -> TiedRanking {
        TiedRanking(items.map { score, kind in
            (score: score, relevance: kind == "P" ? Relevance.positive : kind == "C" ? .camouflage : .background)
        })
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    @Test func perfectRanking() {
        let ranking = Self.ranking([(4, "P"), (3, "P"), (2, "N"), (1, "C")])
        let metrics = RankingMetrics(ranking)
        #expect(metrics.positives == 2 && metrics.negatives == 2 && metrics.camouflage == 1)
        #expect(metrics.atPlanted == RankingMetrics.AtK(k: 2, precision: 1, recall: 1, camouflageShare: 0))
        #expect(metrics.atTwicePlanted == RankingMetrics.AtK(k: 4, precision: 0.5, recall: 1, camouflageShare: 0.25))
        #expect(metrics.averagePrecision == 1)
        #expect(metrics.rocAUC == 1)
    }

    @Test func reversedRanking() {
        let metrics = RankingMetrics(Self.ranking([(4, "N"), (3, "C"), (2, "P"), (1, "P")]))
        #expect(metrics.atPlanted == RankingMetrics.AtK(k: 2, precision: 0, recall: 0, camouflageShare: 0.5))
        #expect(metrics.atTwicePlanted?.recall == 1)
        // Positives at ranks 3 and 4: (1/3 + 2/4) / 2.
        let expected: Double = (1.0 / 3 + 0.5) / 2
        #expect(Self.close(metrics.averagePrecision, expected))
        #expect(metrics.rocAUC == 0)
    }

    @Test func everythingTied() {
        let ranking = Self.ranking([(0, "N"), (0, "P"), (0, "N"), (0, "C")])
        #expect(ranking.groups.count == 1)
        #expect(Self.close(ranking.precision(atTop: 1), 0.25))
        #expect(Self.close(ranking.recall(atTop: 2), 0.5))
        #expect(Self.close(ranking.camouflageShare(atTop: 2), 0.25))
        // The positive is at each rank with chance 1/4: (1 + 1/2 + 1/3 + 1/4) / 4.
        #expect(Self.close(ranking.averagePrecision, 25.0 / 48))
        #expect(ranking.rocAUC == 0.5)
    }

    @Test func aTieStraddlingK() {
        // P, then P N N tied, then N.
        let ranking = Self.ranking([(5, "P"), (3, "N"), (3, "P"), (3, "N"), (1, "N")])
        // At k = 2 the second place holds the tied positive one time in three.
        let atTwo: Double = (1 + 1.0 / 3) / 2
        #expect(Self.close(ranking.precision(atTop: 2), atTwo))
        #expect(Self.close(ranking.recall(atTop: 2), atTwo))
        #expect(Self.close(ranking.precision(atTop: 4), 0.5))
        #expect(Self.close(ranking.recall(atTop: 4), 1))
        // Second positive at rank 2, 3 or 4: (1 + (2/2 + 2/3 + 2/4) / 3) / 2.
        let secondPositive: Double = (1 + 2.0 / 3 + 0.5) / 3
        #expect(Self.close(ranking.averagePrecision, (1 + secondPositive) / 2))
        // 3 wins for the first positive; the tied one: 1/2 + 1/2 + 1 over 6 pairs.
        #expect(Self.close(ranking.rocAUC, 5.0 / 6))
    }

    @Test func twoPositivesInOneTie() {
        // Orders PPN, PNP, NPP: AP 1, (1 + 2/3)/2, (1/2 + 2/3)/2.
        let ranking = Self.ranking([(1, "P"), (1, "P"), (1, "N")])
        let expected: Double = (1 + 5.0 / 6 + 7.0 / 12) / 3
        #expect(Self.close(ranking.averagePrecision, expected))
        #expect(ranking.rocAUC == 0.5)
    }

    @Test func procedureMissingFromTheReportRankLastTied() {
        let ranking = Self.ranking([(2, "P"), (1, "N"), (1, "C"), (-.infinity, "P"), (-.infinity, "N")])
        #expect(ranking.groups.map(\.size) == [1, 2, 2])
        #expect(Self.close(ranking.precision(atTop: 2), 0.5))
        #expect(Self.close(ranking.camouflageShare(atTop: 2), 0.25))
        #expect(Self.close(ranking.recall(atTop: 4), 0.75))
        // The missing positive is at rank 4 or 5.
        let missingPositive: Double = (2.0 / 4 + 2.0 / 5) / 2
        #expect(Self.close(ranking.averagePrecision, (1 + missingPositive) / 2))
        #expect(Self.close(ranking.rocAUC, 3.5 / 6))
    }

    @Test func nothingPlantedLeavesTheMeasuresUndefined() {
        let metrics = RankingMetrics(Self.ranking([(1, "N"), (0, "C")]))
        #expect(metrics.positives == 0)
        #expect(metrics.atPlanted == nil && metrics.atTwicePlanted == nil)
        #expect(metrics.averagePrecision == nil && metrics.rocAUC == nil)
        let onlyPositives = RankingMetrics(Self.ranking([(1, "P")]))
        #expect(onlyPositives.rocAUC == nil)
        #expect(onlyPositives.averagePrecision == 1)
        #expect(onlyPositives.atTwicePlanted?.precision == 0.5)  // k = 2 over one procedure: divided by k
    }

    /// The tie-aware measures equal their mean over every order of the tied procedures.
    @Test(arguments: [
        "PPN|NP|CNNP|N",
        "NNPC|P",
        "P|NNNNP|PN|CCP",
        "PNPNCP",
    ])
    func tieAwareMeasuresAreTheMeanOverAllOrders(layout: String) {
        // Groups separated by `|`, highest score first.
        let groups = layout.split(separator: "|").map(Array.init)
        var items: [(Double, Character)] = []
        for (index, group) in groups.enumerated() {
            for kind in group { items.append((Double(groups.count - index), kind)) }
        }
        let ranking = Self.ranking(items)
        let orders = Self.orders(groups)
        let positives = items.count { $0.1 == "P" }
        for k in [1, 3, positives, 2 * positives, items.count + 2] {
            let precision = orders.map { order in Double(order.prefix(k).count { $0 == "P" }) / Double(k) }
            #expect(Self.close(ranking.precision(atTop: k), precision.reduce(0, +) / Double(orders.count)))
            let camouflage = orders.map { order in Double(order.prefix(k).count { $0 == "C" }) / Double(k) }
            #expect(Self.close(ranking.camouflageShare(atTop: k), camouflage.reduce(0, +) / Double(orders.count)))
        }
        let averagePrecisions = orders.map { order -> Double in
            var found = 0
            var sum = 0.0
            for (rank, kind) in order.enumerated() where kind == "P" {
                found += 1
                sum += Double(found) / Double(rank + 1)
            }
            return sum / Double(positives)
        }
        #expect(Self.close(ranking.averagePrecision, averagePrecisions.reduce(0, +) / Double(orders.count)))
    }

    /// Every order of the items, each group's items permuted among themselves (as distinct items).
    static func orders(_ groups: [[Character]]) -> [[Character]] {
        groups.reduce([[]]) { prefixes, group in
            let permutations = permutations(Array(group.indices)).map { $0.map { group[$0] } }
            return prefixes.flatMap { prefix in permutations.map { prefix + $0 } }
        }
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
