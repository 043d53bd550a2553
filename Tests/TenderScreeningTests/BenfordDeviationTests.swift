import Testing
import TenderModel
import TenderScreening

@Suite("benford-deviation")
struct BenfordDeviationTests {
    /// Procedures of `buyer` of up to 20 lots each, whose winning values have first digits 1…9 `counts` times.
    static func procedures(_ counts: [Int], buyer: String = "123") -> [Procedure] {
        let amounts = counts.enumerated().flatMap { index, count in Array(repeating: "\(index + 1)2345", count: count) }
        return stride(from: 0, to: amounts.count, by: 20).map { start in
            OrganisationFixtures.awards("\(buyer)-\(start)", buyer: buyer,
                                        amounts: Array(amounts[start..<min(start + 20, amounts.count)]))
        }
    }

    @Test func workedExample() throws {
        let results = findings(BenfordDeviation.self, Self.procedures([38, 30, 25, 20, 17, 16, 18, 20, 16]))
        #expect(results.count == 10)
        #expect(results.allSatisfy { $0.map(\.status) == [.flagged] })
        let finding = try #require(results[0].first)
        #expect(finding.lot == nil)
        #expect(finding.severity == 1)
        #expect(finding.evidence["buyer"] == .text("FRA/123"))
        #expect(finding.evidence["values"] == .integer(200))
        #expect(finding.evidence["mad"] == .number(0.0305))
        #expect(finding.evidence["band"] == .text("nonconformity"))
        #expect(finding.evidence["expectedMad"] == .number(0.0166))
        #expect(finding.evidence["chiSquare"] == .number(27.57))
        #expect(finding.evidence["pValue"] == .number(0.0006))
        #expect(finding.evidence["digitCounts"] == .list([38, 30, 25, 20, 17, 16, 18, 20, 16].map { .integer($0) }))
        #expect(finding.evidence["expectedCounts"]
            == .list([60.2, 35.2, 25.0, 19.4, 15.8, 13.4, 11.6, 10.2, 9.2].map { .number($0) }))
        #expect(finding.threshold == Threshold(.number(0.012), ">", source: .setting(key: "benford-deviation.acceptable")))
    }

    @Test func valuesThatFollowBenfordAreClear() {
        let finding = findings(BenfordDeviation.self, Self.procedures([60, 35, 25, 19, 16, 13, 12, 10, 10]))[0][0]
        #expect(finding.status == .clear)
        #expect(finding.evidence["band"] == .text("close"))
    }

    @Test func aLargeMadFromASmallSampleIsPutDownToChance() {
        // MAD 0.0227 (Nigrini: nonconformity) from 100 values: χ² 5.1, p 0.74.
        let finding = findings(BenfordDeviation.self, Self.procedures([20, 20, 14, 12, 9, 8, 7, 5, 5]))[0][0]
        #expect(finding.evidence["band"] == .text("nonconformity"))
        #expect(finding.status == .clear)
        #expect(finding.message.contains("within chance"))
    }

    @Test func theMarginalBandWeighsHalf() {
        // 2000 values, MAD 0.0127, χ² 41.1.
        let finding = findings(BenfordDeviation.self,
                               Self.procedures([500, 340, 250, 200, 175, 150, 135, 130, 120]))[0][0]
        #expect(finding.status == .flagged)
        #expect(finding.evidence["band"] == .text("marginal"))
        #expect(finding.severity == 0.5)
    }

    @Test func tooFewValuesAnonymousBuyersAndMissingValuesAreNotJudged() {
        var procedures = Self.procedures([30, 18, 12, 10, 8, 7, 6, 5, 3])
        let results = findings(BenfordDeviation.self, procedures)
        #expect(results[0][0].status == .notApplicable(reason: "the buyer has 99 winning values (fewer than 100)"))

        procedures.append(OrganisationFixtures.award("W", amount: nil))
        procedures.append(OrganisationFixtures.withAnonymousBuyer(OrganisationFixtures.award("A")))
        let more = findings(BenfordDeviation.self, procedures)
        #expect(more[5][0].missing == ["BT-720 winning tender values"])
        #expect(more[6][0].missing == ["buyer identity (national id or name)"])
    }

    @Test func firstDigitsAreReadFromTheWrittenDigits() {
        let procedures = [OrganisationFixtures.awards("D", amounts: ["1.5", "0.0123", "987654321.00", "20"])]
        let finding = findings(BenfordDeviation.self, procedures,
                               settings: OrganisationFixtures.settings("benford-deviation", ["minimum-values": .integer(3)]))[0][0]
        // 0.0123 is a placeholder (at most one unit): 1.5, 987654321.00 and 20 remain.
        #expect(finding.evidence["digitCounts"] == .list([1, 1, 0, 0, 0, 0, 0, 0, 1].map { .integer($0) }))
    }

    @Test func mergedPartsGiveTheSameFindings() {
        expectMergeIndependent(BenfordDeviation.self, Self.procedures([38, 30, 25, 20, 17, 16, 18, 20, 16])
            + Self.procedures([60, 35, 25, 19, 16, 13, 12, 10, 10], buyer: "456"))
    }
}
