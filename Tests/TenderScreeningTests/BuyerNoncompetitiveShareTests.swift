import Testing
import TenderModel
import TenderScreening

@Suite("buyer-noncompetitive-share")
struct BuyerNoncompetitiveShareTests {
    /// `count` buyers, each with 10 awarded procedures of which `direct` are negotiated without a call.
    static func buyers(_ direct: [Int], firstBuyer: Int = 100) -> [Procedure] {
        var procedures: [Procedure] = []
        for (index, direct) in direct.enumerated() {
            let buyer = String(firstBuyer + index)
            for number in 0..<10 {
                procedures.append(OrganisationFixtures.award("\(buyer)-\(number)", buyer: buyer,
                                                             type: number < direct ? "neg-wo-call" : "open"))
            }
        }
        return procedures
    }

    /// The metadata's worked example: 19 buyers at 0, 5 at 0.1, one at 0.4 (its procedures come last).
    static func example() -> [Procedure] {
        buyers(Array(repeating: 0, count: 19) + Array(repeating: 1, count: 5) + [4])
    }

    @Test func workedExample() throws {
        let results = findings(BuyerNoncompetitiveShare.self, Self.example())
        let heavy = results.suffix(10).map { $0[0] }
        #expect(heavy.map(\.status) == Array(repeating: .flagged, count: 4) + Array(repeating: .clear, count: 6))
        let flagged = try #require(heavy.first)
        #expect(flagged.lot == nil)
        #expect(flagged.evidence["buyer"] == .text("FRA/124"))
        #expect(flagged.evidence["procedures"] == .integer(10))
        #expect(flagged.evidence["nonCompetitive"] == .integer(4))
        #expect(flagged.evidence["share"] == .number(0.4))
        #expect(flagged.evidence["withoutCompetition"] == .bool(true))
        #expect(flagged.evidence["valueShare"] == .number(0.4))
        #expect(flagged.threshold == Threshold(.number(0.25), ">",
                                               source: .setting(key: "buyer-noncompetitive-share.fallback-share")))
        #expect(heavy[4].message == "the buyer awarded 40.0 % of its procedures without competition; "
            + "this procedure was competitive")
        // A buyer at 0.1: its direct award is clear.
        let light = results[190][0]
        #expect(light.evidence["share"] == .number(0.1))
        #expect(light.evidence["withoutCompetition"] == .bool(true))
        #expect(light.status == .clear)
    }

    @Test func theFenceDecidesWhenItIsNotDegenerate() throws {
        // Shares 0.1 (×9), 0.2 (×10), 0.5: Q1 0.1, Q3 0.2, fence 0.35.
        let results = findings(BuyerNoncompetitiveShare.self, Self.buyers(Array(repeating: 1, count: 9)
            + Array(repeating: 2, count: 10) + [5]))
        let flagged = try #require(results.suffix(10).first?.first)
        #expect(flagged.status == .flagged)
        #expect(flagged.threshold == Threshold(.number(0.35), ">", source: .fence(Fence(side: .upper, count: 20,
                                                                                          q1: 0.1, q3: 0.2))))
        #expect(results.filter { $0[0].isFlagged }.count == 5)
    }

    @Test func buyersWithFewProceduresAreNotJudged() throws {
        var procedures = Self.example()
        procedures += (0..<9).map { OrganisationFixtures.award("S-\($0)", buyer: "999", type: "neg-wo-call") }
        let finding = try #require(findings(BuyerNoncompetitiveShare.self, procedures).last?.first)
        #expect(finding.status == .notApplicable(reason: "the buyer has 9 counted procedures (fewer than 10)"))
        #expect(finding.evidence["share"] == .number(1))
    }

    @Test func unknownTypesAnonymousBuyersAndUnawardedProceduresAreNotClear() {
        var unknown = OrganisationFixtures.award("U", buyer: "124")
        unknown.procedureType = .unknown
        var unawarded = ProcedureFactory()
        unawarded.buyer = "124"
        unawarded.lots = [LotFactory(winnerIndex: nil)]
        let procedures = Self.example() + [unknown, OrganisationFixtures.withAnonymousBuyer(unknown), unawarded.build()]
        let results = findings(BuyerNoncompetitiveShare.self, procedures).suffix(3).map { $0[0] }
        #expect(results[0].missing == ["BT-105 procedure type"])
        #expect(results[0].evidence["unknownType"] == .integer(1))
        #expect(results[1].missing == ["buyer identity (national id or name)"])
        #expect(results[2].status == .notApplicable(reason: "no contract awarded"))
    }

    @Test func theValueBasisWeighsWhatWasAwarded() {
        // One direct award of 900000 EUR beside nine open ones of 90000: 10 % of procedures, 52.6 % of value.
        var procedures = (0..<9).map { OrganisationFixtures.award("O-\($0)") }
        procedures.append(OrganisationFixtures.award("D", amount: "900000", type: "neg-wo-call"))
        let settings = OrganisationFixtures.settings("buyer-noncompetitive-share", ["basis": .text("value")])
        let results = findings(BuyerNoncompetitiveShare.self, procedures, settings: settings)
        #expect(results[9][0].status == .flagged)
        #expect(results[9][0].evidence["share"] == .number(0.5263))
        #expect(results[9][0].evidence["nonCompetitiveValue"] == .amount(eur("900000")))
        #expect(results[0][0].status == .clear)
        #expect(findings(BuyerNoncompetitiveShare.self, procedures)[9][0].status == .clear)
    }

    @Test func mergedPartsGiveTheSameFindings() {
        expectMergeIndependent(BuyerNoncompetitiveShare.self, Self.buyers(Array(repeating: 1, count: 9)
            + Array(repeating: 2, count: 10) + [5]))
        expectMergeIndependent(BuyerNoncompetitiveShare.self, Self.example())
    }
}
