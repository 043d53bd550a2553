import TenderModel

/// The settings of `co-bidding-ring` that finalising needs.
struct CoBiddingRule: Sendable, Hashable {
    var minimumCoBids: Int
    var significance: Double
    var minimumMembers: Int
    var maximumMembers: Int
    var minimumGroupWins: Double
    var minimumPricedCoBids: Int

    /// Strong pairs, joined into rings per market.
    func rings(from pairs: [MarketPair: PairCoBids]) -> CoBiddingRings {
        let priced = pairs.values.reduce(0) { $0 + $1.priced }
        let close = pairs.values.reduce(0) { $0 + $1.close }
        let rate = priced == 0 ? 0 : Double(close) / Double(priced)
        guard priced >= minimumPricedCoBids, priced > 0 else {
            return CoBiddingRings(pricedCoBids: priced, closeCoBids: close, closeRate: rate,
                                  judged: .notJudged("only \(priced) priced co-bids in the input "
                                      + "(fewer than \(minimumPricedCoBids))"))
        }
        // A pair is strong when it priced close together often, and more often than chance
        // allows given how often any two co-bidders of the input do.
        var strong: [String: [(pair: MarketPair, tally: PairCoBids, chance: Double)]] = [:]
        for (pair, tally) in pairs where tally.close >= minimumCoBids {
            let chance = binomialUpperTail(tally.close, of: tally.priced, rate: rate)
            if chance <= significance { strong[pair.market, default: []].append((pair, tally, chance)) }
        }
        var rings: [CoBiddingRingFacts] = []
        var oversized = 0
        for market in strong.keys.sorted() {
            let edges = strong[market]!.sorted { ($0.pair.first, $0.pair.second) < ($1.pair.first, $1.pair.second) }
            var number = 0
            for component in Self.components(of: edges.map { ($0.pair.first, $0.pair.second) }) {
                guard component.count <= maximumMembers else {
                    oversized += 1
                    continue
                }
                guard component.count >= minimumMembers else { continue }
                let members = Set(component)
                let inside = edges.filter { members.contains($0.pair.first) }
                let candidate = CoBiddingRingFacts(market: market, members: component,
                                                   pairs: inside.map { RingPair(pair: $0.pair, tally: $0.tally, chance: $0.chance) })
                guard candidate.winningMembers >= 2, candidate.groupWinShare >= minimumGroupWins else { continue }
                number += 1
                var ring = candidate
                ring.id = market + " #" + String(number)
                rings.append(ring)
            }
        }
        return CoBiddingRings(pricedCoBids: priced, closeCoBids: close, closeRate: rate,
                              strongPairs: strong.values.reduce(0) { $0 + $1.count }, oversized: oversized,
                              rings: rings, judged: .judged)
    }

    /// Connected components of the graph `edges`, each sorted, in order of their first member.
    static func components(of edges: [(OrganizationKey, OrganizationKey)]) -> [[OrganizationKey]] {
        var parent: [OrganizationKey: OrganizationKey] = [:]
        func root(_ key: OrganizationKey) -> OrganizationKey {
            var key = key
            while let up = parent[key], up != key { key = up }
            return key
        }
        for (first, second) in edges {
            if parent[first] == nil { parent[first] = first }
            if parent[second] == nil { parent[second] = second }
            let (a, b) = (root(first), root(second))
            // The smaller key leads, so the result does not depend on the order of edges.
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [OrganizationKey: [OrganizationKey]] = [:]
        for key in parent.keys { groups[root(key), default: []].append(key) }
        return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

/// One strong pair of a ring, for evidence.
struct RingPair: Sendable, Hashable {
    var pair: MarketPair
    var tally: PairCoBids
    /// The binomial chance of that many close co-bids or more.
    var chance: Double
}

/// A ring: tenderers of one market joined by strong pairs, with what evidence reports of it
/// (worked out once: read when finalising and for every lot judged).
struct CoBiddingRingFacts: Sendable {
    /// `FRA 45 #1`.
    var id = ""
    let market: String
    let members: [OrganizationKey]
    let pairs: [RingPair]
    /// The close co-bid lots each member won, at least (the most seen beside any one member).
    let memberWins: [(key: OrganizationKey, wins: Int)]
    let winningMembers: Int
    /// The ring's close co-bid lots, at least (the most of any one pair).
    let coBids: Int
    /// Of the strong pairs' close co-bids, the share won by a member.
    let groupWinShare: Double

    init(market: String, members: [OrganizationKey], pairs: [RingPair]) {
        self.market = market
        self.members = members
        self.pairs = pairs
        memberWins = members.map { member in (member, pairs.map { $0.tally.winners[member] ?? 0 }.max() ?? 0) }
        winningMembers = memberWins.filter { $0.wins > 0 }.count
        coBids = pairs.map(\.tally.close).max() ?? 0
        let memberSet = Set(members)
        let total = pairs.reduce(0) { $0 + $1.tally.close }
        let inside = pairs.reduce(0) { sum, pair in
            sum + pair.tally.winners.filter { memberSet.contains($0.key) }.values.reduce(0, +)
        }
        groupWinShare = total == 0 ? 0 : Double(inside) / Double(total)
    }
}

/// The rings of the input and how they were found.
public struct CoBiddingRings: Sendable, PopulationDescribing {
    var pricedCoBids = 0
    var closeCoBids = 0
    var closeRate = 0.0
    var strongPairs = 0
    /// Components of strong pairs too large to be a ring.
    var oversized = 0
    var rings: [CoBiddingRingFacts] = []
    var judged: PopulationJudgement

    /// Per market, per member, the ring it belongs to (index into `rings`).
    private(set) var ringOf: [String: [OrganizationKey: Int]] = [:]

    init(pricedCoBids: Int = 0, closeCoBids: Int = 0, closeRate: Double = 0, strongPairs: Int = 0, oversized: Int = 0,
         rings: [CoBiddingRingFacts] = [], judged: PopulationJudgement) {
        self.pricedCoBids = pricedCoBids
        self.closeCoBids = closeCoBids
        self.closeRate = closeRate
        self.strongPairs = strongPairs
        self.oversized = oversized
        self.rings = rings
        self.judged = judged
        for (index, ring) in rings.enumerated() {
            for member in ring.members { ringOf[ring.market, default: [:]][member] = index }
        }
    }

    public var description: Evidence {
        Evidence(["pricedCoBids": .integer(pricedCoBids), "closeCoBids": .integer(closeCoBids),
                  "closeRate": .ratio(closeRate), "strongPairs": .integer(strongPairs),
                  "oversizedGroups": .integer(oversized), "rings": .integer(rings.count),
                  "ringMembers": .integer(rings.reduce(0) { $0 + $1.members.count })])
    }
}
