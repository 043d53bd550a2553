import Testing
import TenderModel
import TenderScreening

@Suite("heterogeneous-supplier")
struct HeterogeneousSupplierTests {
    /// For each variety, a supplier winning `processes` single-lot procedures alone, spread over that many CPV
    /// divisions (10, 11, …).
    static func suppliers(_ varieties: [Int], processes: Int = 20) -> [Procedure] {
        varieties.enumerated().flatMap { index, variety in
            (0..<processes).map { number in
                OrganisationFixtures.award("S\(index)-\(number)", supplier: "S\(index)",
                                           cpv: "\(10 + number % variety)100000")
            }
        }
    }

    /// The metadata's worked example: varieties 1 (×8), 2 (×8), 3 (×7) and 9, the last supplier's lots last.
    static func example() -> [Procedure] {
        suppliers(Array(repeating: 1, count: 8) + Array(repeating: 2, count: 8) + Array(repeating: 3, count: 7) + [9])
    }

    @Test func workedExample() throws {
        let results = findings(HeterogeneousSupplier.self, Self.example())
        #expect(results.suffix(20).allSatisfy { $0.map(\.status) == [.flagged] })
        #expect(results.dropLast(20).allSatisfy { $0.map(\.status) == [.clear] })
        let finding = try #require(results.last?.first)
        #expect(finding.lot == "LOT-0001")
        #expect(finding.evidence["supplier"] == .text("FRA/IDS23"))
        #expect(finding.evidence["contractingProcesses"] == .integer(20))
        #expect(finding.evidence["variety"] == .integer(9))
        #expect(finding.evidence["divisions"] == .list((10...18).map { .text(String($0)) }))
        #expect(finding.threshold == Threshold(.number(6), ">=", source: .fence(Fence(side: .upper, count: 24,
                                                                                        q1: 1, q3: 3))))
        let three = results[16 * 20][0]
        #expect(three.evidence["variety"] == .integer(3))
        #expect(three.status == .clear)
    }

    @Test func aDegenerateFenceJudgesNothingUnlessAThresholdIsSet() {
        let procedures = Self.suppliers(Array(repeating: 1, count: 23) + [3])
        let results = findings(HeterogeneousSupplier.self, procedures)
        #expect(results.last?.first?.status == .notApplicable(reason: "the upper fence is degenerate (Q1 = Q3 = 1.0)"))
        let settings = OrganisationFixtures.settings("heterogeneous-supplier", ["threshold": .integer(3)])
        let fixed = findings(HeterogeneousSupplier.self, procedures, settings: settings)
        #expect(fixed.last?.first?.status == .flagged)
        #expect(fixed.last?.first?.threshold?.source == .setting(key: "heterogeneous-supplier.threshold"))
        #expect(fixed.first?.first?.status == .clear)
    }

    @Test func suppliersWithFewProcessesAndTooFewSuppliersAreNotJudged() {
        var procedures = Self.example()
        procedures += Self.suppliers([5], processes: 19).map { procedure in
            var procedure = procedure
            procedure.lots[0].result!.tenders[0].party!.tenderers[0].organization.nationalId = "ID-Late"
            return procedure
        }
        let results = findings(HeterogeneousSupplier.self, procedures)
        #expect(results.last?.first?.status == .notApplicable(reason: "the winner won alone in 19 procedures (fewer than 20)"))

        let few = findings(HeterogeneousSupplier.self, Self.suppliers([1, 2, 9]))
        #expect(few[0][0].status == .notApplicable(reason: "only 3 suppliers with 20 or more procedures (fewer than 20)"))
    }

    @Test func groupWinsAddNoVarietyAndAnonymousWinnersAreInsufficientData() {
        var procedures = Self.example()
        // The variety-1 supplier S0 wins five more lots in other divisions, each within a group.
        for number in 0..<5 {
            var procedure = OrganisationFixtures.award("G-\(number)", supplier: "S0", cpv: "\(30 + number)100000")
            var partner = Organization(localId: "ORG-P")
            partner.nationalId = "ID-Partner"
            partner.country = "FRA"
            procedure.lots[0].result!.tenders[0].party!.tenderers.append(Tenderer(organization: partner))
            procedures.append(procedure)
        }
        var anonymous = OrganisationFixtures.award("N")
        anonymous.lots[0].result!.tenders[0].party!.tenderers[0].organization.nationalId = nil
        anonymous.lots[0].result!.tenders[0].party!.tenderers[0].organization.name = nil
        procedures.append(anonymous)
        let results = findings(HeterogeneousSupplier.self, procedures)
        #expect(results[0][0].evidence["variety"] == .integer(1))
        #expect(results[0][0].evidence["contractingProcesses"] == .integer(20))
        #expect(results.last?.first?.missing == ["winner identity (national id or name)"])
    }

    @Test func mergedPartsGiveTheSameFindings() {
        expectMergeIndependent(HeterogeneousSupplier.self, Self.example())
    }
}
