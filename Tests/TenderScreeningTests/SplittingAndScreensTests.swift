#if canImport(Glibc)
import Glibc
#endif
import Testing
import TenderModel
@testable import TenderScreening

/// A below-threshold services purchase of a regional authority (threshold 221000 EUR in 2024).
private func purchase(_ id: String, on date: String, estimate: String, winner: String = "Alpha",
                      buyer: String = "123", cpv: String = "90911200") -> Procedure {
    var factory = ProcedureFactory()
    factory.id = id
    factory.buyer = buyer
    factory.cpv = cpv
    factory.estimate = estimate
    factory.dispatched = date
    factory.lots = [LotFactory(tenders: [("90000", winner)])]
    return factory.build()
}

@Suite("contract-splitting")
struct ContractSplittingTests {
    /// The worked example of the metadata.
    @Test func theWorkedExample() {
        let procedures = [
            purchase("P1", on: "2024-02-01", estimate: "210000"),
            purchase("P2", on: "2024-03-10", estimate: "215000"),
            purchase("P3", on: "2024-04-20", estimate: "205000"),
            purchase("P4", on: "2025-09-01", estimate: "210000"),
            purchase("P5", on: "2024-03-01", estimate: "60000"),
        ]
        let results = findings(ContractSplitting.self, procedures).map { $0[0] }
        for flagged in results[0...2] {
            #expect(flagged.isFlagged)
            #expect(flagged.severity == 1)
            #expect(flagged.evidence["purchases"] == .integer(3))
            #expect(flagged.evidence["seriesTotal"] == .amount(eur("630000")))
            #expect(flagged.evidence["sameSupplier"] == .text("FRA/IDALPHA"))
            #expect(flagged.evidence["first"] == .date(CalendarDate("2024-02-01")!))
            #expect(flagged.threshold?.value == .amount(eur("221000")))
        }
        #expect(results[3].status == .clear)
        #expect(results[4].status == .clear)
        #expect(results[4].message.contains("not counted"))
    }

    @Test func differentSuppliersGiveTheLowerSeverity() {
        let procedures = [
            purchase("P1", on: "2024-02-01", estimate: "150000", winner: "Alpha"),
            purchase("P2", on: "2024-05-01", estimate: "150000", winner: "Beta"),
            purchase("P3", on: "2024-08-01", estimate: "150000", winner: "Gamma"),
        ]
        let results = findings(ContractSplitting.self, procedures).map { $0[0] }
        #expect(results.allSatisfy { $0.isFlagged && $0.severity == 0.75 })
        #expect(results[0].evidence["sameSupplier"] == .unknown)
    }

    @Test func otherBuyersClassesAndTwoPurchasesAreNoSeries() {
        let procedures = [
            purchase("P1", on: "2024-02-01", estimate: "150000"),
            purchase("P2", on: "2024-05-01", estimate: "150000"),
            purchase("P3", on: "2024-06-01", estimate: "150000", buyer: "999"),
            purchase("P4", on: "2024-07-01", estimate: "150000", cpv: "45233000"),
        ]
        let results = findings(ContractSplitting.self, procedures).map { $0[0] }
        #expect(results.allSatisfy { $0.status == .clear })
    }

    @Test func aSeriesUnderTheThresholdInTotalIsClear() {
        var settings = ScreeningSettings()
        settings.overrides["contract-splitting"] = ["minimum-share-of-threshold": .number(0)]
        let procedures = (1...3).map { purchase("P\($0)", on: "2024-0\($0)-01", estimate: "70000") }
        let results = findings(ContractSplitting.self, procedures, settings: settings).map { $0[0] }
        #expect(results.allSatisfy { $0.status == .clear })
    }

    @Test func missingFactsAreNotClear() {
        var noEstimate = ProcedureFactory()
        noEstimate.estimate = nil
        var localBuyer = ProcedureFactory()
        localBuyer.buyer = ""
        var procedure = localBuyer.build()
        procedure.buyers[0].organization.name = nil
        let results = findings(ContractSplitting.self, [noEstimate.build(), procedure]).map { $0[0] }
        #expect(results[0].missing == ["BT-27 estimated value"])
        #expect(results[1].isInsufficient)
        var above = ProcedureFactory()
        above.estimate = "300000"
        #expect(findings(ContractSplitting.self, [above.build()])[0][0].isNotApplicable)
    }

    @Test func mergedPartialPopulationsGiveTheSameFindings() {
        let procedures = (1...9).map { index in
            purchase("P\(index)", on: "2024-0\(index)-02", estimate: String(120000 + index * 5000),
                     winner: index % 2 == 0 ? "Alpha" : "Beta", cpv: index < 5 ? "90911200" : "45233000")
        }
        let whole = findings(ContractSplitting.self, procedures)
        for parts in 2...3 { #expect(findingsMerged(ContractSplitting.self, procedures, parts: parts) == whole) }
    }
}

/// A lot with these bids, the first the winner, in a works procedure of a French buyer.
private func tendered(_ id: String, _ bids: [Int], listed: Int? = nil) -> Procedure {
    var factory = ProcedureFactory()
    factory.id = id
    var lot = LotFactory()
    lot.tenders = bids.enumerated().map { (String($1), "Firm\($0)") }
    lot.tendersStatistic = .known(listed ?? bids.count)
    factory.lots = [lot]
    return factory.build()
}

/// Thirty lots of 3–5 independent bids, each the estimate times a normal factor (mean 0.9,
/// s.d. 0.1, as bidders pricing on their own), from a fixed pseudo-random sequence.
private func competitiveMarket() -> [Procedure] {
    var state: UInt64 = 42
    func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return (Double(state >> 11) + 0.5) / Double(1 << 53)
    }
    func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
    return (1...30).map { index in
        let bids = (0..<(3 + index % 3)).map { _ in Int(100000 * (0.9 + 0.1 * normal())) }.sorted()
        return tendered("M\(index)", bids)
    }
}

@Suite("bid-screens")
struct BidScreensTests {
    @Test func screensOfTheWorkedExample() throws {
        let screens = try #require(BidDistributionScreens([106000, 100000, 105000, 104000]))
        #expect(abs(screens[.cv]! - 0.025349) < 1e-6)
        #expect(screens[.spread] == 0.06)
        #expect(screens[.difference] == 0.04)
        #expect(abs(screens[.relativeDistance]! - 4.0) < 1e-9)
        #expect(abs(screens[.skewness]! + 1.443059) < 1e-6)
        #expect(abs(screens[.kurtosis]! - 2.234867) < 1e-6)
        #expect(BidDistributionScreens([1, 2]) == nil)
        #expect(try #require(BidDistributionScreens([1, 2, 3]))[.kurtosis] == nil)
    }

    @Test func coverBidsClusteredAboveTheWinnerAreFlagged() {
        let procedures = competitiveMarket() + [tendered("RIGGED", [100000, 104000, 104500, 105000])]
        let rigged = findings(BidScreens.self, procedures).last![0]
        #expect(rigged.isFlagged)
        #expect(rigged.evidence["reference"] == .text("FRA 45"))
        #expect(rigged.evidence["referenceLots"] == .integer(31))
        guard case .list(let tail)? = rigged.evidence["inCollusiveTail"] else {
            Issue.record("no tail list")
            return
        }
        #expect(tail.count >= 4 && tail.contains(.text("cv")) && tail.contains(.text("relative-distance")))
    }

    @Test func ordinaryLotsAreMostlyClear() {
        let results = findings(BidScreens.self, competitiveMarket()).map { $0[0] }
        #expect(results.allSatisfy { $0.isFlagged || $0.status == .clear })
        #expect(results.filter(\.isFlagged).count <= 2)
    }

    @Test func tooFewLotsOrUnpublishedBidsAreInsufficient() {
        let few = findings(BidScreens.self, [tendered("A", [100, 104, 106]), tendered("B", [100, 120, 150])])
        #expect(few[0][0].missing == ["30 lots with 3 or more priced tenders"])
        let partly = findings(BidScreens.self, competitiveMarket() + [tendered("C", [100000, 104000, 105000], listed: 5)])
        #expect(partly.last![0].missing == ["BT-720 values of all 5 tenders (3 published)"])
        let pair = findings(BidScreens.self, competitiveMarket() + [tendered("D", [100000, 104000])])
        #expect(pair.last![0].isNotApplicable)
    }

    @Test func mergedPartialPopulationsGiveTheSameFindings() {
        let procedures = competitiveMarket() + [tendered("RIGGED", [100000, 104000, 104500, 105000])]
        let whole = findings(BidScreens.self, procedures)
        for parts in 2...3 { #expect(findingsMerged(BidScreens.self, procedures, parts: parts) == whole) }
    }
}
