import Testing
import TenderModel
import TenderScreening

/// The settings digest reports record, and the file `tenderscreen init` writes.
@Suite("Settings digest and init file")
struct SettingsDigestTests {
    static let template = SettingsTemplate.text(generator: "tenderscreen test")

    func parse(_ text: String) throws -> ScreeningSettings {
        try SettingsFile.parse(text, file: "tenderscreen.toml").settings
    }

    @Test func theInitFileReadsBackToTheDefaults() throws {
        let read = try parse(Self.template)
        #expect(read == .standard)
        #expect(read.digest == ScreeningSettings.standard.digest)
        #expect(read.canonicalForm() == ScreeningSettings.standard.canonicalForm())
        // The tables read back row for row, in order.
        #expect(read.timeLimits == .eu)
        #expect(read.thresholds == .eu)
        #expect(read.disabled.isEmpty && read.overrides.isEmpty && read.valueAdjustment == nil)
    }

    @Test func theInitFileDescribesEverySetting() {
        for indicator in IndicatorCatalogue.all.map({ $0.metadata }) {
            #expect(Self.template.contains("[indicators.\(indicator.id)]"))
            #expect(Self.template.contains("# \(indicator.id) — \(indicator.name)"))
            for setting in indicator.settings {
                #expect(Self.template.contains("\n\(setting.key) = "), "\(indicator.id).\(setting.key)")
            }
        }
        #expect(Self.template.split(separator: "\n").allSatisfy { $0.count <= 100 || !$0.hasPrefix("#") })
        let lines = Self.template.split(separator: "\n")
        #expect(lines.count { $0 == "[[time-limits]]" } == TimeLimitTable.eu.rules.count)
        #expect(lines.count { $0 == "[[thresholds]]" } == ThresholdTable.eu.rules.count)
        #expect(Self.template.contains("citation = \"Directive 2014/24/EU art. 27(1)\""))
        #expect(Self.template.contains("amount = 5_538_000"))
    }

    @Test func changedSettingsRoundTripThroughTheFile() throws {
        var settings = ScreeningSettings()
        settings.disabled = ["non-open-procedure"]
        settings.overrides["single-bid"] = ["weight": .number(12.5), "procedure-types": .list(["open", "with \"quotes\""])]
        settings.overrides["price-close-to-winner"] = ["threshold": .number(0.005)]
        settings.valueAdjustment = ValueAdjustment(reference: 250_000, strength: 0.1)
        var thresholds = ThresholdTable.eu
        thresholds.add(ThresholdRule(jurisdiction: "AL", legalBasis: "AL-162/2020", category: .works,
                                     validFrom: CalendarDate(year: 2024, month: 1, day: 1)!,
                                     validUntil: CalendarDate(year: 2099, month: 12, day: 31)!,
                                     amount: DecimalNumber("1000000.50")!, currency: "ALL", citation: "illustrative"))
        settings.thresholds = thresholds
        let text = SettingsTemplate.text(settings: settings, generator: "test")
        let read = try parse(text)
        #expect(read == settings)
        #expect(read.digest == settings.digest)
        #expect(read.digest != ScreeningSettings.standard.digest)
        #expect(text.contains("weight = 12.5"))
        #expect(text.contains("; default 10"))
    }

    @Test func theDigestIsSHA256InHexadecimal() {
        let digest = ScreeningSettings.standard.digest
        #expect(digest.hasPrefix("sha256:"))
        #expect(digest.count == 7 + 64)
        #expect(digest.dropFirst(7).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(digest == "sha256:" + SHA256.hexDigest(ScreeningSettings.standard.canonicalForm()))
    }

    /// Comments, blank lines, key order, quoting and number spelling are not settings.
    @Test func layoutDoesNotChangeTheDigest() throws {
        let plain = try parse("""
            [indicators.single-bid]
            weight = 30
            maximum-tenders = 2

            [indicators.threshold-proximity]
            margin = 0.1
            """)
        let rearranged = try parse("""
            # the same values, written differently
            [indicators."threshold-proximity"]
            margin = 1e-1   # a tenth

            [indicators.single-bid]
            maximum-tenders = 2
                weight = 30.0
            enabled = true
            """)
        let dotted = try parse("indicators.single-bid.weight = 30_0e-1\nindicators.single-bid.maximum-tenders = 2\n"
            + "indicators.threshold-proximity = { margin = 0.1 }\n")
        #expect(plain.digest == rearranged.digest)
        #expect(plain.digest == dotted.digest)
        #expect(plain.digest != ScreeningSettings.standard.digest)
    }

    @Test func everyValueChangesTheDigest() throws {
        let base = ScreeningSettings.standard.digest
        let changes = [
            "[indicators.single-bid]\nweight = 21\n",
            "[indicators.single-bid]\nenabled = false\n",
            "[indicators.single-bid]\nprocedure-types = [\"restricted\", \"open\"]\n",
            "[indicators.threshold-proximity]\nmargin = 0.06\n",
            "[scoring.value-adjustment]\nenabled = true\n",
        ]
        var digests = Set<String>()
        for change in changes {
            let digest = try parse(change).digest
            #expect(digest != base, "\(change)")
            digests.insert(digest)
        }
        #expect(digests.count == changes.count)
        // Only the first time-limit row changed: a citation is part of the settings.
        let edited = Self.template.replacingFirst("citation = \"Directive 2014/24/EU art. 27(1)\"",
                                                  with: "citation = \"Directive 2014/24/EU, Article 27(1)\"")
        #expect(edited != Self.template)
        #expect(try parse(edited).digest != base)
    }

    /// The order of table rows does not change what the tables answer, nor the digest.
    @Test func rowOrderDoesNotChangeTheDigest() {
        var settings = ScreeningSettings()
        settings.timeLimits = TimeLimitTable(rules: TimeLimitTable.eu.rules.reversed())
        settings.thresholds = ThresholdTable(rules: ThresholdTable.eu.rules.reversed())
        #expect(settings.digest == ScreeningSettings.standard.digest)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
