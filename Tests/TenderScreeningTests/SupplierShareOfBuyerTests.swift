import Testing
import TenderModel
import TenderScreening

@Suite("supplier-share-of-buyer")
struct SupplierShareOfBuyerTests {
    /// The metadata's worked example: Alpha 4 lots, Beta 2 lots, 520000 EUR in 2024.
    static func example() -> [Procedure] {
        let alpha = ["100000", "120000", "90000", "110000"].enumerated().map { index, amount in
            OrganisationFixtures.award("A-\(index)", supplier: "Alpha", amount: amount)
        }
        let beta = ["40000", "60000"].enumerated().map { index, amount in
            OrganisationFixtures.award("B-\(index)", supplier: "Beta", amount: amount)
        }
        return alpha + beta
    }

    @Test func workedExample() throws {
        let results = findings(SupplierShareOfBuyer.self, Self.example())
        #expect(results.map { $0.map(\.status) } == [[.flagged], [.flagged], [.flagged], [.flagged], [.clear], [.clear]])
        let alpha = try #require(results[0].first)
        #expect(alpha.lot == "LOT-0001")
        #expect(alpha.evidence["buyer"] == .text("FRA/123"))
        #expect(alpha.evidence["supplier"] == .text("FRA/IDALPHA"))
        #expect(alpha.evidence["year"] == .integer(2024))
        #expect(alpha.evidence["supplierValue"] == .amount(eur("420000")))
        #expect(alpha.evidence["buyerValue"] == .amount(eur("520000")))
        #expect(alpha.evidence["share"] == .number(0.8077))
        #expect(alpha.evidence["contracts"] == .integer(6))
        #expect(alpha.evidence["supplierContracts"] == .integer(4))
        #expect(alpha.evidence["supplierProcedures"] == .integer(4))
        #expect(alpha.threshold == Threshold(.number(0.15), ">=",
                                             source: .setting(key: "supplier-share-of-buyer.maximum-share")))
        #expect(alpha.message == "the winner took 80.8 % of the buyer's 2024 awards in EUR (4 of 6 contracts)")
        let beta = try #require(results[4].first)
        #expect(beta.evidence["share"] == .number(0.1923))
        #expect(beta.message.hasSuffix("(2 of 6 contracts) in 2 procedures, fewer than 3"))
    }

    @Test func aSmallShareIsClear() {
        var procedures = Self.example()
        // Six more lots to others: Alpha's 420000 of 6520000 is 6.4 %.
        for index in 0..<6 {
            procedures.append(OrganisationFixtures.award("C-\(index)", supplier: "Other\(index)", amount: "1000000"))
        }
        let results = findings(SupplierShareOfBuyer.self, procedures)
        #expect(results[0][0].status == .clear)
        #expect(results[0][0].evidence["share"] == .number(0.0644))
    }

    @Test func lotsOfOneProcedureAreOneDecision() {
        // Alpha wins three lots of one procedure: two thirds of the buyer's year, but in one procedure.
        var procedures = [OrganisationFixtures.awards("M", supplier: "Alpha", amounts: ["100000", "100000", "100000"])]
        for name in ["Beta", "Gamma", "Delta"] {
            procedures.append(OrganisationFixtures.award(name, supplier: name, amount: "50000"))
        }
        let results = findings(SupplierShareOfBuyer.self, procedures)
        #expect(results[0].map(\.status) == [.clear, .clear, .clear])
        #expect(results[0][0].evidence["share"] == .number(0.6667))
        #expect(results[0][0].evidence["supplierContracts"] == .integer(3))
        #expect(results[0][0].evidence["supplierProcedures"] == .integer(1))
    }

    @Test func tooFewContractsInTheYearAreNotJudged() throws {
        // Four contracts in 2024; the fifth is in 2023 and does not count.
        var procedures = Array(Self.example().prefix(4))
        procedures.append(OrganisationFixtures.award("Y-2023", supplier: "Alpha", amount: "50000", awarded: "2023-11-02"))
        let results = findings(SupplierShareOfBuyer.self, procedures)
        let finding = try #require(results[0].first)
        #expect(finding.isNotApplicable)
        #expect(finding.status == .notApplicable(reason: "the buyer awarded 4 contracts in 2024 (EUR), fewer than 5"))
        #expect(finding.evidence["share"] == .number(1))
        #expect(results[4][0].evidence["contracts"] == .integer(1))
    }

    @Test func currenciesAreNeverMixed() {
        var procedures = Self.example()
        var pounds = OrganisationFixtures.award("GBP", supplier: "Gamma", amount: "5000000")
        pounds.lots[0].result!.tenders[0].amount = .known(Amount(value: DecimalNumber("5000000")!, currency: "GBP"))
        procedures.append(pounds)
        let results = findings(SupplierShareOfBuyer.self, procedures)
        #expect(results[0][0].evidence["buyerValue"] == .amount(eur("520000")))
        #expect(results[0][0].status == .flagged)
        #expect(results[6][0].isNotApplicable)
    }

    @Test func unusableValuesAndAnonymousBuyersAreInsufficientData() {
        var procedures = Self.example()
        procedures.append(OrganisationFixtures.award("P", supplier: "Alpha", amount: "1"))
        procedures.append(OrganisationFixtures.withAnonymousBuyer(OrganisationFixtures.award("Q", amount: "90000")))
        let results = findings(SupplierShareOfBuyer.self, procedures)
        #expect(results[6][0].missing == ["BT-720 awarded value"])
        #expect(results[7][0].missing == ["buyer identity (national id or name)"])
        // The placeholder lot is not in the buyer's sums, but it is counted as unvalued.
        #expect(results[0][0].evidence["buyerValue"] == .amount(eur("520000")))
        #expect(results[0][0].evidence["unvaluedContracts"] == .integer(1))
    }

    @Test func lotsWithoutAWinnerAreNotApplicable() {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(winnerIndex: nil)]
        let results = findings(SupplierShareOfBuyer.self, [factory.build()])
        #expect(results[0][0].status == .notApplicable(reason: "no winner"))
    }

    @Test func mergedPartsGiveTheSameFindings() {
        var procedures = Self.example()
        procedures.insert(OrganisationFixtures.award("Y-2023", supplier: "Alpha", amount: "50000", awarded: "2023-11-02"),
                          at: 2)
        procedures.append(OrganisationFixtures.award("Other", buyer: "456", supplier: "Alpha", amount: "70000"))
        expectMergeIndependent(SupplierShareOfBuyer.self, procedures)
    }
}
