import Testing
import TenderModel
import TenderScreening

@Suite("single-bid")
struct SingleBidTests {
    @Test func oneTenderInAnOpenProcedureIsFlaggedWithItsEvidence() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tendersStatistic: .known(1))]
        let finding = try #require(findings(SingleBid.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.lot == "LOT-0001")
        #expect(finding.evidence["tendersReceived"] == .integer(1))
        #expect(finding.evidence["source"] == .text("statistics"))
        #expect(finding.evidence["estimated"] == .bool(false))
        #expect(finding.evidence["procedureType"] == .text("open"))
        #expect(finding.severity == 1)
        #expect(finding.threshold?.value == .integer(1))
        #expect(finding.message == "1 tender received in an open procedure")
    }

    @Test func workedExampleFlagsOnlyTheSingleBidLot() {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(id: "LOT-0001", tendersStatistic: .known(3)),
                        LotFactory(id: "LOT-0002", tendersStatistic: .known(1))]
        let results = findings(SingleBid.self, factory.build())
        #expect(results.map(\.lot) == ["LOT-0001", "LOT-0002"])
        #expect(results.map(\.status) == [.clear, .flagged])
        #expect(results[0].evidence["tendersReceived"] == .integer(3))
    }

    @Test func listedTendersGiveAnEstimatedFlagOfLowerSeverity() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tendersStatistic: nil)]
        let finding = try #require(findings(SingleBid.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.evidence["source"] == .text("listedTenders"))
        #expect(finding.evidence["estimated"] == .bool(true))
        #expect(finding.severity == 0.7)
    }

    @Test func eSubmissionsAloneAreNeverTheCountButProveMoreTenders() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tendersStatistic: nil,
                                   otherStatistics: [SubmissionStatistic(code: "t-esubm", count: .known(3))])]
        let finding = try #require(findings(SingleBid.self, factory.build()).first)
        #expect(finding.status == .clear)
        #expect(finding.evidence["tendersReceived"] == .integer(1))
        #expect(finding.evidence["atLeast"] == .integer(3))
        #expect(finding.message == "at least 3 tenders (1 listed)")
    }

    @Test func missingWithheldAndNonCompetitiveCasesAreNeverClear() throws {
        var noCount = ProcedureFactory()
        noCount.lots = [LotFactory(tendersStatistic: nil, tenders: [], winnerIndex: nil)]
        let unknown = try #require(findings(SingleBid.self, noCount.build()).first)
        #expect(unknown.isInsufficient)
        #expect(unknown.missing == ["BT-759 tenders received"])

        var withheld = ProcedureFactory()
        withheld.lots = [LotFactory(tendersStatistic: .withheld(Withholding(field: "rec-sub-cou")))]
        let hidden = try #require(findings(SingleBid.self, withheld.build()).first)
        #expect(hidden.isInsufficient)
        #expect(hidden.evidence["tendersReceived"] == .withheld)

        var direct = ProcedureFactory()
        direct.procedureType = .known("neg-wo-call")
        direct.lots = [LotFactory(tendersStatistic: .known(1))]
        #expect(findings(SingleBid.self, direct.build()).first?.isNotApplicable == true)

        var typeUnknown = ProcedureFactory()
        typeUnknown.procedureType = .unknown
        let noType = try #require(findings(SingleBid.self, typeUnknown.build()).first)
        #expect(noType.missing == ["BT-105 procedure type"])

        var noResult = ProcedureFactory()
        noResult.lots = [LotFactory(withResult: false)]
        #expect(findings(SingleBid.self, noResult.build()).first?.missing == ["result notice"])

        var noTender = ProcedureFactory()
        noTender.lots = [LotFactory(resultCode: .known("clos-nw"), nonAwardReason: .known("no-rece"),
                                    tendersStatistic: nil, tenders: [], winnerIndex: nil)]
        #expect(findings(SingleBid.self, noTender.build()).first?.isNotApplicable == true)
    }

    @Test func settingsChangeTheLimitAndTheProcedureTypes() throws {
        var settings = ScreeningSettings()
        settings.overrides["single-bid"] = ["maximum-tenders": .integer(2), "procedure-types": .list(["oth-single"])]
        var factory = ProcedureFactory()
        factory.procedureType = .known("oth-single")
        factory.lots = [LotFactory(tendersStatistic: .known(2))]
        let finding = try #require(findings(SingleBid.self, factory.build(), settings: settings).first)
        #expect(finding.status == .flagged)
        #expect(finding.threshold?.value == .integer(2))
    }
}

@Suite("non-open-procedure")
struct NonOpenProcedureTests {
    @Test func workedExample() throws {
        var justified = ProcedureFactory()
        justified.procedureType = .known("neg-wo-call")
        justified.veat = true
        justified.justification = .known("urgency")
        let flagged = try #require(findings(NonOpenProcedure.self, justified.build()).first)
        #expect(flagged.status == .flagged)
        #expect(flagged.severity == 0.6)
        #expect(flagged.evidence["justificationCode"] == .text("urgency"))
        #expect(flagged.evidence["veatNotice"] == .text("CAN"))

        var unjustified = justified
        unjustified.justification = .unknown
        let worse = try #require(findings(NonOpenProcedure.self, unjustified.build()).first)
        #expect(worse.status == .flagged)
        #expect(worse.severity == 1.0)
        #expect(worse.evidence["justificationCode"] == .unknown)
        #expect(worse.message.contains("no justification given"))

        let open = try #require(findings(NonOpenProcedure.self, ProcedureFactory().build()).first)
        #expect(open.status == .clear)
    }

    @Test func aVEATFlagsEvenWithAnotherProcedureCode() throws {
        var factory = ProcedureFactory()
        factory.procedureType = .known("oth-mult")
        factory.veat = true
        let finding = try #require(findings(NonOpenProcedure.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.message.contains("VEAT"))
    }

    @Test func unknownProcedureTypeIsInsufficientData() throws {
        var factory = ProcedureFactory()
        factory.procedureType = .withheld(Withholding(field: "pro-typ"))
        let finding = try #require(findings(NonOpenProcedure.self, factory.build()).first)
        #expect(finding.missing == ["BT-105 procedure type (withheld)"])
    }
}

@Suite("identical-bid-prices")
struct IdenticalBidPricesTests {
    @Test func samePriceFromDifferentTenderersIsFlagged() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tenders: [("240000", "A"), ("250000.00", "B"), ("250000", "C")])]
        let finding = try #require(findings(IdenticalBidPrices.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.evidence["amount"] == .amount(eur("250000.00")))
        #expect(finding.evidence["tenders"] == .list([.text("TEN-2"), .text("TEN-3")]))
        #expect(finding.evidence["tenderers"] == .list([.text("B"), .text("C")]))
    }

    @Test func aTenderersOwnVariantAtTheSamePriceIsNot() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tenders: [("240000", "A"), ("250000", "B"), ("250000", "B")])]
        #expect(findings(IdenticalBidPrices.self, factory.build()).first?.status == .clear)
    }

    @Test func placeholdersAndMissingPricesAreNotEvidence() throws {
        var zeros = ProcedureFactory()
        zeros.lots = [LotFactory(tendersStatistic: .known(3), tenders: [("500000", "A"), ("0", "B"), ("0", "C")])]
        let finding = try #require(findings(IdenticalBidPrices.self, zeros.build()).first)
        #expect(finding.isInsufficient)
        #expect(finding.evidence["pricedTenders"] == .integer(1))

        var single = ProcedureFactory()
        single.lots = [LotFactory(tendersStatistic: .known(1))]
        #expect(findings(IdenticalBidPrices.self, single.build()).first?.isNotApplicable == true)
    }
}
