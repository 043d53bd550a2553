import Testing
import TenderModel
import TenderScreening

@Suite("short-submission-period")
struct ShortSubmissionPeriodTests {
    @Test func belowTheElectronicMinimumOfAnOpenProcedureIsFlagged() throws {
        var factory = ProcedureFactory()
        factory.dispatched = "2024-03-01"
        factory.lots = [LotFactory(deadline: "2024-03-25")]
        let finding = try #require(findings(ShortSubmissionPeriod.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.evidence["days"] == .integer(24))
        #expect(finding.evidence["stage"] == .text("tenders"))
        #expect(finding.evidence["cases"] == .list([.text("electronic-submission")]))
        #expect(finding.evidence["rule"] == .text("Directive 2014/24/EU art. 27(4)"))
        #expect(finding.threshold == Threshold(.integer(30), "<",
                                               source: .law(table: "time-limits", citation: "Directive 2014/24/EU art. 27(4)")))
    }

    @Test func withoutElectronicSubmissionTheMinimumIs35Days() throws {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(deadline: "2024-04-02", eSubmission: "not-allowed")] // 32 days
        let finding = try #require(findings(ShortSubmissionPeriod.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.threshold?.value == .integer(35))
        var allowed = factory
        allowed.lots[0].eSubmission = nil // unknown: assumed, as mandatory since 2018
        #expect(findings(ShortSubmissionPeriod.self, allowed.build()).first?.status == .clear)
    }

    @Test func urgencyAndPriorInformationAllowFifteenDays() throws {
        var urgent = ProcedureFactory()
        urgent.accelerated = .known(true)
        urgent.lots = [LotFactory(deadline: "2024-03-17")] // 16 days
        let finding = try #require(findings(ShortSubmissionPeriod.self, urgent.build()).first)
        #expect(finding.status == .clear)
        #expect(finding.evidence["rule"] == .text("Directive 2014/24/EU art. 27(3)"))

        var pin = ProcedureFactory()
        pin.lots = [LotFactory(deadline: "2024-03-17", previousNotices: ["123456-2023"])]
        #expect(findings(ShortSubmissionPeriod.self, pin.build()).first?.evidence["rule"]
                    == .text("Directive 2014/24/EU art. 27(2)"))

        var tooShort = urgent
        tooShort.lots = [LotFactory(deadline: "2024-03-10")] // 9 days
        #expect(findings(ShortSubmissionPeriod.self, tooShort.build()).first?.status == .flagged)
    }

    @Test func unknownUrgencyBetweenTheTwoMinimaIsInsufficientData() throws {
        var factory = ProcedureFactory()
        factory.accelerated = .unknown
        factory.lots = [LotFactory(deadline: "2024-03-21")] // 20 days: lawful only if urgent
        let finding = try #require(findings(ShortSubmissionPeriod.self, factory.build()).first)
        #expect(finding.missing == ["BT-106 accelerated procedure"])
        var breach = factory
        breach.lots = [LotFactory(deadline: "2024-03-11")] // 10 days: a breach in every reading
        let flagged = try #require(findings(ShortSubmissionPeriod.self, breach.build()).first)
        #expect(flagged.status == .flagged)
        #expect(flagged.threshold?.value == .integer(15))
        #expect(flagged.evidence["rule"] == .text("Directive 2014/24/EU art. 27(3)"))
    }

    @Test func restrictedProceduresAreJudgedOnTheRequestsDeadline() throws {
        var factory = ProcedureFactory()
        factory.procedureType = .known("restricted")
        factory.lots = [LotFactory(id: "LOT-0001", deadline: nil, requestsDeadline: "2024-03-13"),
                        LotFactory(id: "LOT-0002", deadline: nil, requestsDeadline: "2024-04-01")]
        let results = findings(ShortSubmissionPeriod.self, factory.build())
        #expect(results.map(\.status) == [.flagged, .clear])
        #expect(results[0].evidence["stage"] == .text("requests"))
        #expect(results[0].evidence["days"] == .integer(12))
        #expect(results[0].evidence["rule"] == .text("Directive 2014/24/EU art. 28(1)"))
        var secondStageOnly = factory
        secondStageOnly.lots = [LotFactory(deadline: "2024-03-20", requestsDeadline: nil)]
        #expect(findings(ShortSubmissionPeriod.self, secondStageOnly.build()).first?.isNotApplicable == true)
    }

    @Test func utilitiesRequestsHaveAFifteenDayFloor() throws {
        var factory = ProcedureFactory()
        factory.legalBasis = "32014L0025"
        factory.procedureType = .known("neg-w-call")
        factory.lots = [LotFactory(deadline: nil, requestsDeadline: "2024-03-15")] // 14 days
        let finding = try #require(findings(ShortSubmissionPeriod.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.threshold?.value == .integer(15))
    }

    @Test func workedExampleADeadlineMovedEarlierIsFlaggedEvenAboveTheMinimum() throws {
        var factory = ProcedureFactory()
        factory.dispatched = "2024-04-02"
        factory.lots = [LotFactory(deadline: "2024-05-03", earlierDeadlines: ["2024-05-10", "2024-05-24"])]
        let finding = try #require(findings(ShortSubmissionPeriod.self, factory.build()).first)
        #expect(finding.status == .flagged)
        #expect(finding.severity == 0.5)
        #expect(finding.evidence["days"] == .integer(31))
        #expect(finding.evidence["movedEarlier"] == .text("2024-05-24 → 2024-05-03"))
    }

    @Test func missingFactsAndOtherRegimes() throws {
        var noDeadline = ProcedureFactory()
        noDeadline.lots = [LotFactory(deadline: nil)]
        #expect(findings(ShortSubmissionPeriod.self, noDeadline.build()).first?.missing == ["BT-131 deadline for tenders"])
        var national = ProcedureFactory()
        national.legalBasis = "other"
        #expect(findings(ShortSubmissionPeriod.self, national.build()).first?.isNotApplicable == true)
        var social = ProcedureFactory()
        social.noticeType = "cn-social"
        #expect(findings(ShortSubmissionPeriod.self, social.build()).first?.isNotApplicable == true)
        var direct = ProcedureFactory()
        direct.withCallNotice = false
        #expect(findings(ShortSubmissionPeriod.self, direct.build()).isEmpty)
    }

    @Test func aJurisdictionCanOverrideTheTable() throws {
        var settings = ScreeningSettings()
        settings.timeLimits.add(TimeLimitRule(jurisdiction: "AL", legalBasis: "32014L0024", procedureTypes: ["open"],
                                              stage: .tenders, condition: .electronicSubmission, days: 20,
                                              citation: "national rule"))
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(deadline: "2024-03-25")] // 24 days
        let finding = try #require(findings(ShortSubmissionPeriod.self, factory.build(), settings: settings).first)
        #expect(finding.status == .clear)
        #expect(finding.evidence["rule"] == .text("national rule"))
    }
}

@Suite("decision-period")
struct DecisionPeriodTests {
    @Test func workedExample() {
        func lot(_ award: String) -> Finding {
            var factory = ProcedureFactory()
            factory.lots = [LotFactory(deadline: "2024-02-16", awardDate: award)]
            return findings(DecisionPeriod.self, factory.build())[0]
        }
        let normal = lot("2024-03-28")
        #expect(normal.status == .clear)
        #expect(normal.evidence["days"] == .integer(41))
        let sameDay = lot("2024-02-16")
        #expect(sameDay.status == .flagged)
        #expect(sameDay.threshold?.value == .integer(1))
        #expect(sameDay.message == "award decided on the day of the submission deadline")
        let before = lot("2024-02-10")
        #expect(before.message == "award decided 6 days before the submission deadline")
        let long = lot("2024-09-30")
        #expect(long.status == .flagged)
        #expect(long.evidence["days"] == .integer(227))
        #expect(long.threshold == Threshold(.integer(180), ">", source: .setting(key: "decision-period.maximum-days")))
    }

    @Test func withoutDatesOrWinnerItCannotJudge() {
        var noAward = ProcedureFactory()
        noAward.lots = [LotFactory(awardDate: nil)]
        #expect(findings(DecisionPeriod.self, noAward.build())[0].missing == ["BT-1451 award decision date"])
        var noWinner = ProcedureFactory()
        noWinner.lots = [LotFactory(resultCode: .known("clos-nw"), winnerIndex: nil)]
        #expect(findings(DecisionPeriod.self, noWinner.build())[0].isNotApplicable)
        var noDeadline = ProcedureFactory()
        noDeadline.withCallNotice = false
        noDeadline.lots = [LotFactory(deadline: nil)]
        #expect(findings(DecisionPeriod.self, noDeadline.build())[0].isInsufficient)
    }
}

@Suite("standstill-breach")
struct StandstillBreachTests {
    @Test func workedExample() {
        var early = ProcedureFactory()
        early.lots = [LotFactory(awardDate: "2024-03-28", conclusionDate: "2024-04-03")]
        let flagged = findings(StandstillBreach.self, early.build())[0]
        #expect(flagged.status == .flagged)
        #expect(flagged.evidence["days"] == .integer(6))
        #expect(flagged.evidence["contract"] == .text("CON-1"))
        #expect(flagged.threshold?.source == .law(table: "EU remedies",
                                                  citation: "Directive 89/665/EEC art. 2a(2), as amended by Directive 2007/66/EC"))
        var later = early
        later.lots = [LotFactory(awardDate: "2024-03-28", conclusionDate: "2024-04-09")]
        #expect(findings(StandstillBreach.self, later.build())[0].status == .clear)
    }

    @Test func exemptionsAreNotApplicable() {
        var direct = ProcedureFactory()
        direct.procedureType = .known("neg-wo-call")
        direct.lots = [LotFactory(awardDate: "2024-03-28", conclusionDate: "2024-03-29")]
        #expect(findings(StandstillBreach.self, direct.build())[0].isNotApplicable)
        var single = ProcedureFactory()
        single.lots = [LotFactory(tendersStatistic: .known(1), awardDate: "2024-03-28", conclusionDate: "2024-03-29")]
        #expect(findings(StandstillBreach.self, single.build())[0].isNotApplicable)
        var dps = ProcedureFactory()
        dps.lots = [LotFactory(dps: "dps-list", awardDate: "2024-03-28", conclusionDate: "2024-03-29")]
        #expect(findings(StandstillBreach.self, dps.build())[0].isNotApplicable)
    }

    @Test func missingDatesAreInsufficientData() {
        var factory = ProcedureFactory()
        factory.lots = [LotFactory(conclusionDate: nil)]
        #expect(findings(StandstillBreach.self, factory.build())[0].missing == ["BT-145 conclusion date"])
    }
}
