import Foundation
import Testing
import TenderModel
import TenderScreening

/// The examples of docs/settings.md are read as they are written there.
@Suite("Settings documentation")
struct SettingsDocumentationTests {
    static func tomlBlocks() throws -> [String] {
        let text = try String(contentsOf: TestPaths.repository.appendingPathComponent("docs/settings.md"), encoding: .utf8)
        return text.components(separatedBy: "```toml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    @Test func everyTOMLExampleIsAValidSettingsFile() throws {
        let blocks = try Self.tomlBlocks()
        #expect(blocks.count >= 5)
        for block in blocks {
            #expect(throws: Never.self, "\(block)") { try SettingsFile.parse(block, file: "docs/settings.md") }
        }
    }

    /// The Albania row, appended to the full EU table as the documentation says, is found for
    /// its own legal basis and leaves the EU rows in place.
    @Test func theAlbaniaRowAddsToTheEUTable() throws {
        let albania = try #require(try Self.tomlBlocks().first { $0.contains("jurisdiction = \"AL\"") })
        let file = SettingsTemplate.text(generator: "test") + "\n" + albania
        let settings = try SettingsFile.parse(file, file: "tenderscreen.toml").settings
        #expect(settings.thresholds.rules.count == ThresholdTable.eu.rules.count + 1)
        let date = try #require(CalendarDate("2025-03-01"))
        let rule = try #require(settings.thresholds.threshold(legalBasis: "AL-162/2020", category: .works, on: date))
        #expect(rule.currency == "ALL")
        #expect(rule.amount.description == "603000000")
        #expect(settings.digest != ScreeningSettings.standard.digest)
    }
}
