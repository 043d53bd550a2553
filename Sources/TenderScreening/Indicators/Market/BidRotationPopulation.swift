import TenderModel

/// What `bid-rotation` folds: per market, per loser and winner, the lots the loser lost to
/// the winner, those with both prices usable, and those it lost by a narrow margin.
public struct BidRotationPopulation: IndicatorPopulation {
    let rule: BidRotationRule
    var losses: [MarketPair: LossTally] = [:]

    init(rule: BidRotationRule) {
        self.rule = rule
    }

    mutating func add(_ procedure: Procedure, coverMargin: Double) {
        for lot in procedure.awardUnits {
            guard let market = procedure.market(of: lot), let winners = lot.result?.winners, winners.count == 1 else {
                continue
            }
            let winnerKeys = Set(winners[0].tenderers.map(\.organization.key).filter(\.isStable))
            let winningPrice = procedure.price(of: winners[0])
            for loser in procedure.identifiedTenderers(in: lot) where !loser.won && !winnerKeys.contains(loser.key) {
                let gap = winningPrice.flatMap { loser.gap(above: $0) }
                for winner in winnerKeys.sorted() {
                    // `first` lost to `second`.
                    losses[MarketPair(market: market, first: loser.key, second: winner), default: LossTally()]
                        .add(gap: gap, coverMargin: coverMargin)
                }
            }
        }
    }

    public mutating func merge(_ other: BidRotationPopulation) {
        losses.merge(other.losses) { $0 + $1 }
    }

    public func finalize() -> RotationPairs {
        rule.pairs(from: losses)
    }
}

/// How one tenderer lost to another in one market.
struct LossTally: Sendable, Hashable {
    var losses = 0
    /// Losses with both prices usable.
    var priced = 0
    /// Priced losses within the cover margin of the winning price.
    var close = 0

    mutating func add(gap: Double?, coverMargin: Double) {
        losses += 1
        guard let gap else { return }
        priced += 1
        if abs(gap) <= coverMargin { close += 1 }
    }

    static func + (lhs: LossTally, rhs: LossTally) -> LossTally {
        LossTally(losses: lhs.losses + rhs.losses, priced: lhs.priced + rhs.priced, close: lhs.close + rhs.close)
    }
}

/// The settings of `bid-rotation` that finalising needs.
struct BidRotationRule: Sendable, Hashable {
    var minimumTurns: Int
    var significance: Double
    var minimumPricedLosses: Int

    /// Pairs that took turns beating each other narrowly, more often than chance allows.
    func pairs(from losses: [MarketPair: LossTally]) -> RotationPairs {
        let priced = losses.values.reduce(0) { $0 + $1.priced }
        let close = losses.values.reduce(0) { $0 + $1.close }
        let rate = priced == 0 ? 0 : Double(close) / Double(priced)
        guard priced >= minimumPricedLosses, priced > 0 else {
            return RotationPairs(pricedLosses: priced, closeLosses: close, closeRate: rate,
                                 judged: .notJudged("only \(priced) priced losses in the input "
                                     + "(fewer than \(minimumPricedLosses))"))
        }
        var pairs: [MarketPair: RotationPair] = [:]
        for (pair, firstLost) in losses where pair.first < pair.second && firstLost.close >= minimumTurns {
            let reverse = MarketPair(market: pair.market, first: pair.second, second: pair.first)
            guard let secondLost = losses[reverse], secondLost.close >= minimumTurns else { continue }
            let chance = binomialUpperTail(firstLost.close + secondLost.close, of: firstLost.priced + secondLost.priced,
                                           rate: rate)
            if chance <= significance {
                pairs[pair] = RotationPair(firstLost: firstLost, secondLost: secondLost, chance: chance)
            }
        }
        return RotationPairs(pricedLosses: priced, closeLosses: close, closeRate: rate, pairs: pairs, judged: .judged)
    }
}

/// Two tenderers that beat each other in turn: `firstLost` counts the losses of the pair's
/// first key to its second, `secondLost` the reverse.
struct RotationPair: Sendable, Hashable {
    var firstLost: LossTally
    var secondLost: LossTally
    var chance: Double
}

/// The rotating pairs of the input.
public struct RotationPairs: Sendable, PopulationDescribing {
    var pricedLosses = 0
    var closeLosses = 0
    var closeRate = 0.0
    /// Keyed by the pair in key order.
    var pairs: [MarketPair: RotationPair] = [:]
    var judged: PopulationJudgement

    /// The rotation pair of `loser` and `winner` in `market`, with the losses each way.
    func pair(market: String, loser: OrganizationKey, winner: OrganizationKey)
        -> (loserLost: LossTally, winnerLost: LossTally, chance: Double)? {
        let ordered = loser < winner
        let key = MarketPair(market: market, first: min(loser, winner), second: max(loser, winner))
        guard let pair = pairs[key] else { return nil }
        return ordered ? (pair.firstLost, pair.secondLost, pair.chance) : (pair.secondLost, pair.firstLost, pair.chance)
    }

    public var description: Evidence {
        Evidence(["pricedLosses": .integer(pricedLosses), "closeLosses": .integer(closeLosses),
                  "closeRate": .ratio(closeRate), "rotationPairs": .integer(pairs.count)])
    }
}
