import Foundation
import Testing
import TenderReports
import TenderScreening

/// Documentation generated from code must match the code.
@Suite("Documentation")
struct DocumentationTests {
    @Test func indicatorsDocumentIsGeneratedFromTheMetadata() throws {
        let file = TestPaths.repository.appendingPathComponent("docs/indicators.md")
        let written = try String(contentsOf: file, encoding: .utf8)
        let generated = IndicatorDocumentation.markdown(IndicatorCatalogue.all.map { $0.metadata })
        #expect(written == generated, "docs/indicators.md is stale: run `swift run tenderscreen explain --all --markdown > docs/indicators.md`")
    }

    @Test func everyIndicatorIsInTheScoringDocumentWithItsWeight() throws {
        let text = try String(contentsOf: TestPaths.repository.appendingPathComponent("docs/scoring.md"), encoding: .utf8)
        for type in IndicatorCatalogue.all {
            let metadata = type.metadata
            let weight = Int(ScreeningSettings.standard.weight(of: metadata))
            #expect(text.contains("| `\(metadata.id)` | \(weight) |"), "\(metadata.id) weight \(weight) not in docs/scoring.md")
        }
    }
}
