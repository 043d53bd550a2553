import TenderModel

/// What `cover-bidder` folds: per tenderer, the lots it bid in and the lots it won.
public struct CoverBidderPopulation: IndicatorPopulation {
    let rule: CoverBidderRule
    var tallies: [OrganizationKey: BidTally] = [:]

    init(rule: CoverBidderRule) {
        self.rule = rule
    }

    /// Lots whose result lists every tender and names a winner: elsewhere a tenderer's wins
    /// would be counted without its losses.
    mutating func add(_ procedure: Procedure) {
        for lot in procedure.awardUnits where procedure.listsEveryTender(lot) {
            let tenderers = procedure.identifiedTenderers(in: lot)
            guard tenderers.contains(where: \.won) else { continue }
            for tenderer in tenderers {
                tallies[tenderer.key, default: BidTally()].add(won: tenderer.won)
            }
        }
    }

    public mutating func merge(_ other: CoverBidderPopulation) {
        tallies.merge(other.tallies) { $0 + $1 }
    }

    public func finalize() -> CoverBidders {
        rule.coverBidders(among: tallies)
    }
}

/// Bids and wins of one tenderer.
struct BidTally: Sendable, Hashable {
    var bids = 0
    var wins = 0

    mutating func add(won: Bool) {
        bids += 1
        if won { wins += 1 }
    }

    var winRatio: Double { bids == 0 ? 0 : Double(wins) / Double(bids) }

    static func + (lhs: BidTally, rhs: BidTally) -> BidTally {
        BidTally(bids: lhs.bids + rhs.bids, wins: lhs.wins + rhs.wins)
    }
}

/// The settings of `cover-bidder` that finalising needs.
struct CoverBidderRule: Sendable, Hashable {
    var percentile: Double
    var minimumBids: Int
    var minimumTenderers: Int
    /// A fixed win ratio replacing the fence, when set.
    var fixedRatio: Double?
    /// The win ratio used when the fence is degenerate.
    var fallbackRatio: Double

    /// Cardinal R025: tenderers with many bids (at least the percentile of bid counts, and
    /// at least `minimumBids`) whose win ratio is at most the lower fence of win ratios.
    func coverBidders(among tallies: [OrganizationKey: BidTally]) -> CoverBidders {
        let counts = tallies.values.map { Double($0.bids) }.sorted()
        guard !counts.isEmpty else { return CoverBidders(judged: .notJudged("no tenderer with its bids listed")) }
        let percentileCount = Quartiles.quantile(counts, percentile / 100)
        let bidCutoff = max(minimumBids, Int(percentileCount.rounded(.up)))
        // The fence is taken over tenderers with enough bids for a ratio to mean something:
        // one-off bidders (ratio 0 or 1) would put Q1 at 0 and leave no fence at all.
        let eligible = tallies.values.filter { $0.bids >= minimumBids }.map(\.winRatio)
        guard eligible.count >= minimumTenderers, let quartiles = Quartiles(eligible) else {
            return CoverBidders(tenderers: tallies.count, eligible: eligible.count, bidCutoff: bidCutoff,
                                judged: .notJudged("only \(eligible.count.counted("tenderer")) "
                                    + "with at least \(minimumBids) bids in the input (fewer than \(minimumTenderers))"))
        }
        let fence = quartiles.fence(.lower)
        let limit: Double
        let source: ThresholdSource
        if let fixedRatio {
            (limit, source) = (fixedRatio, .setting(key: "cover-bidder.threshold"))
        } else if quartiles.q1 <= 0 || fence.value <= 0 {
            // Cardinal skips the indicator here; a stated ratio keeps it working where most
            // tenderers win a fair share (the fence then falls below zero).
            (limit, source) = (fallbackRatio, .setting(key: "cover-bidder.win-ratio"))
        } else {
            (limit, source) = (fence.value, .fence(fence))
        }
        let threshold = Threshold(.ratio(limit), "<=", source: source)
        let flagged = tallies.filter { $0.value.bids >= bidCutoff && $0.value.winRatio <= limit }
        return CoverBidders(tenderers: tallies.count, eligible: eligible.count, bidCutoff: bidCutoff,
                            percentileCount: percentileCount, quartiles: quartiles, ratioLimit: limit,
                            threshold: threshold, bidders: flagged, judged: .judged)
    }
}

/// The cover bidders of the input and the cut-offs that made them.
public struct CoverBidders: Sendable, PopulationDescribing {
    var tenderers = 0
    var eligible = 0
    var bidCutoff = 0
    var percentileCount: Double?
    var quartiles: Quartiles?
    var ratioLimit: Double?
    var threshold: Threshold?
    var bidders: [OrganizationKey: BidTally] = [:]
    var judged: PopulationJudgement

    public var description: Evidence {
        var evidence = Evidence(["tenderers": .integer(tenderers), "tenderersWithMinimumBids": .integer(eligible),
                                 "bidCutoff": .integer(bidCutoff)])
        if let quartiles {
            evidence["winRatioQ1"] = .ratio(quartiles.q1)
            evidence["winRatioQ3"] = .ratio(quartiles.q3)
            evidence["lowerFence"] = .ratio(quartiles.fence(.lower).value)
        }
        if let ratioLimit { evidence["ratioLimit"] = .ratio(ratioLimit) }
        evidence["coverBidders"] = .integer(bidders.count)
        return evidence
    }
}
