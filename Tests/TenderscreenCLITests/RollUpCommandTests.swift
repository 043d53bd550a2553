import Foundation
import Testing

/// `tenderscreen screen --by buyer|supplier` end to end, on the screening fixtures (12
/// procedures, one per buyer; docs/rollups.md).
@Suite("tenderscreen screen --by")
struct RollUpCommandTests {
    /// Weights fixed for these tests, so retuning the defaults does not move their numbers.
    static let pinned = "Fixtures/settings/pinned-weights.toml"

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func objects(_ outcome: CommandRunner.Outcome) throws -> [[String: Any]] {
        try outcome.lines.map { try object(Data($0.utf8)) }
    }

    static func indicators(_ organisation: [String: Any]) -> [[String: Any]] {
        organisation["indicators"] as? [[String: Any]] ?? []
    }

    @Test func buyersAsJSON() throws {
        let outcome = try CommandRunner.run(["screen", "--by", "buyer", "--format", "json", "Fixtures/screening", "--settings", Self.pinned])
        #expect(outcome.status == 0)
        let report = try Self.object(outcome.standardOutput)
        #expect(report["by"] as? String == "buyer")
        #expect(report["schemaVersion"] as? Int == 1)
        let rollUp = try #require(report["rollUp"] as? [String: Any])
        #expect(rollUp["minimumProcedures"] as? Int == 5)
        #expect(rollUp["organisations"] as? Int == 12)
        #expect(rollUp["belowMinimum"] as? Int == 12) // one procedure each
        let organisations = try #require(report["organisations"] as? [[String: Any]])
        #expect(organisations.count == 12)
        #expect(organisations.map { $0["procedures"] as? Int } == Array(repeating: 1, count: 12))
        let first = organisations[0]
        #expect(first["rank"] as? Int == 1)
        #expect(first["key"] as? String == "IRL/IE9512347S")
        #expect(first["name"] as? String == "Western Regional Hospitals Group")
        #expect(first["composite"] as? Double == 25)
        #expect(first["belowMinimum"] as? Bool == true)
        #expect(first["topProcedures"] as? [String] == ["0d6f4bfd-e8ac-42da-b2bd-b710b4986234"])
        #expect(Self.indicators(first).prefix(2).compactMap { $0["id"] as? String }
            == ["price-close-to-winner", "heavily-discounted-bid"])
        #expect(Self.indicators(first).first?["points"] as? Double == 15)
        let value = try #require(first["value"] as? [String: Any])
        #expect(value["amount"] as? String == "2533270.00" && value["currency"] as? String == "EUR")
        let composites = organisations.compactMap { $0["composite"] as? Double }
        #expect(composites == composites.sorted(by: >))
        #expect(organisations.last?["composite"] as? Double == 0)
    }

    @Test func suppliersAsJSONLinesAnswerOnlyForTheLotsTheyWon() throws {
        let outcome = try CommandRunner.run(["screen", "--by", "supplier", "--format", "jsonl", "--min-procedures", "1",
                                             "Fixtures/screening", "--settings", Self.pinned])
        #expect(outcome.status == 0)
        let lines = try Self.objects(outcome)
        #expect(lines.count == 23)
        #expect(lines.map { $0["rank"] as? Int } == (1...23).map { $0 })
        #expect(lines.allSatisfy { $0["belowMinimum"] as? Bool == false })
        #expect(lines.first?["key"] as? String == "DEU/312456789") // won the flagged lot of short-period-restricted
        // price-gaps: only the winner of LOT-0023 answers for the close second price.
        let closePrice = lines.filter { line in
            Self.indicators(line).contains { $0["id"] as? String == "price-close-to-winner" && $0["flagged"] as? Int == 1 }
        }
        #expect(closePrice.compactMap { $0["name"] as? String } == ["Medisource Ireland Ltd"])
        let hospitex = try #require(lines.first { $0["key"] as? String == "DEU/245678913" })
        #expect(hospitex["composite"] as? Double == 0 && hospitex["maxScore"] as? Double == 0)
        #expect((hospitex["value"] as? [String: Any])?["amount"] as? String == "250970.00")
    }

    @Test(arguments: ["buyer", "supplier"])
    func theTableFitsOneHundredColumnsAndExplainsEachOrganisation(role: String) throws {
        let outcome = try CommandRunner.run(["screen", "--by", role, "--format", "table", "Fixtures/screening", "--settings", Self.pinned])
        #expect(outcome.status == 0)
        let lines = outcome.lines
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.filter { $0.count > 100 })")
        #expect(lines.first == "RANK  SCORE \(role.uppercased())" + String(repeating: " ", count: 44 - role.count)
            + "PROCS   MEAN    MAX     VALUE AT STAKE (EUR)")
        #expect(lines.contains { $0.hasPrefix("24 files · 24 notices · 12 procedures · ") })
        #expect(lines.contains { $0.contains("· * fewer than 5 procedures: ranked last") })
        if role == "buyer" {
            #expect(lines[2].hasPrefix("   1   25.0 Western Regional Hospitals Group "))
            #expect(lines[2].hasSuffix("1*   25.0   25.0             2,533,270.00"))
            #expect(lines.contains("            ! price-close-to-winner: 1 of 1 (100%), 15.0 points"))
            #expect(lines.contains("            ? never checkable: decision-period"))
            #expect(lines.contains { $0.hasPrefix("12 buyers ranked · 0 procedures without an identifiable buyer") })
        } else {
            #expect(lines[2].hasPrefix("   1   20.0 Nordkehr Kommunaldienste GmbH "))
            #expect(lines.contains("            ! short-submission-period: 1 of 1 (100%), 20.0 points"))
            #expect(lines.contains { $0.hasPrefix("23 suppliers ranked · ") })
        }
    }

    @Test func topAndMinimumScoreApplyToOrganisations() throws {
        let top = try CommandRunner.run(["screen", "--by", "buyer", "--format", "jsonl", "--top", "3", "Fixtures/screening", "--settings", Self.pinned])
        #expect(try Self.objects(top).map { $0["rank"] as? Int } == [1, 2, 3])
        let scored = try CommandRunner.run(["screen", "--by", "buyer", "--format", "json", "--min-score", "15",
                                            "Fixtures/screening", "--settings", Self.pinned])
        let report = try Self.object(scored.standardOutput)
        let organisations = try #require(report["organisations"] as? [[String: Any]])
        #expect(organisations.count == 5)
        #expect(organisations.allSatisfy { ($0["composite"] as? Double ?? 0) >= 15 })
        #expect((report["rollUp"] as? [String: Any])?["organisations"] as? Int == 12) // ranked, listed or not
        let none = try CommandRunner.run(["screen", "--by", "supplier", "--format", "table", "--min-score", "99",
                                          "Fixtures/screening", "--settings", Self.pinned])
        #expect(none.lines.contains("(no organisation to show)"))
    }

    @Test func oneAndTwoJobsGiveIdenticalBytes() throws {
        for role in ["buyer", "supplier"] {
            let one = try CommandRunner.run(["screen", "--by", role, "--jobs", "1", "Fixtures/eforms", "Fixtures/screening", "--settings", Self.pinned])
            let two = try CommandRunner.run(["screen", "--by", role, "--jobs", "2", "Fixtures/eforms", "Fixtures/screening", "--settings", Self.pinned])
            #expect(one.status == 0)
            #expect(!one.standardOutput.isEmpty && one.standardOutput == two.standardOutput)
        }
    }

    @Test func unreadableInputsAreReportedAsForProcedures() throws {
        let outcome = try CommandRunner.run(["screen", "--by", "buyer", "Fixtures/eforms", "Fixtures/invalid"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("Fixtures/invalid/mismatched-tags.xml:39:49"))
        let report = try Self.object(outcome.standardOutput)
        #expect((report["errors"] as? [Any])?.count == 6)
    }

    /// On a generated market, the suppliers a buyer favours (single bids at the estimate,
    /// short deadlines) are what the supplier roll-up is for: they must rank near the top.
    @Test func favouredSuppliersOfAGeneratedMarketRankAtTheTop() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path
        let truthFile = folder.appendingPathComponent("truth.json")
        let generated = try CommandRunner.run(["generate", "--procedures", "1500", "--seed", "2024", "--out", market,
                                               "--truth", truthFile.path])
        #expect(generated.status == 0)
        let screened = try CommandRunner.run(["screen", "--by", "supplier", "--format", "json", market])
        #expect(screened.status == 0)
        let organisations = try #require(try Self.object(screened.standardOutput)["organisations"] as? [[String: Any]])
        let ranked = organisations.filter { $0["belowMinimum"] as? Bool == false }.count
        let truth = try Self.object(try Data(contentsOf: truthFile))
        let favoured = (truth["groups"] as? [[String: Any]] ?? []).filter { $0["scheme"] as? String == "favoured-supplier" }
        #expect(favoured.count >= 3)
        for group in favoured {
            // Truth gives BT-501 as written; keys drop a country prefix (`DE572380757` → `DEU/572380757`).
            let id = try #require(group["supplier"] as? String)
            let supplier = try #require(organisations.first { organisation in
                let last = (organisation["key"] as? String)?.split(separator: "/").last.map(String.init)
                return last == id || last == String(id.dropFirst(2))
            }, "\(id)")
            let rank = try #require(supplier["rank"] as? Int)
            #expect(supplier["belowMinimum"] as? Bool == false)
            #expect(rank * 10 <= ranked, "favoured supplier \(id) ranks \(rank) of \(ranked)")
        }
    }

    @Test(arguments: [["screen", "--by", "seller", "Fixtures/screening", "--settings", Self.pinned],
                      ["screen", "--by", "buyer", "--min-procedures", "-1", "Fixtures/screening", "--settings", Self.pinned],
                      ["screen", "--min-procedures", "3", "Fixtures/screening", "--settings", Self.pinned]])
    func usageErrorsExitWithOne(arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 1)
        #expect(!outcome.standardError.isEmpty)
    }
}
