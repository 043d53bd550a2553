import Testing
import TenderModel
@testable import TenderScreening

/// Single-lot procedures for the market-level indicators: one market (FRA 45 unless told),
/// every tender listed and counted.
enum MarketLots {
    /// A procedure whose one lot has `tenders` (amount, company), `winner` winning.
    static func lot(_ id: String, _ tenders: [(String?, String)], winner: Int? = 0, cpv: String = "45233000")
        -> Procedure {
        var factory = ProcedureFactory()
        factory.id = id
        factory.cpv = cpv
        factory.lots = [LotFactory(tendersStatistic: .known(tenders.count), tenders: tenders, winnerIndex: winner)]
        return factory.build()
    }

    /// `count` lots with three firms of their own priced 20 % apart: co-bids and losses
    /// that are never close, so the input has a close rate to compare with.
    static func background(_ count: Int, cpv: String = "45233000") -> [Procedure] {
        (0..<count).map { index in
            lot("BG-\(index)", [("100000", "B\(index)-1"), ("120000", "B\(index)-2"), ("140000", "B\(index)-3")],
                cpv: cpv)
        }
    }

    static func statuses(_ results: [[Finding]]) -> [String] {
        results.flatMap { $0.map(\.status.code) }
    }
}

@Suite("cover-bidder")
struct CoverBidderTests {
    /// The worked example: 24 regular firms with 12 bids (8 winning 2, 8 winning 3, 8 winning
    /// 5), Cover with 16 bids and no win, Rare with 3 bids and no win.
    static let example: [Procedure] = {
        let regulars = (0..<24).map { index in (name: "R\(index < 10 ? "0" : "")\(index)", wins: index < 8 ? 2 : index < 16 ? 3 : 5) }
        var lots: [(winner: String, losers: [String])] = []
        for regular in regulars {
            for _ in 0..<regular.wins { lots.append((regular.name, [])) }
        }
        var next = 0
        let losers = [("Cover", 16), ("Rare", 3)] + regulars.map { ($0.name, 12 - $0.wins) }
        for (name, count) in losers {
            for _ in 0..<count {
                while lots[next % lots.count].winner == name || lots[next % lots.count].losers.contains(name) { next += 1 }
                lots[next % lots.count].losers.append(name)
                next += 1
            }
        }
        return lots.enumerated().map { index, lot in
            MarketLots.lot("CB-\(index)", [("100000", lot.winner)] + lot.losers.map { ("110000", $0) })
        }
    }()

    @Test func workedExample() throws {
        let results = findings(CoverBidder.self, Self.example)
        let cover = results.flatMap { $0 }.filter { $0.evidence["bidder"] == .text("FRA/IDCOVER") }
        #expect(cover.count == 16)
        #expect(cover.allSatisfy { $0.isFlagged })
        let finding = try #require(cover.first)
        #expect(finding.evidence["bids"] == .integer(16))
        #expect(finding.evidence["wins"] == .integer(0))
        #expect(finding.evidence["winRatio"] == .number(0))
        #expect(finding.evidence["bidCutoff"] == .integer(12))
        #expect(finding.evidence["ratioLimit"] == .number(0.05))
        #expect(finding.threshold?.source == .setting(key: "cover-bidder.win-ratio"))
        #expect(finding.message == "Cover lost again: 0 wins in 16 bids")
        #expect(MarketLots.statuses(results).filter { $0 == "flagged" }.count == 16)
        // Rare lost three times, in lots without Cover: clear.
        let rare = Self.example.indices.filter { index in
            Self.example[index].lots[0].result!.tenders.contains { $0.tenderers[0].organization.name == "Rare" }
        }
        #expect(rare.count == 3)
        #expect(rare.allSatisfy { results[$0][0].status == .clear })

        let indicator = CoverBidder(settings: .standard)
        var population = indicator.makePopulation()
        for procedure in Self.example { indicator.observe(procedure, into: &population) }
        let facts = population.finalize().description
        #expect(facts["tenderers"] == .integer(26))
        #expect(facts["tenderersWithMinimumBids"] == .integer(25))
        #expect(facts["winRatioQ1"] == .number(0.1667))
        #expect(facts["winRatioQ3"] == .number(0.4167))
        #expect(facts["lowerFence"] == .number(-0.2083))
        #expect(facts["coverBidders"] == .integer(1))
    }

    @Test func aFixedThresholdReplacesTheFence() throws {
        var settings = ScreeningSettings()
        settings.overrides["cover-bidder"] = ["threshold": .number(0.2)]
        let results = findings(CoverBidder.self, Self.example, settings: settings).flatMap { $0 }
        // Cover (0) and the eight regulars winning 2 of 12 (0.1667) have at least 12 bids.
        let flagged = Set(results.filter(\.isFlagged).compactMap { $0.evidence["bidder"] })
        #expect(flagged.count == 9)
        #expect(results.first(where: \.isFlagged)?.threshold?.source == .setting(key: "cover-bidder.threshold"))
    }

    @Test func tooFewFrequentBiddersJudgeNothing() {
        // Cover bids in all ten lots: the only tenderer with 10 bids.
        let results = findings(CoverBidder.self, Array(Self.example.prefix(10)))
        let reason = "only 1 tenderer with at least 10 bids in the input (fewer than 20)"
        #expect(results.allSatisfy { $0[0].status == .notApplicable(reason: reason) })
    }

    @Test func missingTendersAreNeverClear() {
        var winnerOnly = ProcedureFactory()
        winnerOnly.lots = [LotFactory(tendersStatistic: .known(3), tenders: [("90000", "R00")])]
        var noResult = ProcedureFactory()
        noResult.lots = [LotFactory(withResult: false)]
        var single = ProcedureFactory()
        single.lots = [LotFactory(tendersStatistic: .known(1), tenders: [("90000", "R00")])]
        var uncounted = ProcedureFactory()
        uncounted.lots = [LotFactory(tendersStatistic: nil, tenders: [("90000", "R00")])]
        let results = findings(CoverBidder.self, Self.example + [winnerOnly.build(), noResult.build(), single.build(),
                                                                 uncounted.build()])
        let tail = results.suffix(4).map { $0[0] }
        #expect(tail[0].missing == ["losing tenders (1 of at least 3 listed)"])
        #expect(tail[1].missing == ["result notice"])
        #expect(tail[2].status == .notApplicable(reason: "a single tender"))
        // Only the winner listed and no count: maybe one tender, maybe more.
        #expect(tail[3].missing == ["BT-759 tenders received (one tender listed)"])
    }

    @Test func noticeLocalKeysNeverCountAndLeaveALotUnjudged() {
        var procedure = MarketLots.lot("LOCAL", [("100000", "R00"), ("110000", "Cover")])
        procedure.lots[0].result!.tenders[1].party!.tenderers[0].organization.name = nil
        procedure.lots[0].result!.tenders[1].party!.tenderers[0].organization.nationalId = nil
        let results = findings(CoverBidder.self, Self.example + [procedure])
        #expect(results.last?[0].missing == ["national id or name (BT-501, BT-500) of 1 tenderer"])
    }

    @Test func mergedPartsGiveTheSameFindings() {
        let whole = findings(CoverBidder.self, Self.example)
        for parts in 1...3 {
            #expect(findingsMerged(CoverBidder.self, Self.example, parts: parts) == whole)
        }
    }
}

@Suite("co-bidding-ring")
struct CoBiddingRingTests {
    static let members = ["Alpha", "Beta", "Gamma"]

    /// Six lots where Alpha, Beta and Gamma take turns, the others 4 % and 6 % above.
    static let ringLots: [Procedure] = (0..<6).map { index in
        let winner = members[index % 3]
        let others = members.filter { $0 != winner }
        return MarketLots.lot("RING-\(index)", [("100000", winner), ("104000", others[0]), ("106000", others[1])])
    }

    /// Alpha and Beta tender far above an outsider.
    static let outsiderLot = MarketLots.lot("OUTSIDER", [("100000", "Omega"), ("130000", "Alpha"), ("135000", "Beta")])

    static let example = ringLots + MarketLots.background(50) + [outsiderLot]

    @Test func workedExample() throws {
        let results = findings(CoBiddingRing.self, Self.example)
        #expect(results.prefix(6).allSatisfy { $0[0].isFlagged })
        #expect(results.dropFirst(6).allSatisfy { $0[0].status == .clear })
        let finding = results[0][0]
        #expect(finding.evidence["market"] == .text("FRA 45"))
        #expect(finding.evidence["ring"] == .text("FRA 45 #1"))
        #expect(finding.evidence["members"] == .list([.text("FRA/IDALPHA"), .text("FRA/IDBETA"), .text("FRA/IDGAMMA")]))
        #expect(finding.evidence["winner"] == .text("FRA/IDALPHA"))
        #expect(finding.evidence["memberGaps"] == .list([.number(0.04), .number(0.06)]))
        #expect(finding.evidence["ringCoBids"] == .integer(6))
        #expect(finding.evidence["memberWins"] == .list([.text("FRA/IDALPHA: 2"), .text("FRA/IDBETA: 2"),
                                                         .text("FRA/IDGAMMA: 2")]))
        #expect(finding.evidence["groupWinShare"] == .number(1))
        #expect(finding.evidence["closeRate"] == .number(0.1053))
        #expect(finding.evidence["pairs"] == .list([
            .text("FRA/IDALPHA + FRA/IDBETA: 6 of 7 close, chance 8.7e-6"),
            .text("FRA/IDALPHA + FRA/IDGAMMA: 6 of 6 close, chance 1.4e-6"),
            .text("FRA/IDBETA + FRA/IDGAMMA: 6 of 6 close, chance 1.4e-6"),
        ]))
        #expect(finding.threshold == Threshold(.number(0.01), "<=", source: .setting(key: "co-bidding-ring.significance")))
        #expect(finding.message == "3 of the 3 members of ring FRA 45 #1 (at least 6 close co-bids) tendered; Alpha won")
        #expect(finding.evidence["ringShare"] == .number(1) && finding.severity == 1)
        let outsider = try #require(results.last?.first)
        #expect(outsider.message == "2 members of ring FRA 45 #1 tendered, but a non-member won")
        #expect(outsider.evidence["outsiderWinner"] == .text("FRA/IDOMEGA"))

        let indicator = CoBiddingRing(settings: .standard)
        var population = indicator.makePopulation()
        for procedure in Self.example { indicator.observe(procedure, into: &population) }
        let facts = population.finalize().description
        #expect(facts["pricedCoBids"] == .integer(171))
        #expect(facts["closeCoBids"] == .integer(18))
        #expect(facts["rings"] == .integer(1))
    }

    @Test func twoFirmsTakingTurnsAreNotARing() {
        let pair = (0..<8).map { index in
            MarketLots.lot("PAIR-\(index)", index % 2 == 0 ? [("100000", "Alpha"), ("104000", "Beta")]
                                                            : [("100000", "Beta"), ("104000", "Alpha")])
        }
        let results = findings(CoBiddingRing.self, pair + MarketLots.background(50))
        #expect(results.allSatisfy { $0[0].status == .clear })
    }

    @Test func aMemberPricedFarAboveTheWinnerIsClear() {
        let wide = MarketLots.lot("WIDE", [("100000", "Alpha"), ("104000", "Beta"), ("125000", "Gamma")])
        let results = findings(CoBiddingRing.self, Self.example + [wide])
        let finding = results.last![0]
        #expect(finding.status == .clear)
        #expect(finding.message == "ring FRA 45 #1 member won, but another member tendered 25.0 % above it")
    }

    @Test func ringsBelongToOneMarket() {
        // The same firms in CPV division 72: another market, where they never met before.
        let elsewhere = MarketLots.lot("IT", [("100000", "Alpha"), ("104000", "Beta"), ("106000", "Gamma")],
                                       cpv: "72000000")
        let finding = findings(CoBiddingRing.self, Self.example + [elsewhere]).last![0]
        #expect(finding.status == .clear)
        #expect(finding.evidence["market"] == .text("FRA 72"))
    }

    @Test func tooFewCoBidsJudgeNothing() {
        let results = findings(CoBiddingRing.self, Self.ringLots)
        #expect(results.allSatisfy { $0[0].status == .notApplicable(reason: "only 18 priced co-bids in the input (fewer than 100)") })
    }

    @Test func aFewMeetingsNeverMakeARing() {
        let results = findings(CoBiddingRing.self, Array(Self.ringLots.prefix(4)) + MarketLots.background(50))
        #expect(results.allSatisfy { $0[0].status == .clear })
    }

    @Test func missingFactsAreNeverClear() {
        var winnerOnly = ProcedureFactory()
        winnerOnly.lots = [LotFactory(tendersStatistic: .known(3), tenders: [("100000", "Alpha")])]
        var noCountry = Self.ringLots[0]
        noCountry.buyers[0].organization.country = nil
        var noCount = ProcedureFactory()
        noCount.lots = [LotFactory(tendersStatistic: .known(4), tenders: [("100000", "Delta"), ("130000", "Zeta")])]
        let results = findings(CoBiddingRing.self, Self.example + [winnerOnly.build(), noCountry, noCount.build()])
        let tail = results.suffix(3).map { $0[0] }
        #expect(tail[0].missing == ["losing tenders (1 of at least 3 listed)"])
        #expect(tail[1].missing == ["buyer country (BT-514)"])
        #expect(tail[2].missing == ["tenders not listed (2 of at least 4)"])
    }

    @Test func mergedPartsGiveTheSameFindings() {
        let whole = findings(CoBiddingRing.self, Self.example)
        for parts in 1...3 {
            #expect(findingsMerged(CoBiddingRing.self, Self.example, parts: parts) == whole)
        }
    }
}

@Suite("bid-rotation")
struct BidRotationTests {
    /// Alpha and Beta win 4 of their 8 lots each, the loser 4 % above.
    static let rotation: [Procedure] = (0..<8).map { index in
        MarketLots.lot("ROT-\(index)", index % 2 == 0 ? [("100000", "Alpha"), ("104000", "Beta")]
                                                       : [("100000", "Beta"), ("104000", "Alpha")])
    }

    /// Delta and Epsilon also take turns, but 20 % apart.
    static let rivals: [Procedure] = (0..<8).map { index in
        MarketLots.lot("RIV-\(index)", index % 2 == 0 ? [("100000", "Delta"), ("120000", "Epsilon")]
                                                       : [("100000", "Epsilon"), ("120000", "Delta")])
    }

    static let example = rotation + rivals + MarketLots.background(50)

    @Test func workedExample() throws {
        let results = findings(BidRotation.self, Self.example)
        #expect(results.prefix(8).allSatisfy { $0[0].isFlagged })
        #expect(results.dropFirst(8).allSatisfy { $0[0].status == .clear })
        let finding = results[0][0]
        #expect(finding.evidence["market"] == .text("FRA 45"))
        #expect(finding.evidence["winner"] == .text("FRA/IDALPHA"))
        #expect(finding.evidence["loser"] == .text("FRA/IDBETA"))
        #expect(finding.evidence["winnerBeatLoser"] == .integer(4))
        #expect(finding.evidence["winnerBeatLoserPriced"] == .integer(4))
        #expect(finding.evidence["loserBeatWinner"] == .integer(4))
        #expect(finding.evidence["loserBeatWinnerPriced"] == .integer(4))
        #expect(finding.evidence["closeRate"] == .number(0.069))
        #expect(finding.evidence["chance"] == .text("5.1e-10"))
        #expect(finding.threshold == Threshold(.number(0.001), "<=", source: .setting(key: "bid-rotation.significance")))
        #expect(finding.message == "Alpha and Beta take turns: 4 and 4 narrow wins over each other")

        let indicator = BidRotation(settings: .standard)
        var population = indicator.makePopulation()
        for procedure in Self.example { indicator.observe(procedure, into: &population) }
        let facts = population.finalize().description
        #expect(facts["pricedLosses"] == .integer(116))
        #expect(facts["closeLosses"] == .integer(8))
        #expect(facts["rotationPairs"] == .integer(1))
    }

    @Test func oneWayWinsAreNoRotation() {
        let oneWay = (0..<8).map { index in MarketLots.lot("ONE-\(index)", [("100000", "Alpha"), ("104000", "Beta")]) }
        let results = findings(BidRotation.self, oneWay + MarketLots.background(50))
        #expect(results.allSatisfy { $0[0].status == .clear })
    }

    @Test func oneTurnEachIsNoRotation() {
        let results = findings(BidRotation.self, Array(Self.rotation.prefix(2)) + MarketLots.background(50))
        #expect(results.allSatisfy { $0[0].status == .clear })
    }

    @Test func tooFewPricedLossesJudgeNothing() {
        let results = findings(BidRotation.self, Self.rotation)
        #expect(results.allSatisfy { $0[0].status == .notApplicable(reason: "only 8 priced losses in the input (fewer than 100)") })
    }

    @Test func frameworksAndMissingTendersAreNotJudged() {
        var framework = MarketLots.lot("FA", [("100000", "Alpha"), ("104000", "Beta")])
        framework.lots[0].result!.tenders[1].isWinner = true
        var winnerOnly = ProcedureFactory()
        winnerOnly.lots = [LotFactory(tendersStatistic: .known(2), tenders: [("100000", "Alpha")])]
        let results = findings(BidRotation.self, Self.example + [framework, winnerOnly.build()])
        #expect(results.suffix(2).map { $0[0].status } == [.notApplicable(reason: "several winning tenders"),
                                                            .insufficientData(missing: ["losing tenders (1 of at least 2 listed)"])])
    }

    @Test func mergedPartsGiveTheSameFindings() {
        let whole = findings(BidRotation.self, Self.example)
        for parts in 1...3 {
            #expect(findingsMerged(BidRotation.self, Self.example, parts: parts) == whole)
        }
    }
}

@Suite("market-level indicators")
struct MarketIndicatorMetadataTests {
    @Test func everyEvidenceKeyOfTheWorkedExamplesIsDocumented() {
        let results: [(IndicatorMetadata, [[Finding]])] = [
            (CoverBidder.metadata, findings(CoverBidder.self, CoverBidderTests.example)),
            (CoBiddingRing.metadata, findings(CoBiddingRing.self, CoBiddingRingTests.example)),
            (BidRotation.metadata, findings(BidRotation.self, BidRotationTests.example)),
        ]
        for (metadata, found) in results {
            let documented = Set(metadata.evidence.map(\.key))
            let used = Set(found.flatMap { $0.flatMap { $0.evidence.map(\.key) } })
            #expect(!used.isEmpty)
            #expect(used.isSubset(of: documented), "\(metadata.id): \(used.subtracting(documented))")
            #expect(metadata.settings.contains { $0.key == "weight" })
        }
    }

    @Test func theBinomialTailIsTheChanceOfAtLeastKSuccesses() {
        #expect(binomialUpperTail(0, of: 5, rate: 0.3) == 1)
        #expect(binomialUpperTail(6, of: 5, rate: 0.3) == 0)
        #expect(abs(binomialUpperTail(1, of: 2, rate: 0.5) - 0.75) < 1e-12)
        #expect(abs(binomialUpperTail(3, of: 10, rate: 0.3) - 0.6172172) < 1e-7)
        #expect(abs(binomialUpperTail(6, of: 6, rate: 0.1) - 1e-6) < 1e-15)
        #expect(binomialUpperTail(2, of: 4, rate: 0) == 0)
    }

    @Test func chancesPrintAsDecimalsOrPowersOfTen() {
        #expect(chance(0.0123) == "0.0123")
        #expect(chance(0.0000015127) == "1.5e-6")
        #expect(chance(0.0000999) == "1.0e-4")
    }
}
