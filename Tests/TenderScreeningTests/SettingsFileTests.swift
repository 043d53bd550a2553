import Testing
import TenderModel
import TenderScreening

/// Reading a settings file into ``ScreeningSettings``, and what it refuses.
@Suite("Settings file")
struct SettingsFileTests {
    func settings(_ text: String) throws -> ScreeningSettings {
        try SettingsFile.parse(text, file: "settings.toml").settings
    }

    /// The error for `text`, as printed.
    func error(_ text: String, catalogue: [IndicatorMetadata] = IndicatorCatalogue.all.map { $0.metadata }) -> String? {
        do {
            _ = try SettingsFile.parse(text, file: "settings.toml", catalogue: catalogue)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anEmptyFileGivesTheDefaults() throws {
        #expect(try settings("") == .standard)
        #expect(try settings("# nothing but a comment\n\n") == .standard)
    }

    @Test func indicatorValuesOverrideTheDefaults() throws {
        let read = try settings("""
            [indicators.single-bid]
            weight = 35            # an integer for a number setting
            maximum-tenders = 2
            procedure-types = ["open", "oth-single"]
            estimated-severity = 0.5

            [indicators.price-close-to-winner]
            threshold = 0.005      # a number where the default is a word
            """)
        let singleBid = SingleBid.metadata
        #expect(read.weight(of: singleBid) == 35)
        #expect(read.integer("maximum-tenders", of: singleBid) == 2)
        #expect(read.list("procedure-types", of: singleBid) == ["open", "oth-single"])
        #expect(read.number("estimated-severity", of: singleBid) == 0.5)
        #expect(read.value("threshold", of: PriceCloseToWinner.metadata) == .number(0.005))
        #expect(read.disabled.isEmpty)
    }

    /// Restating a default is not an override: the file equals the defaults.
    @Test func restatedDefaultsAreNotOverrides() throws {
        let read = try settings("[indicators.single-bid]\nweight = 10\nmaximum-tenders = 1\nenabled = true\n")
        #expect(read.overrides.isEmpty)
        #expect(read == .standard)
    }

    @Test func enabledFalseRemovesAnIndicator() throws {
        let read = try settings("[indicators.single-bid]\nenabled = false\n")
        #expect(read.disabled == ["single-bid"])
        #expect(!Screener(settings: read).indicators.contains { type(of: $0).metadata.id == "single-bid" })
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tendersStatistic: .known(1))]
        let screened = try #require(Screener(settings: read).screen([factory.build()]).ranking.first)
        #expect(!screened.findings.contains { $0.indicator == "single-bid" })
        let withDefaults = try #require(Screener().screen([factory.build()]).ranking.first)
        #expect(withDefaults.findings.contains { $0.indicator == "single-bid" && $0.isFlagged })
    }

    @Test func valueAdjustmentIsReadWithItsParameters() throws {
        let on = try SettingsFile.parse("[scoring.value-adjustment]\nenabled = true\nreference = 1_000_000\nstrength = 0.5\n",
                                        file: "s.toml")
        #expect(on.settings.valueAdjustment == ValueAdjustment(reference: 1_000_000, strength: 0.5))
        let off = try SettingsFile.parse("[scoring.value-adjustment]\nreference = 50_000\n", file: "s.toml")
        #expect(off.settings.valueAdjustment == nil)
        #expect(off.valueAdjustment == ValueAdjustment(reference: 50_000, strength: 0.25))
    }

    @Test(arguments: [
        ("[indicators.single-bid]\nweight = 20\nmaximum-tendrs = 2\n",
         "settings.toml:3: indicators.single-bid.maximum-tendrs: unknown key (did you mean maximum-tenders?)"),
        ("[indicators.single-bid]\nmaximum_tenders = 2\n",
         "settings.toml:2: indicators.single-bid.maximum_tenders: unknown key (did you mean maximum-tenders?)"),
        ("\n[indicators.single-bid]\nweight = \"high\"\n",
         "settings.toml:3: indicators.single-bid.weight: expected a number, found a string"),
        ("[indicators.single-bids]\nweight = 1\n",
         "settings.toml:1: indicators.single-bids: unknown indicator (did you mean single-bid?)"),
        ("[indicators.single-bid]\nweight = -5\n",
         "settings.toml:2: indicators.single-bid.weight: must not be negative, found -5"),
        ("[indicators.threshold-proximity]\nmargin = 1.5\n",
         "settings.toml:2: indicators.threshold-proximity.margin: must be a share between 0 and 1, found 1.5"),
        ("[indicators.single-bid]\nestimated-severity = 2\n",
         "settings.toml:2: indicators.single-bid.estimated-severity: must be a share between 0 and 1, found 2"),
        ("[indicators.single-bid]\nmaximum-tenders = 1.5\n",
         "settings.toml:2: indicators.single-bid.maximum-tenders: expected an integer, found a float"),
        ("[indicators.single-bid]\nprocedure-types = [\n  \"open\",\n  3,\n]\n",
         "settings.toml:4: indicators.single-bid.procedure-types: expected an array of strings, found an integer in it"),
        ("[indicators.single-bid]\nenabled = \"no\"\n",
         "settings.toml:2: indicators.single-bid.enabled: expected true or false, found a string"),
        ("[indicators]\nsingle-bid = 3\n",
         "settings.toml:2: indicators.single-bid: expected a table, found an integer"),
        ("[indicator.single-bid]\n",
         "settings.toml:1: indicator: unknown table (did you mean indicators?)"),
        ("[scoring.value-adjustment]\nstrenght = 1\n",
         "settings.toml:2: scoring.value-adjustment.strenght: unknown key (did you mean strength?)"),
        ("[scoring.value-adjustment]\nreference = 0\n",
         "settings.toml:2: scoring.value-adjustment.reference: must be more than 0 (EUR)"),
        ("[indicators.single-bid]\nweight = nan\n",
         "settings.toml:2: indicators.single-bid.weight: must be a finite number"),
    ])
    func validationErrorsNameFileLineAndKey(text: String, message: String) {
        #expect(error(text) == message)
    }

    // MARK: Legal tables

    static let albania = albania(from: "2024-01-01")

    static func albania(from: String) -> String {
        """
        [[thresholds]]
        jurisdiction = "AL"
        legal-basis = "AL-162/2020"
        category = "works"
        valid-from = \(from)
        valid-until = 2025-12-31
        amount = 1_000_000.50
        currency = "ALL"
        citation = "illustrative row"
        """
    }

    @Test func thresholdRowsAreTheWholeTable() throws {
        let read = try settings(Self.albania)
        #expect(read.thresholds.rules.count == 1)
        let rule = try #require(read.thresholds.threshold(legalBasis: "AL-162/2020", category: .works,
                                                          on: CalendarDate(year: 2024, month: 6, day: 1)!))
        #expect(rule.amount == DecimalNumber("1000000.50"))
        #expect(rule.amount.description == "1000000.50")
        #expect(rule.currency == "ALL")
        #expect(rule.jurisdiction == "AL")
        #expect(!read.thresholds.knows(legalBasis: "32014L0024"))
        // Without the section, the built-in table.
        #expect(try settings("").thresholds == .eu)
        #expect(read.timeLimits == .eu)
    }

    @Test func aLaterRowReplacesAnEarlierOneWithTheSameKey() throws {
        let read = try settings("""
            [[time-limits]]
            jurisdiction = "EU"
            legal-basis = "32014L0024"
            procedure-types = ["open"]
            stage = "tenders"
            case = "standard"
            days = 35
            citation = "Directive 2014/24/EU art. 27(1)"

            [[time-limits]]
            jurisdiction = "XX"
            legal-basis = "32014L0024"
            procedure-types = ["open"]
            stage = "tenders"
            case = "standard"
            days = 40
            citation = "national law, art. 1"
            """)
        #expect(read.timeLimits.rules.count == 1)
        let rule = try #require(read.timeLimits.minimum(legalBasis: "32014L0024", procedureType: "open", stage: .tenders,
                                                        cases: []))
        #expect(rule.days == 40)
        #expect(rule.jurisdiction == "XX")
    }

    @Test(arguments: [
        ("[[time-limits]]\njurisdiction = \"EU\"\nlegal-basis = \"32014L0024\"\nstage = \"tenders\"\ncase = \"standard\"\n"
            + "days = 35\n",
         "settings.toml:1: time-limits[1].citation: missing: every row names its legal source"),
        ("[[time-limits]]\njurisdiction = \"EU\"\nlegal-basis = \"x\"\nstage = \"tender\"\ncase = \"standard\"\ndays = 35\n"
            + "citation = \"c\"\n",
         "settings.toml:4: time-limits[1].stage: expected one of tenders, requests, found \"tender\" "
            + "(did you mean tenders?)"),
        ("[[time-limits]]\njurisdiction = \"EU\"\nlegal-basis = \"x\"\nstage = \"tenders\"\ncase = \"standard\"\n"
            + "days = -1\ncitation = \"c\"\n",
         "settings.toml:6: time-limits[1].days: must not be negative, found -1"),
        ("[[time-limits]]\nlegal-basis = \"x\"\nstage = \"tenders\"\ncase = \"standard\"\ndays = 1\ncitation = \"c\"\n",
         "settings.toml:1: time-limits[1].jurisdiction: missing"),
        ("[[time-limits]]\njurisdiction = \"EU\"\nlegal-basis = \"x\"\nstage = \"tenders\"\ncase = \"standard\"\ndays = 1\n"
            + "citation = \"  \"\n",
         "settings.toml:7: time-limits[1].citation: must not be empty"),
        ("[[thresholds]]\njurisdiction = \"AL\"\nlegal-basis = \"x\"\ncategory = \"works\"\nvalid-from = \"2024-01-01\"\n",
         "settings.toml:5: thresholds[1].valid-from: expected a date (2024-01-01, without quotes), found a string"),
        ("[[thresholds]]\njurisdiction = \"AL\"\nlegal-basis = \"x\"\ncategory = \"works\"\nvalid-from = 2024-01-01\n"
            + "valid-until = 2023-12-31\namount = 1\ncitation = \"c\"\n",
         "settings.toml:1: thresholds[1]: valid-from 2024-01-01 is after valid-until 2023-12-31"),
        ("[[thresholds]]\namont = 5\n",
         "settings.toml:2: thresholds[1].amont: unknown key (did you mean amount?)"),
        ("thresholds = 5\n",
         "settings.toml:1: thresholds: expected rows ([[thresholds]]), found an integer"),
    ])
    func badRowsAreRefused(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test func overlappingThresholdPeriodsAreRefused() {
        let second = Self.albania(from: "2025-01-01")
        #expect(error(Self.albania + "\n\n" + second) == "settings.toml:11: thresholds[2]: 2025-01-01…2025-12-31 overlaps "
            + "the row on line 1 (AL-162/2020 works 2024-01-01…2025-12-31); give it the same valid-from to replace it, "
            + "or periods that do not overlap")
        // The same valid-from replaces the row instead.
        #expect(error(Self.albania + "\n\n" + Self.albania) == nil)
    }

    // MARK: Any kind of setting, from metadata alone

    static let everyKind = IndicatorMetadata(
        id: "every-kind", name: "Every kind", phase: .tender, detects: "Nothing; a test of settings.", rationale: "",
        method: "", evidence: [],
        settings: [
            .init("weight", default: .number(5), "points"),
            .init("count", default: .integer(3), "a count"),
            .init("strict", default: .flag(false), "a switch"),
            .init("mode", default: .text("fence"), "a word or a number"),
            .init("codes", default: .list(["a", "b"]), "codes"),
            .init("offset", default: .number(-2), "may be negative: its default is"),
            .init("bounded", default: .integer(5), "declared range", range: 1...10),
        ],
        exclusions: [], references: [], example: "")

    @Test func everyKindOfSettingIsReadFromMetadata() throws {
        let read = try SettingsFile.parse("""
            [indicators.every-kind]
            count = 4
            strict = true
            mode = "median"
            codes = []
            offset = -7.5
            bounded = 10
            """, file: "s.toml", catalogue: [Self.everyKind]).settings
        let metadata = Self.everyKind
        #expect(read.integer("count", of: metadata) == 4)
        #expect(read.flag("strict", of: metadata))
        #expect(read.value("mode", of: metadata) == .text("median"))
        #expect(read.list("codes", of: metadata) == [])
        #expect(read.number("offset", of: metadata) == -7.5)
        #expect(read.integer("bounded", of: metadata) == 10)
        #expect(error("[indicators.every-kind]\nstrict = 1\n", catalogue: [metadata])
            == "settings.toml:2: indicators.every-kind.strict: expected true or false, found an integer")
        #expect(error("[indicators.every-kind]\nbounded = 11\n", catalogue: [metadata])
            == "settings.toml:2: indicators.every-kind.bounded: must be between 1 and 10, found 11")
        #expect(error("[indicators.every-kind]\nmode = true\n", catalogue: [metadata])
            == "settings.toml:2: indicators.every-kind.mode: expected a string or a number, found a boolean")
    }
}
