import Testing
import TenderModel
import TenderScreening

@Suite("winning-bid-near-estimate")
struct WinningBidNearEstimateTests {
    @Test func workedExample() {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(id: "LOT-0001", estimate: "620000", tenders: [("548000.00", "A")]),
                        LotFactory(id: "LOT-0002", estimate: "480000", tenders: [("472300.00", "B")])]
        let results = findings(WinningBidNearEstimate.self, factory.build())
        #expect(results.map(\.status) == [.clear, .flagged])
        #expect(results[0].evidence["ratio"] == .number(0.8839))
        #expect(results[1].evidence["ratio"] == .number(0.984))
        #expect(results[1].evidence["estimateLevel"] == .text("lot"))
        #expect(results[1].message == "awarded 98.4 % of the estimate")
        #expect(results[1].threshold?.value == .number(0.98))
    }

    @Test func aboveTheEstimateIsFlaggedAndAProcedureEstimateServesASingleLot() throws {
        var factory = ProcedureFactory()
        factory.estimate = "300000"
        factory.lots = [LotFactory(estimate: nil, tenders: [("310000.00", "A")])]
        let finding = try #require(findings(WinningBidNearEstimate.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.evidence["estimateLevel"] == .text("procedure"))
        #expect(finding.message.hasSuffix("above it"))
    }

    @Test func placeholdersWithheldValuesAndCurrenciesAreInsufficientData() throws {
        var placeholder = ProcedureFactory()
        placeholder.lots = [LotFactory(estimate: "1", tenders: [("95000", "A")])]
        #expect(findings(WinningBidNearEstimate.self, placeholder.build())[0].missing == ["BT-27 estimated value (placeholder)"])

        var zero = ProcedureFactory()
        zero.lots = [LotFactory(estimate: "100000", tenders: [("0", "A")])]
        #expect(findings(WinningBidNearEstimate.self, zero.build())[0].missing == ["BT-720 winning tender value (placeholder)"])

        var withheld = ProcedureFactory()
        var lot = LotFactory(estimate: "100000")
        lot.tenders = [(nil, "A")]
        withheld.lots = [lot]
        var procedure = withheld.build()
        procedure.lots[0].result!.tenders[0].amount = .withheld(Withholding(field: "win-ten-val"))
        #expect(findings(WinningBidNearEstimate.self, procedure)[0].missing == ["BT-720 winning tender value (withheld)"])

        var currency = ProcedureFactory()
        currency.lots = [LotFactory(estimate: "100000", tenders: [("99000", "A")])]
        var mixed = currency.build()
        mixed.lots[0].result!.tenders[0].amount = .known(Amount(value: DecimalNumber("99000")!, currency: "GBP"))
        #expect(findings(WinningBidNearEstimate.self, mixed)[0].missing == ["values in one currency"])
    }
}

@Suite("threshold-proximity")
struct ThresholdProximityTests {
    @Test func workedExample() throws {
        var factory = ProcedureFactory()
        factory.dispatched = "2024-06-03"
        factory.estimate = "215000"
        let finding = try #require(findings(ThresholdProximity.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.evidence["threshold"] == .amount(eur("221000")))
        #expect(finding.evidence["category"] == .text("supplies-services-sub-central"))
        #expect(finding.evidence["belowBy"] == .number(0.0271))
        guard case .law(_, let citation)? = finding.threshold?.source else {
            Issue.record("threshold without a legal source")
            return
        }
        #expect(citation == "Directive 2014/24/EU art. 4(c), Commission Delegated Regulation (EU) 2023/2495")
        factory.estimate = "180000"
        #expect(findings(ThresholdProximity.self, factory.build())[0].status == .clear)
    }

    @Test func centralBuyersWorksAndOtherPeriodsPickTheirOwnThreshold() {
        var central = ProcedureFactory()
        central.buyerLegalType = "cga"
        central.dispatched = "2021-03-01"
        central.estimate = "136000" // 2020-21 central: 139000
        let finding = findings(ThresholdProximity.self, central.build())[0]
        #expect(finding.status == .flagged)
        #expect(finding.evidence["threshold"] == .amount(eur("139000")))

        var works = ProcedureFactory()
        works.nature = "works"
        works.dispatched = "2026-02-01"
        works.estimate = "5300000" // 2026-27 works: 5404000
        let worksFinding = findings(ThresholdProximity.self, works.build())[0]
        #expect(worksFinding.status == .flagged)
        #expect(worksFinding.evidence["threshold"] == .amount(eur("5404000")))
    }

    @Test func sumOfLotsWhenNoProcedureEstimate() {
        var factory = ProcedureFactory()
        factory.estimate = nil
        factory.dispatched = "2024-06-03"
        factory.lots = [LotFactory(id: "LOT-0001", estimate: "110000"), LotFactory(id: "LOT-0002", estimate: "105000")]
        let finding = findings(ThresholdProximity.self, factory.build())[0]
        #expect(finding.evidence["estimateLevel"] == .text("sum of lots"))
        #expect(finding.evidence["estimatedValue"] == .amount(eur("215000")))
        #expect(finding.status == .flagged)
    }

    @Test func otherCurrenciesUnknownBuyersAndNationalLawCannotBeJudged() {
        var pln = ProcedureFactory()
        var procedure = pln.build()
        procedure.estimatedValue = Amount(value: DecimalNumber("900000")!, currency: "PLN")
        #expect(findings(ThresholdProximity.self, procedure)[0].missing == ["estimated value in EUR"])
        pln.buyerLegalType = nil
        #expect(findings(ThresholdProximity.self, pln.build())[0].missing == ["BT-11 buyer legal type"])
        var national = ProcedureFactory()
        national.legalBasis = "other"
        #expect(findings(ThresholdProximity.self, national.build())[0].isNotApplicable)
        var noEstimate = ProcedureFactory()
        noEstimate.estimate = nil
        #expect(findings(ThresholdProximity.self, noEstimate.build())[0].missing == ["BT-27 estimated value"])
    }
}

@Suite("price gaps: price-close-to-winner and heavily-discounted-bid")
struct PriceGapTests {
    /// 24 lots with gaps 0.08…0.20, one at 0.002 and one at 0.9.
    static var population: [Procedure] {
        var procedures: [Procedure] = []
        let gaps = (0..<22).map { 0.08 + Double($0) * 0.12 / 21 } + [0.002, 0.9]
        for (index, gap) in gaps.enumerated() {
            var factory = ProcedureFactory()
            factory.id = String(format: "P-%02d", index)
            let second = (100000 * (1 + gap)).rounded()
            factory.lots = [LotFactory(tenders: [("100000", "W\(index)"), ("\(Int(second))", "S\(index)"),
                                                 ("\(Int(second) + 5000)", "T\(index)")])]
            procedures.append(factory.build())
        }
        return procedures
    }

    @Test func fencesFromThePopulationFlagBothTails() throws {
        let close = findings(PriceCloseToWinner.self, Self.population)
        let discounted = findings(HeavilyDiscountedBid.self, Self.population)
        #expect(close[22].first?.status == .flagged)
        #expect(close[22].first?.evidence["difference"] == .number(0.002))
        #expect(discounted[23].first?.status == .flagged)
        #expect(discounted[23].first?.evidence["difference"] == .number(0.9))
        #expect(close.enumerated().filter { $0.element.first?.status == .flagged }.map(\.offset) == [22])
        #expect(discounted.enumerated().filter { $0.element.first?.status == .flagged }.map(\.offset) == [23])
        guard case .fence(let fence)? = close[22].first?.threshold?.source else {
            Issue.record("no fence")
            return
        }
        #expect(fence.side == .lower)
        #expect(fence.count == 24)
        #expect(fence.value > 0.002)
    }

    @Test func aDegenerateOrTooSmallPopulationJudgesNothingUnlessAThresholdIsSet() throws {
        let few = Array(Self.population.prefix(5))
        let results = findings(PriceCloseToWinner.self, few)
        #expect(results.allSatisfy { $0.first?.isNotApplicable == true })
        #expect(results[0].first?.status == .notApplicable(reason: "only 5 priced lots in the input (fewer than 20)"))
        var settings = ScreeningSettings()
        settings.overrides["price-close-to-winner"] = ["threshold": .number(0.005)]
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tenders: [("100000", "A"), ("100400", "B")])]
        let fixed = try #require(findings(PriceCloseToWinner.self, [factory.build()], settings: settings)[0].first)
        #expect(fixed.status == .flagged)
        #expect(fixed.threshold?.source == .setting(key: "price-close-to-winner.threshold"))
    }

    @Test func lotsWhereTheGapMeansNothingAreNotApplicable() {
        var quality = ProcedureFactory()
        quality.lots = [LotFactory(tenders: [("120000", "A"), ("100000", "B")])] // winner is not the lowest
        #expect(findings(PriceCloseToWinner.self, [quality.build()])[0].first?.status
                    == .notApplicable(reason: "the winner is not the lowest tender (award on quality, not price)"))
        var onlyWinner = ProcedureFactory()
        onlyWinner.lots = [LotFactory(tendersStatistic: .known(4))]
        #expect(findings(PriceCloseToWinner.self, [onlyWinner.build()])[0].first?.missing
                    == ["BT-720 values of the losing tenders"])
    }
}

@Suite("Prices that are not prices")
struct RepeatedTotalTests {
    /// A notice of several lots that copies its total value (BT-161) into tender values,
    /// as the real TED notice 516080-2024 does.
    static var procedure: Procedure {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(id: "LOT-0001", estimate: "300000", tenders: [("250000", "A")]),
                        LotFactory(id: "LOT-0002", estimate: "300000",
                                   tenders: [("3216205", "A"), ("3216205", "B"), (nil, "C")])]
        var procedure = factory.build()
        procedure.noticeValue = .known(eur("3216205"))
        return procedure
    }

    @Test func theRepeatedNoticeTotalIsNotATendersPrice() throws {
        let procedure = Self.procedure
        let tender = try #require(procedure.lots[1].result?.tenders.first)
        #expect(procedure.price(of: tender) == nil)
        #expect(procedure.priceProblem(of: tender) == "repeats the notice's total value")
        #expect(findings(IdenticalBidPrices.self, procedure)[1].isInsufficient)
        #expect(findings(WinningBidNearEstimate.self, procedure)[1].missing
                    == ["BT-720 winning tender value (repeats the notice's total value)"])
        // The first lot's own price still counts.
        #expect(findings(WinningBidNearEstimate.self, procedure)[0].status == .clear)
    }

    @Test func inASingleLotNoticeTheTotalIsThePrice() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(estimate: "100000", tenders: [("99000", "A")])]
        var procedure = factory.build()
        procedure.noticeValue = .known(eur("99000"))
        let tender = try #require(procedure.lots[0].result?.tenders.first)
        #expect(procedure.price(of: tender) == eur("99000"))
        #expect(findings(WinningBidNearEstimate.self, procedure)[0].status == .flagged)
    }
}

@Suite("What a single notice cannot tell")
struct PartialTimelineTests {
    @Test func aChangeNoticeAloneDoesNotDateTheCall() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(deadline: "2024-03-04")]
        var procedure = factory.build()
        procedure.notices[0].change = NoticeChange(changedNotice: "absent-notice-01")
        let finding = try #require(findings(ShortSubmissionPeriod.self, procedure).first)
        #expect(finding.missing == ["BT-05 dispatch date of the original contract notice"])
    }

    @Test func standstillNeedsTheProcedureType() throws {
        var factory = ProcedureFactory()
        factory.procedureType = .unknown
        factory.lots = [LotFactory(awardDate: "2024-03-28", conclusionDate: "2024-03-30")]
        #expect(findings(StandstillBreach.self, factory.build())[0].missing == ["BT-105 procedure type"])
    }
}
