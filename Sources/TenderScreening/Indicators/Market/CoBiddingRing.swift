import TenderModel

/// `co-bidding-ring`: a lot where members of a ring — tenderers of one market that keep
/// tendering together, priced close to each other, taking turns to win — tendered together again.
public struct CoBiddingRing: Indicator {
    public typealias Population = CoBiddingPopulation

    public static let metadata = IndicatorMetadata(
        id: "co-bidding-ring",
        name: "Co-bidding ring",
        phase: .award,
        detects: "A lot in which two or more members of a co-bidding ring tendered, a member won and the other "
            + "members were priced just above it. A ring is a group of at least three tenderers of one market "
            + "(buyer country × CPV division) whose pairs tender together, close to the winning price, far more "
            + "often than any two tenderers of the input do, who take turns to win, and whose group wins "
            + "nearly all the lots where they meet.",
        rationale: "Bid rotation and cover bidding need a stable group: the same firms take part lot after lot, "
            + "the designated winner's partners submit cover bids a little above it, and outsiders rarely "
            + "break in (OECD: the same suppliers bid and each seems to take a turn at winning; OCP R053: "
            + "co-bidding pairs with the same recurrent winner). Two firms meeting often is normal in a small "
            + "market; three or more that meet at the same narrow price band and share the wins is what a "
            + "ring looks like.",
        method: "For every lot with one winning tender of usable price (BT-720; placeholders, other currencies "
            + "and frameworks with several winners left out), in its market, take the tenderers (organisation "
            + "keys from a national id or a name, one entry per organisation, consortium partners not paired) "
            + "with a usable price. For each pair count the priced co-bids, the close ones (both within "
            + "`cover-margin` of the winning price, either may be the winner) and who won the close ones. The "
            + "input's close rate p is close / priced over all pairs. A pair is strong when it has at least "
            + "`minimum-co-bids` close co-bids and the binomial chance of that many or more among its priced "
            + "co-bids at rate p is at most `significance`. Per market, connected groups of strong pairs with "
            + "`minimum-members` to `maximum-members` members (larger ones are markets where many firms price "
            + "alike, not rings) are rings when at least two members won close co-bids and members won at least "
            + "`minimum-group-wins` of the strong pairs' close co-bids. Rings are numbered per market in order "
            + "of their first member's key (`FRA 45 #1`). A lot is flagged when two or more members of one ring "
            + "tendered in it, a member won, and no losing member is known to be priced more than `cover-margin` "
            + "above the winner, with severity the share of the ring's members that tendered (members of a ring also "
            + "meet in lots they do not rig; the whole ring tendering together is the pattern). With fewer than `minimum-priced-co-bids` priced co-bids in the input no lot "
            + "is judged. Calibration on the synthetic market (docs/generator.md, 10,000 procedures, seeds 1 and "
            + "2): 87 % and 91 % of cartel-rotation procedures flagged (every one whose award notice lists the "
            + "losing tenders), 0.6 % and 0.5 % of unplanted ones.",
        evidence: [
            .init("market", "buyer country and CPV division of the lot"),
            .init("ring", "the ring's id (`FRA 45 #1`)"),
            .init("members", "the ring's members (organisation keys)"),
            .init("membersInLot", "the members that tendered in this lot"),
            .init("winner", "the member that won this lot"),
            .init("memberGaps", "how far above the winning price each losing member tendered"),
            .init("ringCoBids", "close co-bid lots of the ring, at least (the most of any one pair)"),
            .init("memberWins", "close co-bid lots each member won, at least"),
            .init("groupWinShare", "share of the strong pairs' close co-bids won by a member"),
            .init("pairs", "the strong pairs: close / priced co-bids and the chance of that by luck"),
            .init("closeRate", "the input's share of priced co-bids that are close"),
            .init("outsiderWinner", "when members tendered but another tenderer won"),
            .init("ringShare", "members in the lot / members of the ring: the finding's severity"),
        ],
        settings: [
            .init("weight", default: .number(35), "points a flagged lot adds to the score"),
            .init("cover-margin", default: .number(0.1),
                  "a tender within this share of the winning price is close (cover bids are written to lose by a little)"),
            .init("minimum-co-bids", default: .integer(5),
                  "fewest close co-bids for a strong pair: a few meetings never make a ring"),
            .init("significance", default: .number(0.01),
                  "largest binomial chance of a pair's close co-bids for a strong pair"),
            .init("minimum-members", default: .integer(3),
                  "fewest members of a ring (two firms pricing alike is also what two efficient competitors look like)"),
            .init("maximum-members", default: .integer(8), "most members of a ring; larger groups are not judged"),
            .init("minimum-group-wins", default: .number(0.8), "share of close co-bids the members must have won"),
            .init("minimum-priced-co-bids", default: .integer(100),
                  "fewest priced co-bids in the input for a close rate worth comparing with"),
        ],
        exclusions: [
            "Lots whose result lists only the winner: who else tendered is unknown (insufficient data); such lots "
                + "add nothing to the population either.",
            "Tenderers known only by a notice-local id, and lots whose market (buyer country, CPV) is unknown.",
            "Rings of two: see bid-rotation, which judges pairs that take turns beating each other.",
            "Groups of strong pairs larger than `maximum-members`: a market where many firms price alike.",
        ],
        references: [
            .init("OCP R053", "Co-bidding pairs with the same recurrent winner"),
            .init("OCP R057", "Bid rotation"),
            .init("OECD BR-06", "OECD Guidelines for Fighting Bid Rigging (2025): firms seem to take turns winning"),
            .init("OECD BR-26", "OECD Guidelines (2025): clustering of losing bids close to the winner"),
            .init("LIT co-bidding networks", "Wachs & Kertész (2019), 'A network approach to cartel detection in "
                + "public auction markets', Scientific Reports 9"),
        ],
        example: "In FRA 45, Alpha, Beta and Gamma tender together in 6 lots, taking turns to win (2 lots each), the "
            + "two others 4 % and 6 % above the winner; in one more lot Alpha and Beta tender 30 % and 35 % above an "
            + "outsider; 50 other lots each have three other firms priced 20 % apart. The input has 171 priced "
            + "co-bids, 18 of them close (rate 0.1053). Each pair of the three has 6 close co-bids (6 of 6, and 6 of "
            + "7 for Alpha and Beta: chances 1.4e-6 and 8.7e-6, ≤ 0.01): they form ring FRA 45 #1, whose members "
            + "won all its close co-bids, and its 6 lots are flagged. The lot the outsider won is clear."
    )

    let coverMargin: Double
    let rule: CoBiddingRule

    public init(settings: ScreeningSettings) {
        coverMargin = settings.number("cover-margin", of: Self.metadata)
        rule = CoBiddingRule(
            minimumCoBids: settings.integer("minimum-co-bids", of: Self.metadata),
            significance: settings.number("significance", of: Self.metadata),
            minimumMembers: settings.integer("minimum-members", of: Self.metadata),
            maximumMembers: settings.integer("maximum-members", of: Self.metadata),
            minimumGroupWins: settings.number("minimum-group-wins", of: Self.metadata),
            minimumPricedCoBids: settings.integer("minimum-priced-co-bids", of: Self.metadata))
    }

    public func makePopulation() -> CoBiddingPopulation {
        CoBiddingPopulation(rule: rule)
    }

    public func observe(_ procedure: Procedure, into population: inout CoBiddingPopulation) {
        population.add(procedure, coverMargin: coverMargin)
    }

    public func evaluate(_ procedure: Procedure, population: CoBiddingRings) -> [Finding] {
        procedure.awardUnits.map { evaluate(procedure, $0, population) }
    }

    private func evaluate(_ procedure: Procedure, _ lot: ProcedureLot, _ population: CoBiddingRings) -> Finding {
        let id = Self.metadata.id
        if let unusable = LotTenderList.unusable(lot, indicator: id) { return unusable }
        if let reason = population.judged.reason {
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: reason),
                           message: "no ring can be told apart: " + reason)
        }
        let market: String
        switch LotTenderList.market(of: lot, in: procedure, indicator: id) {
        case .success(let value): market = value
        case .failure(let missing): return missing.finding
        }
        let threshold = Threshold(.number(rule.significance), "<=", source: .setting(key: "co-bidding-ring.significance"))
        let tenderers = procedure.identifiedTenderers(in: lot)
        var byRing: [Int: [LotTenderer]] = [:]
        for tenderer in tenderers {
            if let ring = population.ringOf[market]?[tenderer.key] { byRing[ring, default: []].append(tenderer) }
        }
        var seen: Finding?
        for ring in byRing.keys.sorted() {
            guard let members = byRing[ring], members.count >= 2 else { continue }
            let finding = judge(lot, procedure, population.rings[ring], members, tenderers, population, threshold)
            if finding.isFlagged { return finding }
            seen = seen ?? finding
        }
        return seen ?? LotTenderList.notFlagged(lot, in: procedure, indicator: id,
                                                message: "no two members of a co-bidding ring tendered",
                                                evidence: Evidence(["market": .text(market)]), threshold: threshold)
    }

    /// Two or more members of `ring` tendered: flagged when one won and the others' prices
    /// are not known to be beyond the cover margin.
    private func judge(_ lot: ProcedureLot, _ procedure: Procedure, _ ring: CoBiddingRingFacts, _ members: [LotTenderer],
                       _ tenderers: [LotTenderer], _ population: CoBiddingRings, _ threshold: Threshold) -> Finding {
        let id = Self.metadata.id
        var evidence = Evidence()
        evidence["market"] = .text(ring.market)
        evidence["ring"] = .text(ring.id)
        evidence["members"] = .list(ring.members.map { .text($0.value) })
        evidence["membersInLot"] = .list(members.map { .text($0.key.value) })
        guard let winner = members.first(where: \.won) else {
            let outsider = tenderers.first(where: \.won)
            evidence["outsiderWinner"] = outsider.map { .text($0.key.value) } ?? .unknown
            return Finding(indicator: id, lot: lot.id, status: .clear,
                           message: "\(members.count) members of ring \(ring.id) tendered, but a non-member won",
                           evidence: evidence, threshold: threshold)
        }
        evidence["winner"] = .text(winner.key.value)
        let winning = procedure.pricedWinningTender(of: lot)
        let gaps = members.filter { !$0.won }.map { member in
            winning.flatMap { member.gap(above: $0.price) }
        }
        evidence["memberGaps"] = .list(gaps.map { $0.map(EvidenceValue.ratio) ?? .unknown })
        evidence["ringCoBids"] = .integer(ring.coBids)
        evidence["memberWins"] = .list(ring.memberWins.map { .text("\($0.key.value): \($0.wins)") })
        evidence["groupWinShare"] = .ratio(ring.groupWinShare)
        evidence["pairs"] = .list(ring.pairs.map { pair in
            .text("\(pair.pair.first.value) + \(pair.pair.second.value): \(pair.tally.close) of \(pair.tally.priced) "
                + "close, chance \(chance(pair.chance))")
        })
        evidence["closeRate"] = .ratio(population.closeRate)
        if let wide = gaps.compactMap({ $0 }).first(where: { abs($0) > coverMargin }) {
            return Finding(indicator: id, lot: lot.id, status: .clear,
                           message: "ring \(ring.id) member won, but another member tendered \(percent(wide)) above it",
                           evidence: evidence, threshold: threshold)
        }
        let name = winner.name ?? winner.key.value
        // Members of a ring also meet in lots they do not rig; the whole ring present is the pattern.
        let share = Double(members.count) / Double(ring.members.count)
        evidence["ringShare"] = .ratio(share)
        return Finding(indicator: id, lot: lot.id, status: .flagged,
                       message: "\(members.count) of the \(ring.members.count) members of ring \(ring.id) (at least "
                           + "\(ring.coBids) close co-bids) tendered; \(name) won",
                       evidence: evidence, threshold: threshold, severity: share)
    }
}

/// A probability as text: four decimals, or two significant digits (`1.5e-6`) when smaller.
func chance(_ value: Double) -> String {
    guard value < 0.0001, value > 0 else { return rounded(value) }
    var exponent = 0
    var mantissa = value
    while mantissa < 1 {
        mantissa *= 10
        exponent -= 1
    }
    var tenths = Int((mantissa * 10).rounded())
    if tenths >= 100 {
        tenths /= 10
        exponent += 1
    }
    return "\(tenths / 10).\(tenths % 10)e\(exponent)"
}
