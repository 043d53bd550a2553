import Testing
import TenderModel
@testable import TenderScreening

/// A screened procedure made by hand: the roll-up only reads findings, score and facts.
private func screened(_ id: String, buyer: String = "123", score: Double, _ findings: [Finding],
                      lots: [LotFactory] = [LotFactory()], estimate: String? = "100000",
                      valueFactor: Double? = nil) -> ScreenedProcedure {
    var factory = ProcedureFactory()
    factory.id = id
    factory.buyer = buyer
    factory.lots = lots
    factory.estimate = estimate
    return ScreenedProcedure(procedure: factory.build(), findings: findings, score: score, valueFactor: valueFactor)
}

private func flag(_ indicator: String, lot: String? = nil, severity: Double = 1) -> Finding {
    Finding(indicator: indicator, lot: lot, status: .flagged, message: "flagged", severity: severity)
}

private func clear(_ indicator: String, lot: String? = nil) -> Finding {
    Finding(indicator: indicator, lot: lot, status: .clear, message: "clear")
}

private func missing(_ indicator: String, lot: String? = nil) -> Finding {
    Finding(indicator: indicator, lot: lot, status: .insufficientData(missing: ["a fact"]), message: "unknown")
}

private func notApplicable(_ indicator: String, lot: String? = nil) -> Finding {
    Finding(indicator: indicator, lot: lot, status: .notApplicable(reason: "no"), message: "n/a")
}

/// The weights these tests' numbers were worked out with (Fixtures/settings/pinned-weights.toml):
/// retuning the defaults must not move them.
private let pinned: ScreeningSettings = {
    var settings = ScreeningSettings()
    let weights: [String: Double] = [
        "single-bid": 20, "non-open-procedure": 15, "short-submission-period": 20, "decision-period": 10,
        "standstill-breach": 20, "winning-bid-near-estimate": 10, "price-close-to-winner": 15,
        "heavily-discounted-bid": 10, "identical-bid-prices": 20,
    ]
    for (id, weight) in weights { settings.overrides[id] = ["weight": .number(weight)] }
    return settings
}()

private func rolledUp(_ role: EntityRole, _ procedures: [ScreenedProcedure],
                      settings: ScreeningSettings = pinned) -> EntityRollUp {
    var rollUp = EntityRollUp(role: role, settings: settings)
    for procedure in procedures { rollUp.add(procedure) }
    return rollUp
}

private func rate(_ entity: EntityScore, _ id: String) throws -> IndicatorRate {
    try #require(entity.indicators.first { $0.id == id })
}

@Suite("roll-up by organisation")
struct RollUpTests {
    /// single-bid: flagged in 2 procedures (severity 1 and 0.7), clear in 1, unknown in 1;
    /// non-open-procedure: flagged in 1 of 4. Weights 20 and 15.
    static let buyerProcedures = [
        screened("P-1", score: 35, [flag("single-bid"), flag("non-open-procedure")]),
        screened("P-2", score: 14, [flag("single-bid", severity: 0.7), clear("non-open-procedure")]),
        screened("P-3", score: 0, [clear("single-bid"), clear("non-open-procedure")]),
        screened("P-4", score: 0, [missing("single-bid"), clear("non-open-procedure")]),
    ]

    @Test func theCompositeIsTheExpectedScoreWhereEachIndicatorCouldJudge() throws {
        let ranking = rolledUp(.buyer, Self.buyerProcedures).ranking(minimumProcedures: 1)
        #expect(ranking.count == 1)
        let buyer = try #require(ranking.first)
        #expect(buyer.key == "FRA/123")
        #expect(buyer.name == "Buyer 123" && buyer.country == "FRA")
        #expect(buyer.procedures == 4)
        let singleBid = try rate(buyer, "single-bid")
        #expect(singleBid.flagged == 2 && singleBid.checked == 3 && singleBid.insufficientData == 1)
        #expect(singleBid.share == 2.0 / 3.0)
        #expect(singleBid.points == 11.33) // 20 × (1 + 0.7) / 3
        let nonOpen = try rate(buyer, "non-open-procedure")
        #expect(nonOpen.flagged == 1 && nonOpen.checked == 4 && nonOpen.points == 3.75)
        #expect(buyer.composite == 15.08)
        #expect(buyer.meanScore == 12.25 && buyer.maxScore == 35)
        // Largest points first; indicators that never flagged follow, never-judged ones with no share.
        #expect(buyer.indicators.prefix(2).map(\.id) == ["single-bid", "non-open-procedure"])
        #expect(buyer.contributing.map(\.id) == ["single-bid", "non-open-procedure"])
        #expect(buyer.indicators.count == IndicatorCatalogue.all.count)
        #expect(try rate(buyer, "standstill-breach").share == nil)
        #expect(buyer.topProcedures == ["P-1", "P-2", "P-3"])
    }

    @Test func anIndicatorCountsOncePerProcedureByItsStrongestLot() throws {
        let procedures = [
            screened("P-1", score: 20, [flag("single-bid", lot: "LOT-1", severity: 0.7), flag("single-bid", lot: "LOT-2"),
                                        clear("single-bid", lot: "LOT-3")]),
            screened("P-2", score: 0, [missing("single-bid", lot: "LOT-1"), clear("single-bid", lot: "LOT-2")]),
            screened("P-3", score: 0, [missing("single-bid", lot: "LOT-1"), notApplicable("single-bid", lot: "LOT-2")]),
            screened("P-4", score: 0, [notApplicable("single-bid")]),
        ]
        let buyer = try #require(rolledUp(.buyer, procedures).ranking(minimumProcedures: 1).first)
        let singleBid = try rate(buyer, "single-bid")
        // P-1 flagged (severity 1, its strongest lot), P-2 clear (one lot could be judged),
        // P-3 not checkable, P-4 not applicable: counted nowhere.
        #expect(singleBid.flagged == 1 && singleBid.checked == 2 && singleBid.insufficientData == 1)
        #expect(singleBid.points == 10)
        #expect(buyer.composite == 10)
    }

    @Test func aSupplierAnswersForTheWholeProcedureAndForTheLotsItWon() throws {
        let lots = [LotFactory(id: "LOT-1", tenders: [("40000", "Alpha")]),
                    LotFactory(id: "LOT-2", tenders: [("55000.50", "Beta"), ("60000", "Alpha")])]
        let procedure = screened("P-1", score: 35, [flag("non-open-procedure"), clear("single-bid", lot: "LOT-1"),
                                                    flag("single-bid", lot: "LOT-2")], lots: lots)
        let rollUp = rolledUp(.supplier, [procedure])
        let ranking = rollUp.ranking(minimumProcedures: 1)
        #expect(ranking.map(\.key) == ["FRA/IDBETA", "FRA/IDALPHA"]) // Alpha lost LOT-2: not a winner there
        let beta = ranking[0], alpha = ranking[1]
        #expect(try rate(beta, "single-bid").flagged == 1)
        #expect(try rate(alpha, "single-bid").flagged == 0 && rate(alpha, "single-bid").checked == 1)
        #expect(try rate(alpha, "non-open-procedure").flagged == 1)
        #expect(beta.composite == 35 && alpha.composite == 15)
        // Each scores its part; the value is what it won, not the procedure's.
        #expect(beta.maxScore == 35 && alpha.maxScore == 15)
        #expect(beta.value.euro?.sum.description == "55000.50" && alpha.value.euro?.sum.description == "40000")
        #expect(rollUp.procedures == 1 && rollUp.proceduresWithoutOrganisation == 0)
    }

    @Test func aSupplierThatWonEverythingCarriesTheProcedureValueAndScore() throws {
        let procedure = screened("P-1", score: 20, [flag("single-bid", lot: "LOT-0001")], estimate: "250000")
        let alpha = try #require(rolledUp(.supplier, [procedure]).ranking(minimumProcedures: 1).first)
        #expect(alpha.key == "FRA/IDALPHA" && alpha.name == "Alpha")
        #expect(alpha.meanScore == 20)
        #expect(alpha.value.euro?.sum.description == "250000") // value at stake: the estimate here
    }

    @Test func everyMemberOfAWinningConsortiumCounts() throws {
        var procedure = screened("P-1", score: 20, [flag("single-bid", lot: "LOT-0001")])
        var second = Organization(localId: "ORG-9")
        second.name = "Gamma"
        second.nationalId = "ID-Gamma"
        second.country = "FRA"
        procedure.procedure.lots[0].result!.tenders[0].party!.tenderers.append(Tenderer(organization: second))
        let ranking = rolledUp(.supplier, [procedure]).ranking(minimumProcedures: 1)
        #expect(ranking.map(\.key) == ["FRA/IDALPHA", "FRA/IDGAMMA"])
        #expect(ranking.allSatisfy { $0.composite == 20 && $0.procedures == 1 })
    }

    @Test func organisationsWithoutAStableKeyAreCountedApart() throws {
        var anonymous = screened("P-2", score: 20, [flag("single-bid")])
        anonymous.procedure.buyers[0].organization.name = nil
        anonymous.procedure.buyers[0].organization.nationalId = nil
        #expect(anonymous.procedure.buyers[0].organization.key.source == .noticeLocalId)
        let noWinner = screened("P-3", score: 0, [], lots: [LotFactory(tenders: [], winnerIndex: nil)])
        let buyers = rolledUp(.buyer, [screened("P-1", score: 0, []), anonymous, noWinner])
        #expect(buyers.organisationCount == 1)
        #expect(buyers.ranking(minimumProcedures: 1).map(\.procedures) == [2])
        #expect(buyers.unidentified == 1 && buyers.proceduresWithoutOrganisation == 1)
        let suppliers = rolledUp(.supplier, [screened("P-1", score: 0, []), noWinner])
        #expect(suppliers.organisationCount == 1 && suppliers.proceduresWithoutOrganisation == 1)
        #expect(suppliers.unidentified == 0 && suppliers.procedures == 2)
    }

    @Test func organisationsBelowTheMinimumSampleRankAfterTheOthers() throws {
        let few = [screened("Q-1", buyer: "999", score: 60, [flag("single-bid"), flag("standstill-breach")])]
        let many = (1...5).map { screened("P-\($0)", score: $0 == 1 ? 20 : 0, [$0 == 1 ? flag("single-bid") : clear("single-bid")]) }
        let rollUp = rolledUp(.buyer, few + many)
        let ranked = rollUp.ranking(minimumProcedures: 5)
        #expect(ranked.map(\.key) == ["FRA/123", "FRA/999"])
        #expect(ranked.map(\.rank) == [1, 2])
        #expect(ranked.map(\.belowMinimum) == [false, true])
        #expect(ranked.map(\.composite) == [4, 40])
        #expect(rollUp.ranking(minimumProcedures: 1).map(\.key) == ["FRA/999", "FRA/123"])
        #expect(rollUp.ranking(minimumProcedures: 0).allSatisfy { !$0.belowMinimum })
    }

    @Test func tiesGoToMoreProceduresThenToTheKey() {
        let procedures = [screened("P-1", buyer: "B", score: 0, []), screened("P-2", buyer: "A", score: 0, []),
                          screened("P-3", buyer: "C", score: 0, []), screened("P-4", buyer: "C", score: 0, [])]
        #expect(rolledUp(.buyer, procedures).ranking(minimumProcedures: 1).map(\.key) == ["FRA/C", "FRA/A", "FRA/B"])
    }

    @Test func valuesAreExactSumsPerCurrencyAndUnknownValuesAreNotZero() throws {
        var pounds = screened("P-3", score: 0, [], estimate: nil)
        pounds.procedure.estimatedValue = Amount(value: DecimalNumber("1200.5")!, currency: "GBP")
        let procedures = [screened("P-1", score: 0, [], estimate: "100000.10"),
                          screened("P-2", score: 0, [], estimate: "0.2"), // a placeholder: no value
                          pounds, screened("P-4", score: 0, [], estimate: "2.005")]
        let buyer = try #require(rolledUp(.buyer, procedures).ranking(minimumProcedures: 1).first)
        #expect(buyer.value.euro?.sum.description == "100002.105")
        #expect(buyer.value.euro?.procedures == 2)
        #expect(buyer.value.otherCurrencies.map(\.currency) == ["GBP"])
        #expect(buyer.value.otherCurrencies.first?.sum.description == "1200.5")
        #expect(buyer.value.proceduresWithoutValue == 1)
    }

    @Test func decimalSumsOverflowTheSameWayInAnyOrder() {
        let big = DecimalNumber(significand: 999_999_999_999_999_999, scale: 0)
        var sum = DecimalSum()
        for _ in 0..<1000 { sum.add(big) }
        #expect(sum.description == "999999999999999999000")
        #expect(sum.amount(currency: "EUR") == nil)
        var tiny = DecimalSum()
        tiny.add(DecimalNumber(significand: 1, scale: 18))
        var overflowing = tiny
        overflowing.add(sum)
        #expect(overflowing.overflowed && overflowing.text == nil)
        var reversed = sum
        reversed.add(tiny)
        #expect(reversed.overflowed)
    }

    @Test func theNameShownIsThatOfTheFirstProcedureByIdThatNamesIt() throws {
        var renamed = screened("P-1", score: 0, [])
        renamed.procedure.buyers[0].organization.name = "Buyer One (renamed)"
        let procedures = [screened("P-2", score: 0, []), renamed]
        for order in [procedures, procedures.reversed()] {
            let buyer = try #require(rolledUp(.buyer, order).ranking(minimumProcedures: 1).first)
            #expect(buyer.name == "Buyer One (renamed)")
        }
    }

    @Test func partialRollUpsMergeToTheSameResultInAnySplit() {
        var procedures: [ScreenedProcedure] = []
        for index in 0..<24 {
            let lots = [LotFactory(id: "LOT-1", tenders: [("\(1000 + index).25", ["Alpha", "Beta", "Gamma"][index % 3])]),
                        LotFactory(id: "LOT-2", tenders: [("\(2000 + index)", ["Beta", "Delta"][index % 2])])]
            var findings = [index % 4 == 0 ? flag("single-bid", lot: "LOT-1", severity: 0.7) : clear("single-bid", lot: "LOT-1"),
                            index % 5 == 0 ? flag("single-bid", lot: "LOT-2") : missing("single-bid", lot: "LOT-2")]
            if index % 3 == 0 { findings.append(flag("threshold-proximity")) }
            let score = Double(index % 7) * 2.5
            procedures.append(screened((index < 10 ? "P-0" : "P-") + String(index), buyer: ["A", "B", "C", "D", "E"][index % 5],
                                       score: score, findings, lots: lots, estimate: "\(10_000 * (index + 1)).5"))
        }
        for role in EntityRole.allCases {
            let whole = rolledUp(role, procedures).ranking(minimumProcedures: 3)
            #expect(whole.count > 2)
            for parts in [2, 3, 5, 24] {
                var merged = EntityRollUp(role: role, settings: pinned)
                for part in 0..<parts {
                    merged.merge(rolledUp(role, Array(procedures[procedures.count * part / parts..<procedures.count * (part + 1) / parts])))
                }
                #expect(merged.ranking(minimumProcedures: 3) == whole, "\(role) in \(parts) parts")
                #expect(merged.procedures == 24)
            }
            // Merged in reverse order too: every tally adds up the same.
            var reversed = rolledUp(role, Array(procedures[12...]))
            reversed.merge(rolledUp(role, Array(procedures[..<12])))
            #expect(reversed.ranking(minimumProcedures: 3) == whole)
        }
    }

    @Test func weightsAndDisabledIndicatorsComeFromTheSettings() throws {
        var settings = pinned
        settings.overrides["single-bid"] = ["weight": .number(50)]
        settings.disabled = ["non-open-procedure"]
        let buyer = try #require(rolledUp(.buyer, Self.buyerProcedures, settings: settings)
            .ranking(minimumProcedures: 1).first)
        #expect(!buyer.indicators.contains { $0.id == "non-open-procedure" })
        #expect(try rate(buyer, "single-bid").points == 28.33) // 50 × 1.7 / 3
        #expect(buyer.composite == 28.33)
    }

    @Test func aValueFactorScalesASuppliersPartScore() throws {
        let lots = [LotFactory(id: "LOT-1", tenders: [("40000", "Alpha")]), LotFactory(id: "LOT-2", tenders: [("1000", "Beta")])]
        let procedure = screened("P-1", score: 30, [flag("single-bid", lot: "LOT-1")], lots: lots, valueFactor: 1.5)
        let alpha = try #require(rolledUp(.supplier, [procedure]).ranking(minimumProcedures: 1).first)
        #expect(alpha.key == "FRA/IDALPHA")
        #expect(alpha.maxScore == 30) // 20 × 1.5
        #expect(alpha.composite == 20) // the composite leaves the value factor out
    }
}
