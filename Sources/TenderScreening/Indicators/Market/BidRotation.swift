import TenderModel

/// `bid-rotation`: a lot won by one of two tenderers that take turns beating each other by
/// a narrow margin.
public struct BidRotation: Indicator {
    public typealias Population = BidRotationPopulation

    public static let metadata = IndicatorMetadata(
        id: "bid-rotation",
        name: "Bid rotation",
        phase: .award,
        detects: "A lot whose winner and one of its losing tenderers form a rotating pair in their market (buyer "
            + "country × CPV division): each has beaten the other at least `minimum-turns` times with the loser "
            + "priced within `cover-margin` of the winner, and their narrow losses to each other are far more "
            + "frequent than the input's rate of narrow losses allows.",
        rationale: "In a bid rotation the conspirators take turns being the lowest bidder while the others submit "
            + "cover bids just above (OECD bid-rigging guidelines; OCP R057). Big firms of one market also beat "
            + "each other in turn, by the luck of prices: what sets a rotation apart is that the loser is priced "
            + "just above the winner time after time, both ways.",
        method: "For every lot with one winning tender, in its market, each identified losing tenderer (organisation "
            + "key from a national id or a name) lost to each identified winner: count the losses, those with both "
            + "prices usable (BT-720; placeholders and other currencies left out) and the close ones, where the "
            + "loser's price is within `cover-margin` of the winner's. The input's close rate p is close / priced "
            + "over all losses. A pair is rotating when each has at least `minimum-turns` close losses to the "
            + "other and the binomial chance of their close losses (both ways) among their priced losses at rate "
            + "p is at most `significance`. A lot is flagged when its winner and a losing tenderer form a rotating "
            + "pair (the least likely pair is reported). With fewer than `minimum-priced-losses` priced losses "
            + "in the input no lot is judged. Calibration on the synthetic market (docs/generator.md, 10,000 "
            + "procedures, seeds 1 and 2): 63 % and 54 % of cartel-rotation procedures flagged, 0.4 % and 0.2 % "
            + "of unplanted ones (at `significance` 0.01: 80 %, 82 % and 1.0 %, 0.4 %).",
        evidence: [
            .init("market", "buyer country and CPV division of the lot"),
            .init("winner", "the winner's organisation key"),
            .init("loser", "the losing tenderer of the pair"),
            .init("winnerBeatLoser", "close losses of the loser to the winner in the market"),
            .init("winnerBeatLoserPriced", "priced losses of the loser to the winner"),
            .init("loserBeatWinner", "close losses of the winner to the loser"),
            .init("loserBeatWinnerPriced", "priced losses of the winner to the loser"),
            .init("closeRate", "the input's share of priced losses that are close"),
            .init("chance", "the binomial chance of the pair's close losses by luck"),
            .init("otherLosers", "further losing tenderers that rotate with the winner"),
        ],
        settings: [
            .init("weight", default: .number(15), "points a flagged lot adds to the score"),
            .init("cover-margin", default: .number(0.1),
                  "a loss within this share of the winning price is close (a cover bid loses by a little)"),
            .init("minimum-turns", default: .integer(2),
                  "fewest close wins of each over the other: one meeting never makes a rotation"),
            .init("significance", default: .number(0.001),
                  "largest binomial chance of the pair's close losses (one in a thousand: an input tests thousands of pairs)"),
            .init("minimum-priced-losses", default: .integer(100),
                  "fewest priced losses in the input for a close rate worth comparing with"),
        ],
        exclusions: [
            "Lots whose result lists only the winner (insufficient data), frameworks with several winning tenders, "
                + "lots whose market is unknown.",
            "Tenderers known only by a notice-local id.",
            "Losers that keep losing to one winner without ever beating it (R053's recurrent losers): see "
                + "cover-bidder and co-bidding-ring.",
        ],
        references: [
            .init("OCP R057", "Bid rotation"),
            .init("OCP R053", "Co-bidding pairs with the same recurrent winner"),
            .init("OECD BR-06", "OECD Guidelines for Fighting Bid Rigging (2025): firms seem to take turns winning"),
            .init("LIT Imhof 2017", "Imhof, 'Simple statistical screens to detect bid rigging', FSES WP 484: "
                + "cover bids cluster just above the winner"),
        ],
        example: "In FRA 45, Alpha and Beta meet in 8 lots and win 4 each, the loser 4 % above; Delta and Epsilon "
            + "also win 4 each of their 8 lots, but 20 % apart; 50 other lots each have three firms priced 20 % "
            + "apart. The input has 116 priced losses, 8 close (rate 0.069). Alpha and Beta's 8 close losses in 8 "
            + "have a chance of 5.1e-10 (≤ 0.001): their 8 lots are flagged. Delta and Epsilon's lots are clear."
    )

    let coverMargin: Double
    let rule: BidRotationRule

    public init(settings: ScreeningSettings) {
        coverMargin = settings.number("cover-margin", of: Self.metadata)
        rule = BidRotationRule(minimumTurns: settings.integer("minimum-turns", of: Self.metadata),
                               significance: settings.number("significance", of: Self.metadata),
                               minimumPricedLosses: settings.integer("minimum-priced-losses", of: Self.metadata))
    }

    public func makePopulation() -> BidRotationPopulation {
        BidRotationPopulation(rule: rule)
    }

    public func observe(_ procedure: Procedure, into population: inout BidRotationPopulation) {
        population.add(procedure, coverMargin: coverMargin)
    }

    public func evaluate(_ procedure: Procedure, population: RotationPairs) -> [Finding] {
        procedure.awardUnits.map { evaluate(procedure, $0, population) }
    }

    private func evaluate(_ procedure: Procedure, _ lot: ProcedureLot, _ population: RotationPairs) -> Finding {
        let id = Self.metadata.id
        if let unusable = LotTenderList.unusable(lot, indicator: id) { return unusable }
        if let reason = population.judged.reason {
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: reason),
                           message: "no rotation can be told apart: " + reason)
        }
        let winners = lot.result?.winners ?? []
        guard winners.count == 1 else {
            let reason = winners.isEmpty ? "no winning tender" : "several winning tenders"
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: reason), message: reason)
        }
        let market: String
        switch LotTenderList.market(of: lot, in: procedure, indicator: id) {
        case .success(let value): market = value
        case .failure(let missing): return missing.finding
        }
        let threshold = Threshold(.number(rule.significance), "<=", source: .setting(key: "bid-rotation.significance"))
        let tenderers = procedure.identifiedTenderers(in: lot)
        let winnerKeys = tenderers.filter(\.won).map(\.key)
        guard !winnerKeys.isEmpty else {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["winner's national id or name (BT-501, BT-500)"]),
                           message: "the winner cannot be followed across notices",
                           evidence: Evidence(["market": .text(market)]))
        }
        var found: [(loser: OrganizationKey, winner: OrganizationKey, loserLost: LossTally, winnerLost: LossTally,
                     chance: Double)] = []
        for loser in tenderers where !loser.won {
            for winner in winnerKeys {
                if let pair = population.pair(market: market, loser: loser.key, winner: winner) {
                    found.append((loser.key, winner, pair.loserLost, pair.winnerLost, pair.chance))
                }
            }
        }
        found.sort { ($0.chance, $0.loser, $0.winner) < ($1.chance, $1.loser, $1.winner) }
        guard let best = found.first else {
            return LotTenderList.notFlagged(lot, in: procedure, indicator: id,
                                            message: "the winner and no losing tenderer take turns",
                                            evidence: Evidence(["market": .text(market)]), threshold: threshold)
        }
        var evidence = Evidence()
        evidence["market"] = .text(market)
        evidence["winner"] = .text(best.winner.value)
        evidence["loser"] = .text(best.loser.value)
        evidence["winnerBeatLoser"] = .integer(best.loserLost.close)
        evidence["winnerBeatLoserPriced"] = .integer(best.loserLost.priced)
        evidence["loserBeatWinner"] = .integer(best.winnerLost.close)
        evidence["loserBeatWinnerPriced"] = .integer(best.winnerLost.priced)
        evidence["closeRate"] = .ratio(population.closeRate)
        evidence["chance"] = .text(chance(best.chance))
        if found.count > 1 { evidence["otherLosers"] = .list(found.dropFirst().map { .text($0.loser.value) }) }
        let winnerName = tenderers.first { $0.key == best.winner }?.name ?? best.winner.value
        let loserName = tenderers.first { $0.key == best.loser }?.name ?? best.loser.value
        return Finding(indicator: id, lot: lot.id, status: .flagged,
                       message: "\(winnerName) and \(loserName) take turns: \(best.loserLost.close) and "
                           + "\(best.winnerLost.close) narrow wins over each other",
                       evidence: evidence, threshold: threshold)
    }
}
