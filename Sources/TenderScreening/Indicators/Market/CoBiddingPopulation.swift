import TenderModel

/// What `co-bidding-ring` folds: per market and per pair of tenderers, the lots where both
/// tendered with a price, how many of those saw both priced close to the winning tender,
/// and who won those.
public struct CoBiddingPopulation: IndicatorPopulation {
    let rule: CoBiddingRule
    var pairs: [MarketPair: PairCoBids] = [:]

    init(rule: CoBiddingRule) {
        self.rule = rule
    }

    mutating func add(_ procedure: Procedure, coverMargin: Double) {
        for lot in procedure.awardUnits {
            guard let market = procedure.market(of: lot), let winning = procedure.pricedWinningTender(of: lot) else {
                continue
            }
            let winners = winning.tender.tenderers.map(\.organization.key).filter(\.isStable)
            let priced = procedure.identifiedTenderers(in: lot).compactMap { tenderer in
                tenderer.gap(above: winning.price).map { (tenderer, $0) }
            }
            for (index, (first, firstGap)) in priced.enumerated() {
                for (second, secondGap) in priced[(index + 1)...] where second.tender != first.tender {
                    // Partners of one consortium tender together, not against each other.
                    let close = abs(firstGap) <= coverMargin && abs(secondGap) <= coverMargin
                    pairs[MarketPair(market: market, first: first.key, second: second.key), default: PairCoBids()]
                        .add(close: close, winners: winners)
                }
            }
        }
    }

    public mutating func merge(_ other: CoBiddingPopulation) {
        pairs.merge(other.pairs) { $0 + $1 }
    }

    public func finalize() -> CoBiddingRings {
        rule.rings(from: pairs)
    }
}

/// Two tenderers in one market; `first` sorts before `second`.
struct MarketPair: Sendable, Hashable {
    var market: String
    var first: OrganizationKey
    var second: OrganizationKey
}

/// What two tenderers did in the lots of one market where both tendered with a price.
struct PairCoBids: Sendable, Hashable {
    /// Lots where both tendered, both prices usable, with one priced winning tender.
    var priced = 0
    /// Of those, lots where both were within the cover margin of the winning price.
    var close = 0
    /// Who won the close lots.
    var winners: [OrganizationKey: Int] = [:]

    mutating func add(close isClose: Bool, winners lotWinners: [OrganizationKey]) {
        priced += 1
        guard isClose else { return }
        close += 1
        for winner in lotWinners { winners[winner, default: 0] += 1 }
    }

    static func + (lhs: PairCoBids, rhs: PairCoBids) -> PairCoBids {
        PairCoBids(priced: lhs.priced + rhs.priced, close: lhs.close + rhs.close,
                   winners: lhs.winners.merging(rhs.winners, uniquingKeysWith: +))
    }
}
