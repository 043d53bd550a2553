import Testing
import TenderModel
import TenderScreening

@Suite("recurrent-uncontested-winner")
struct RecurrentUncontestedWinnerTests {
    /// A procedure of `buyer` won by `supplier` as the only tender counted.
    static func alone(_ id: String, buyer: String = "123", supplier: String) -> Procedure {
        OrganisationFixtures.award(id, buyer: buyer, supplier: supplier, received: .known(1))
    }

    /// The metadata's worked example: at buyer 123, Alpha wins 4 uncontested procedures, Beta and
    /// Gamma one each, and Alpha also wins a contested one; buyer 456 has 20 uncontested
    /// procedures won by others.
    static func example() -> [Procedure] {
        var procedures = (0..<4).map { alone("A-\($0)", supplier: "Alpha") }
        procedures += [alone("B", supplier: "Beta"), alone("G", supplier: "Gamma")]
        procedures.append(OrganisationFixtures.award("C", supplier: "Alpha", received: .known(3)))
        procedures += (0..<20).map { alone("O-\($0)", buyer: "456", supplier: "Other\($0)") }
        return procedures
    }

    @Test func workedExample() throws {
        let results = findings(RecurrentUncontestedWinner.self, Self.example())
        #expect(results.prefix(7).map { $0.map(\.status) }
            == [[.flagged], [.flagged], [.flagged], [.flagged], [.clear], [.clear], [.clear]])
        let alpha = try #require(results[0].first)
        #expect(alpha.evidence["buyer"] == .text("FRA/123"))
        #expect(alpha.evidence["supplier"] == .text("FRA/IDALPHA"))
        #expect(alpha.evidence["uncontestedWins"] == .integer(4))
        #expect(alpha.evidence["buyerUncontested"] == .integer(6))
        #expect(alpha.evidence["winsElsewhere"] == .integer(0))
        #expect(alpha.evidence["uncontestedElsewhere"] == .integer(20))
        #expect(alpha.evidence["expectedShare"] == .number(0.0476))
        #expect(alpha.evidence["chance"] == .text("7.1e-5"))
        #expect(alpha.severity == 1)
        #expect(alpha.threshold == Threshold(.number(0.001), "<=",
                                             source: .setting(key: "recurrent-uncontested-winner.significance")))
        #expect(alpha.message == "the winner won 4 of the buyer's 6 uncontested procedures, expected 0.2857 "
            + "from its share elsewhere")
        #expect(results[4][0].message == "the winner won 1 of the buyer's 6 uncontested procedures (fewer than 3)")
        #expect(results[6][0].message == "3 tenders: the award was contested")
        // The other buyer's suppliers won once each.
        #expect(results[7][0].status == .clear)
    }

    @Test func aSupplierThatWinsAloneEverywhereIsWithinChance() throws {
        // Alpha wins 3 of the buyer's 6 uncontested procedures, and 10 of the 20 elsewhere.
        var procedures = (0..<3).map { Self.alone("A-\($0)", supplier: "Alpha") }
        procedures += (0..<3).map { Self.alone("B-\($0)", supplier: "Beta\($0)") }
        procedures += (0..<20).map { Self.alone("O-\($0)", buyer: "456", supplier: $0 < 10 ? "Alpha" : "Other\($0)") }
        let finding = try #require(findings(RecurrentUncontestedWinner.self, procedures)[0].first)
        #expect(finding.status == .clear)
        #expect(finding.evidence["winsElsewhere"] == .integer(10))
        #expect(finding.message.hasSuffix(": within chance"))
    }

    @Test func aLotsOwnCountDecidesWhetherItCanBeJudged() throws {
        var procedures = Self.example()
        // Alpha again: one tender listed and no count; a withheld count; no count and nothing listed.
        procedures.append(OrganisationFixtures.award("L", supplier: "Alpha", received: nil))
        procedures.append(OrganisationFixtures.award("W", supplier: "Alpha", received: .withheld(Withholding(field: "rec-sub-cou"))))
        var empty = OrganisationFixtures.award("E", supplier: "Alpha", received: nil)
        empty.lots[0].result?.tenders = []
        procedures.append(empty)
        let results = findings(RecurrentUncontestedWinner.self, procedures)
        let listed = try #require(results[27].first)
        #expect(listed.status == .flagged)
        #expect(listed.severity == 0.5)
        #expect(listed.evidence["estimated"] == .bool(true))
        // Only counted awards make the pattern: Alpha still has 4.
        #expect(listed.evidence["uncontestedWins"] == .integer(4))
        #expect(results[28][0].missing == ["BT-759 tenders received (withheld)"])
        #expect(results[29].isEmpty || results[29][0].status == .notApplicable(reason: "no winner"))
    }

    @Test func tooFewWinsAreClear() {
        let procedures = (0..<2).map { Self.alone("A-\($0)", supplier: "Alpha") }
        let results = findings(RecurrentUncontestedWinner.self, procedures)
        #expect(results.map { $0.map(\.status) } == [[.clear], [.clear]])
        #expect(results[0][0].evidence["expectedShare"] == .number(1))
    }

    @Test func lotsOfOneProcedureCountOnce() {
        var factory = ProcedureFactory()
        factory.id = "M"
        factory.lots = (1...4).map { LotFactory(id: "LOT-\($0)", tendersStatistic: .known(1), tenders: [("1000", "Alpha")]) }
        var procedures = [factory.build()]
        procedures += (0..<20).map { Self.alone("O-\($0)", buyer: "456", supplier: "Other\($0)") }
        let results = findings(RecurrentUncontestedWinner.self, procedures)
        #expect(results[0].map(\.status) == [.clear, .clear, .clear, .clear])
        #expect(results[0][0].evidence["uncontestedWins"] == .integer(1))
    }

    @Test func anonymousBuyersAndWinnersAreInsufficientData() {
        var unnamed = Self.alone("U", supplier: "Alpha")
        unnamed.lots[0].result?.tenders[0].party?.tenderers[0].organization.name = nil
        unnamed.lots[0].result?.tenders[0].party?.tenderers[0].organization.nationalId = nil
        let procedures = [OrganisationFixtures.withAnonymousBuyer(Self.alone("Q", supplier: "Alpha")), unnamed]
        let results = findings(RecurrentUncontestedWinner.self, procedures)
        #expect(results[0][0].missing == ["buyer identity (national id or name)"])
        #expect(results[1][0].missing == ["winner identity (national id or name)"])
    }

    @Test func mergedPartsGiveTheSameFindings() {
        var procedures = Self.example()
        procedures.insert(Self.alone("X", buyer: "789", supplier: "Alpha"), at: 3)
        expectMergeIndependent(RecurrentUncontestedWinner.self, procedures)
    }
}
