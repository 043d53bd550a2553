import TenderModel

/// `cover-bidder`: a lot where a tenderer that bids often and almost never wins lost again.
public struct CoverBidder: Indicator {
    public typealias Population = CoverBidderPopulation

    public static let metadata = IndicatorMetadata(
        id: "cover-bidder",
        name: "Cover bidder (excessive unsuccessful bids)",
        phase: .award,
        detects: "A lot in which a losing tender comes from a tenderer that bids in many lots of the input and "
            + "wins almost none: its bid count is at or above the 75th percentile of all tenderers' and its win "
            + "ratio at or below the lower Tukey fence of win ratios (or `win-ratio` when the fence is degenerate).",
        rationale: "Cartels need losers: a firm that keeps submitting tenders it never wins may be providing cover "
            + "bids that make agreed winners look chosen by competition (OECD: companies that always bid and "
            + "never win). A high bid count keeps out firms that simply tried once or twice.",
        method: "Over all lots whose result lists every tender received (at least the `tenders` count, or a losing "
            + "tender when no count is given) and names a winner, count per tenderer (organisation key from a "
            + "national id or a name; notice-local keys never join lots) the lots bid and the lots won. The bid "
            + "cut-off is the `percentile` of all tenderers' bid counts (linear interpolation), and at least "
            + "`minimum-bids`. Win ratios of the tenderers with at least `minimum-bids` bids give Q1, Q3 and the "
            + "lower fence Q1 − 1.5·IQR (one-off bidders, with ratios 0 or 1, would put Q1 at 0). A tenderer with "
            + "bids ≥ the cut-off and a win ratio ≤ the fence is a cover bidder. When Q1 ≤ 0 or the fence ≤ 0 "
            + "(Cardinal then skips) `win-ratio` is the limit instead; `threshold` fixes it outright. With fewer "
            + "than `minimum-tenderers` tenderers with `minimum-bids` bids no lot is judged. Each lot is flagged "
            + "when a cover bidder's tender in it lost. The synthetic market (docs/generator.md) plants no "
            + "perpetual losers: at 10,000 procedures its 1,722 tenderers need 28 bids (75th percentile) and a "
            + "win ratio ≤ 0.05 (the fence is degenerate); none qualifies, so no lot is flagged.",
        evidence: [
            .init("bidder", "the cover bidder's organisation key"),
            .init("name", "its name (BT-500) in this notice"),
            .init("bids", "lots it bid in across the input"),
            .init("wins", "lots it won"),
            .init("winRatio", "wins / bids"),
            .init("bidCutoff", "the fewest bids that count: the percentile of bid counts, at least `minimum-bids`"),
            .init("ratioLimit", "the win ratio at or under which a frequent bidder is a cover bidder"),
            .init("otherCoverBidders", "further cover bidders that lost in this lot"),
        ],
        settings: [
            .init("weight", default: .number(10), "points a flagged lot adds to the score"),
            .init("percentile", default: .integer(75), "percentile of bid counts a cover bidder reaches (Cardinal R025)"),
            .init("minimum-bids", default: .integer(10),
                  "fewest bids for a cover bidder and for a ratio in the fence: one bid never makes a cover bidder"),
            .init("threshold", default: .text("fence"), "a fixed win ratio instead of the fence"),
            .init("win-ratio", default: .number(0.05),
                  "the win ratio used when the fence is degenerate (Q1 ≤ 0 or fence ≤ 0; Cardinal's example 0.05)"),
            .init("minimum-tenderers", default: .integer(20), "fewest tenderers with `minimum-bids` bids to judge at all"),
        ],
        exclusions: [
            "Lots whose result lists only the winners: the losers, and so the losses, are unknown there "
                + "(insufficient data).",
            "Tenderers known only by a notice-local id (ORG-0003): they cannot be followed across notices.",
            "The cover bidder's own wins: only lots it lost are flagged (Cardinal issue #61).",
        ],
        references: [
            .init("OCP R025", "Excessive unsuccessful bids"),
            .init("Cardinal R025", "open-contracting/cardinal-rs: `percentile` 75, lower fence of win ratios"),
            .init("OECD BR-05", "OECD Guidelines for Fighting Bid Rigging (2025): companies always bid but never win"),
            .init("GTI superfluous losing bidders", "Government Transparency Institute red-flag toolkit"),
        ],
        example: "26 tenderers: 24 firms with 12 bids each, eight winning 2, eight 3 and eight 5 lots; Cover with "
            + "16 bids and no win; Rare with 3 bids and no win. The 75th percentile of bid counts is 12. Over the "
            + "25 tenderers with at least 10 bids the win ratios give Q1 0.1667 and Q3 0.4167, a lower fence of "
            + "−0.2083 (degenerate), so `win-ratio` 0.05 applies. Cover (ratio 0) is a cover bidder and every lot "
            + "it lost is flagged; Rare (3 bids) is not, and a lot where only regular firms and Rare lost is clear."
    )

    let rule: CoverBidderRule

    public init(settings: ScreeningSettings) {
        rule = CoverBidderRule(
            percentile: settings.number("percentile", of: Self.metadata),
            minimumBids: settings.integer("minimum-bids", of: Self.metadata),
            minimumTenderers: settings.integer("minimum-tenderers", of: Self.metadata),
            fixedRatio: settings.value("threshold", of: Self.metadata).number,
            fallbackRatio: settings.number("win-ratio", of: Self.metadata))
    }

    public func makePopulation() -> CoverBidderPopulation {
        CoverBidderPopulation(rule: rule)
    }

    public func observe(_ procedure: Procedure, into population: inout CoverBidderPopulation) {
        population.add(procedure)
    }

    public func evaluate(_ procedure: Procedure, population: CoverBidders) -> [Finding] {
        procedure.awardUnits.map { evaluate(procedure, $0, population) }
    }

    private func evaluate(_ procedure: Procedure, _ lot: ProcedureLot, _ population: CoverBidders) -> Finding {
        let id = Self.metadata.id
        if let unusable = LotTenderList.unusable(lot, indicator: id) { return unusable }
        guard population.judged.reason == nil, let threshold = population.threshold else {
            let reason = population.judged.reason ?? "no cut-off"
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: reason),
                           message: "no cover bidder can be told apart: " + reason)
        }
        let losers = procedure.identifiedTenderers(in: lot).filter { !$0.won && population.bidders[$0.key] != nil }
        guard let first = losers.first, let tally = population.bidders[first.key] else {
            return LotTenderList.notFlagged(lot, in: procedure, indicator: id,
                                            message: "no listed tenderer is a cover bidder", threshold: threshold)
        }
        var evidence = Evidence()
        evidence["bidder"] = .text(first.key.value)
        evidence["name"] = EvidenceValue(first.name)
        evidence["bids"] = .integer(tally.bids)
        evidence["wins"] = .integer(tally.wins)
        evidence["winRatio"] = .ratio(tally.winRatio)
        evidence["bidCutoff"] = .integer(population.bidCutoff)
        evidence["ratioLimit"] = population.ratioLimit.map(EvidenceValue.ratio) ?? .unknown
        if losers.count > 1 { evidence["otherCoverBidders"] = .list(losers.dropFirst().map { .text($0.key.value) }) }
        let who = first.name ?? first.key.value
        return Finding(indicator: id, lot: lot.id, status: .flagged,
                       message: "\(who) lost again: \(tally.wins.counted("win")) in \(tally.bids.counted("bid"))", evidence: evidence,
                       threshold: threshold)
    }
}
