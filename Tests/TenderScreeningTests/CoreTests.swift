import Testing
import TenderModel
import TenderScreening

@Suite("Legal tables against their citations")
struct LegalTableTests {
    let limits = TimeLimitTable.eu

    @Test(arguments: [
        ("32014L0024", "open", DeadlineStage.tenders, Set<TimeLimitCase>(), 35, "art. 27(1)"),
        ("32014L0024", "open", .tenders, [.electronicSubmission], 30, "art. 27(4)"),
        ("32014L0024", "open", .tenders, [.priorInformationNotice, .electronicSubmission], 15, "art. 27(2)"),
        ("32014L0024", "open", .tenders, [.urgency], 15, "art. 27(3)"),
        ("32014L0024", "restricted", .requests, [], 30, "art. 28(1)"),
        ("32014L0024", "restricted", .requests, [.urgency, .priorInformationNotice], 15, "art. 28(6)(a)"),
        ("32014L0024", "neg-w-call", .requests, [], 30, "art. 29(1)"),
        ("32014L0024", "comp-dial", .requests, [.urgency], 30, "art. 30(1)"),
        ("32014L0024", "innovation", .requests, [], 30, "art. 31(1)"),
        ("32014L0025", "open", .tenders, [], 35, "art. 45(1)"),
        ("32014L0025", "restricted", .requests, [], 15, "art. 46(1)"),
        ("32014L0023", "oth-single", .tenders, [.electronicSubmission], 25, "art. 39(3) and (5)"),
        ("32014L0023", "restricted", .requests, [], 30, "art. 39(3)"),
        ("32009L0081", "restricted", .requests, [], 30, "art. 33"),
    ] as [(String, String, DeadlineStage, Set<TimeLimitCase>, Int, String)])
    func minimumTimeLimits(basis: String, type: String, stage: DeadlineStage, cases: Set<TimeLimitCase>, days: Int,
                           article: String) throws {
        let rule = try #require(limits.minimum(legalBasis: basis, procedureType: type, stage: stage, cases: cases))
        #expect(rule.days == days)
        #expect(rule.citation.contains(article))
    }

    @Test func noMinimumForProceduresWithoutACall() {
        #expect(limits.minimum(legalBasis: "32014L0024", procedureType: "neg-wo-call", stage: .tenders, cases: []) == nil)
        #expect(limits.minimum(legalBasis: "32014L0024", procedureType: "open", stage: .requests, cases: []) == nil)
    }

    @Test(arguments: [
        ("2016-06-01", ThresholdCategory.works, "32014L0024", 5_225_000, "2015/2170"),
        ("2017-12-31", .suppliesServicesCentral, "32014L0024", 135_000, "2015/2170"),
        ("2018-01-01", .suppliesServicesSubCentral, "32014L0024", 221_000, "2017/2365"),
        ("2020-07-01", .suppliesServicesCentral, "32014L0024", 139_000, "2019/1828"),
        ("2021-12-31", .suppliesServices, "32014L0025", 428_000, "2019/1829"),
        ("2022-01-01", .suppliesServicesSubCentral, "32014L0024", 215_000, "2021/1952"),
        ("2023-05-05", .concessions, "32014L0023", 5_382_000, "2021/1951"),
        ("2024-01-01", .works, "32014L0024", 5_538_000, "2023/2495"),
        ("2024-06-03", .suppliesServicesCentral, "32014L0024", 143_000, "2023/2495"),
        ("2025-12-31", .suppliesServices, "32014L0025", 443_000, "2023/2496"),
        ("2024-06-03", .suppliesServices, "32009L0081", 443_000, "2023/2510"),
        ("2026-01-01", .suppliesServicesSubCentral, "32014L0024", 216_000, "2025/2152"),
        ("2027-06-30", .suppliesServices, "32014L0025", 432_000, "2025/2150"),
        ("2024-06-03", .socialServices, "32014L0024", 750_000, "art. 4(d)"),
        ("2024-06-03", .socialServices, "32014L0025", 1_000_000, "art. 15(c)"),
    ] as [(String, ThresholdCategory, String, Int, String)])
    func thresholds(date: String, category: ThresholdCategory, basis: String, amount: Int, regulation: String) throws {
        let rule = try #require(ThresholdTable.eu.threshold(legalBasis: basis, category: category, on: CalendarDate(date)!))
        #expect(rule.amount == DecimalNumber(amount))
        #expect(rule.currency == "EUR")
        #expect(rule.citation.contains(regulation))
    }

    @Test func noThresholdOutsideThePeriodsOrForUnknownLaw() {
        #expect(ThresholdTable.eu.threshold(legalBasis: "32014L0024", category: .works, on: CalendarDate("2015-06-01")!) == nil)
        #expect(ThresholdTable.eu.threshold(legalBasis: "32014L0024", category: .works, on: CalendarDate("2028-01-01")!) == nil)
        #expect(!ThresholdTable.eu.knows(legalBasis: "other"))
    }
}

@Suite("Scoring and ranking")
struct ScoringTests {
    @Test func contributionsSumToTheScoreAndEachIndicatorCountsOnce() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(id: "LOT-0001", tendersStatistic: .known(1)),
                        LotFactory(id: "LOT-0002", tendersStatistic: .known(1))]
        let result = Screener().screen([factory.build()])
        let screened = try #require(result.ranking.first)
        let singleBids = screened.findings.filter { $0.indicator == "single-bid" }
        #expect(singleBids.map(\.contribution) == [10, 0])
        #expect(screened.score == screened.findings.reduce(0) { $0 + $1.contribution })
        #expect(screened.findings.filter { !$0.isFlagged }.allSatisfy { $0.contribution == 0 })
    }

    @Test func rankingIsByScoreThenIdAndIndependentOfJobs() {
        var procedures: [Procedure] = []
        for (index, tenders) in [3, 1, 1, 5, 2].enumerated() {
            var factory = ProcedureFactory()
            factory.id = "P-\(4 - index)"
            factory.lots = [LotFactory(tendersStatistic: .known(tenders))]
            procedures.append(factory.build())
        }
        let one = Screener().screen(procedures, jobs: 1)
        let three = Screener().screen(procedures, jobs: 3)
        #expect(one.ranking.map(\.procedure.id) == ["P-2", "P-3", "P-0", "P-1", "P-4"])
        #expect(one.ranking.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(one.ranking == three.ranking)
    }

    @Test func weightsAndSwitchesComeFromSettings() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tendersStatistic: .known(1))]
        var settings = ScreeningSettings()
        settings.overrides["single-bid"] = ["weight": .number(50)]
        settings.disabled = ["decision-period"]
        let screened = try #require(Screener(settings: settings).screen([factory.build()]).ranking.first)
        #expect(screened.findings.first { $0.indicator == "single-bid" }?.contribution == 50)
        #expect(!screened.findings.contains { $0.indicator == "decision-period" })
    }

    @Test func valueAdjustmentScalesContributions() throws {
        var factory = ProcedureFactory()
        factory.estimate = "10000000" // 100 × the 100,000 EUR reference: factor 1 + 0.25 × 2 = 1.5
        factory.lots = [LotFactory(tendersStatistic: .known(1))]
        var settings = ScreeningSettings()
        settings.valueAdjustment = ValueAdjustment()
        let screened = try #require(Screener(settings: settings).screen([factory.build()]).ranking.first)
        #expect(screened.valueFactor == 1.5)
        #expect(screened.findings.first { $0.indicator == "single-bid" }?.contribution == 15)
    }

    @Test func insufficientDataNeverCountsAndIsReported() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(tendersStatistic: nil, tenders: [], winnerIndex: nil)]
        let screened = try #require(Screener().screen([factory.build()]).ranking.first)
        #expect(screened.score == 0)
        #expect(screened.notCheckable.contains { $0.indicator == "single-bid" })
    }
}

@Suite("Indicator metadata")
struct MetadataTests {
    @Test func everyIndicatorIsFullyDescribedAndIdsAreUnique() {
        let all = IndicatorCatalogue.all.map { $0.metadata }
        #expect(Set(all.map(\.id)).count == all.count)
        #expect(all.count == 20)
        for metadata in all {
            #expect(!metadata.name.isEmpty && !metadata.detects.isEmpty && !metadata.rationale.isEmpty)
            #expect(!metadata.method.isEmpty && !metadata.example.isEmpty, "\(metadata.id)")
            #expect(!metadata.evidence.isEmpty && !metadata.references.isEmpty && !metadata.exclusions.isEmpty)
            #expect(metadata.settings.contains { $0.key == "weight" }, "\(metadata.id) has no weight")
            #expect(metadata.references.contains { $0.code.hasPrefix("OCP R") }, "\(metadata.id) cites no OCP code")
            #expect(metadata.id.allSatisfy { $0.isLowercase || $0 == "-" })
        }
    }

    @Test func everyFindingsEvidenceKeyIsDocumented() {
        let procedures = PriceGapTests.population + [ProcedureFactory().build()]
        let result = Screener().screen(procedures)
        let documented = Dictionary(uniqueKeysWithValues: IndicatorCatalogue.all.map {
            ($0.metadata.id, Set($0.metadata.evidence.map(\.key)))
        })
        for screened in result.ranking {
            for finding in screened.findings {
                for (key, _) in finding.evidence {
                    #expect(documented[finding.indicator]?.contains(key) == true, "\(finding.indicator).\(key)")
                }
            }
        }
    }
}
