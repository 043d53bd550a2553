import Testing
import TenderEngine
import TenderModel

/// Our own fixtures (Fixtures/README.md lists every fact asserted here), read by the real
/// parser from the real files and assembled into procedures.
@Suite("Fixtures, field by field")
struct FixtureTests {
    static let output = ExtractJob(paths: [TestPaths.fixture("eforms")], jobs: 2).run()

    private func procedure(_ id: String) throws -> Procedure {
        try #require(Self.output.procedures.first { $0.id == id }, "procedure \(id)")
    }

    private func lot(_ procedure: Procedure, _ id: String) throws -> ProcedureLot {
        try #require(procedure.lots.first { $0.id == id }, "lot \(id)")
    }

    private func eur(_ text: String) -> Amount {
        Amount(value: DecimalNumber(text)!, currency: "EUR")
    }

    private func date(_ text: String) -> CalendarDate {
        CalendarDate(text)!
    }

    @Test func everyFixtureIsReadWithoutErrors() {
        #expect(Self.output.errors.isEmpty)
        #expect(Self.output.fileCount == 14)
        #expect(Self.output.noticeCount == 14)
        #expect(Self.output.procedures.count == 10)
    }

    @Test func multiLotContractAndAwardNoticesJoinIntoOneProcedure() throws {
        let procedure = try procedure("3c4fe992-24f5-4158-8054-09b91c7b7941")
        #expect(procedure.notices.map(\.id) == ["035c7b75-dade-4321-8daa-8ae65eb8423a",
                                                "555db0ac-b4a5-45a4-bc1a-e22fa31bf710"])
        let (call, award) = (procedure.notices[0], procedure.notices[1])
        #expect(call.noticeType == "cn-standard")
        #expect(call.formType == "competition")
        #expect(call.subtype == "16")
        #expect(call.phase == .competition)
        #expect(call.dispatchDate == date("2024-01-10"))
        #expect(call.publicationId == "00012345-2024")
        #expect(call.publicationDate == date("2024-01-12"))
        #expect(call.language == "FRA")
        #expect(call.source.formatVersion == "eforms-sdk-1.10")
        #expect(call.legalBasis == "32014L0024")
        #expect(award.phase == .result)
        #expect(award.publicationId == "00234567-2024")
        #expect(award.previousNotices == ["00012345-2024"])

        #expect(procedure.title == "Prestations de nettoyage des lycées de la Région Haute-Armorique")
        #expect(procedure.internalReference == "DAJ-2024-017")
        #expect(procedure.procedureType == .known("open"))
        #expect(procedure.accelerated == .known(false))
        #expect(procedure.nature == "services")
        #expect(procedure.mainCpv == "90910000")
        #expect(procedure.additionalCpvs == ["90911200"])
        #expect(procedure.estimatedValue == eur("1250000"))
        #expect(procedure.noticeValue == .known(eur("1020300.00")))
        #expect(procedure.noticeValue.value?.value.description == "1020300.00")
    }

    @Test func theSameBuyerUnderTwoLocalIdsAndSpellingsIsOneOrganisation() throws {
        let procedure = try procedure("3c4fe992-24f5-4158-8054-09b91c7b7941")
        let buyer = try #require(procedure.buyers.first)
        #expect(procedure.buyers.count == 1)
        #expect(buyer.organization.name == "Région Haute-Armorique")
        #expect(buyer.organization.nationalId == "FR 200 053 742")
        #expect(buyer.organization.localId == "ORG-0003")
        #expect(buyer.legalType == "ra")
        #expect(buyer.activity == "gen-pub")
        #expect(buyer.organization.key.source == .nationalId)
        #expect(buyer.organization.key.value == "FRA/200053742")
        // The contract notice's ORG-0001 (written FR200053742) has the same key.
        let callBuyerKey = OrganizationKey(nationalId: "FR200053742", name: "Région Haute-Armorique",
                                           country: "FRA", town: "Vannes", localId: "ORG-0001")
        #expect(callBuyerKey == buyer.organization.key)
    }

    @Test func multiLotCallFactsComeFromTheContractNotice() throws {
        let procedure = try procedure("3c4fe992-24f5-4158-8054-09b91c7b7941")
        #expect(procedure.lots.map(\.id) == ["LOT-0001", "LOT-0002", "LOT-0003"])
        let first = try lot(procedure, "LOT-0001")
        let call = try #require(first.call)
        #expect(first.callNotice == "035c7b75-dade-4321-8daa-8ae65eb8423a")
        #expect(call.title == "Nettoyage des locaux – secteur Nord")
        #expect(call.mainCpv == "90911200")
        #expect(call.additionalCpvs == ["90919200"])
        #expect(call.estimatedValue == eur("620000"))
        #expect(call.submissionDeadline?.date == date("2024-02-16"))
        #expect(call.submissionDeadline?.time?.description == "12:00:00+01:00")
        #expect(call.opening?.date == date("2024-02-16"))
        #expect(call.opening?.time?.description == "14:00:00+01:00")
        #expect(call.electronicSubmission == "required")
        #expect(call.electronicAuction == false)
        #expect(call.frameworkAgreement == "none")
        #expect(call.dynamicPurchasingSystem == "none")
        #expect(try lot(procedure, "LOT-0002").call?.estimatedValue == eur("480000"))
        let third = try lot(procedure, "LOT-0003")
        #expect(third.call?.estimatedValue == nil)
        #expect(third.call?.submissionDeadline?.date == date("2024-02-23"))
    }

    @Test func multiLotResultsTendersAndWinners() throws {
        let procedure = try procedure("3c4fe992-24f5-4158-8054-09b91c7b7941")
        let first = try lot(procedure, "LOT-0001")
        let result = try #require(first.result)
        #expect(first.resultNotice == "555db0ac-b4a5-45a4-bc1a-e22fa31bf710")
        #expect(result.id == "RES-0001")
        #expect(result.resultCode == .known("selec-w"))
        #expect(result.nonAwardReason == .unknown)
        #expect(result.statistics == [SubmissionStatistic(code: "tenders", count: .known(3)),
                                      SubmissionStatistic(code: "t-sme", count: .known(2)),
                                      SubmissionStatistic(code: "t-esubm", count: .known(3))])
        #expect(first.tendersReceived == TendersReceived(count: .known(3), source: .statistics))
        #expect(result.lowestTender == .known(eur("548000.00")))
        #expect(result.highestTender == .known(eur("689500.00")))
        #expect(result.tenders.map(\.id) == ["TEN-0001", "TEN-0002", "TEN-0003"])
        #expect(result.tenders.map(\.isWinner) == [true, false, false])
        #expect(result.tenders.map { $0.rank.value } == [1, 2, 3])
        #expect(result.tenders.map { $0.amount.value?.value.description } == ["548000.00", "601250.50", "689500.00"])
        #expect(result.tenders.map(\.reference) == ["OFF-017-L1-PA", "OFF-017-L1-NIO", "OFF-017-L1-GC"])
        let winner = try #require(result.tenders.first?.tenderers.first?.organization)
        #expect(winner.name == "Propreté Armoricaine SAS")
        #expect(winner.nationalId == "81234567100025")
        #expect(winner.country == "FRA")
        #expect(winner.town == "Lorient")
        #expect(winner.size == "medium")
        let contract = try #require(result.contracts.first)
        #expect(result.contracts.count == 1)
        #expect(contract.id == "CON-0001")
        #expect(contract.reference == "MP-2024-017-01")
        #expect(contract.tenderIds == ["TEN-0001"])
        #expect(contract.title == "Nettoyage des locaux – secteur Nord")
        #expect(contract.isFramework == false)
        // The settled contract's dates, never the dummy root TenderResult/AwardDate 2000-01-01.
        #expect(first.awardDate == date("2024-03-28"))
        #expect(first.conclusionDate == date("2024-04-09"))

        let second = try lot(procedure, "LOT-0002")
        #expect(second.tendersReceived == TendersReceived(count: .known(1), source: .statistics))
        #expect(second.result?.winners.map(\.id) == ["TEN-0004"])
        #expect(second.result?.winners.first?.amount == .known(eur("472300.00")))
        #expect(second.conclusionDate == date("2024-04-10"))
        // The same company bid on lots 1 and 2 through one tendering party: one key.
        #expect(second.result?.tenders.first?.tenderers.first?.organization.key
                    == result.tenders[1].tenderers.first?.organization.key)

        let third = try lot(procedure, "LOT-0003")
        #expect(third.result?.resultCode == .known("clos-nw"))
        #expect(third.result?.nonAwardReason == .known("no-rece"))
        #expect(third.tendersReceived == TendersReceived(count: .known(0), source: .nonAwardReason))
        #expect(third.result?.tenders.isEmpty == true)
        #expect(third.awardDate == nil)
    }

    @Test func jointBuyersAreBothBuyersAndTheESenderIsNot() throws {
        let procedure = try procedure("b9db732c-0758-4931-bbee-59b7d6b47060")
        #expect(procedure.buyers.map(\.organization.localId) == ["ORG-0001", "ORG-0002"])
        let (german, austrian) = (procedure.buyers[0], procedure.buyers[1])
        #expect(german.organization.name == "Stadt Neuhaven am Inn")
        #expect(german.legalType == "la")
        #expect(german.organization.key.value == "DEU/814203775")
        #expect(austrian.organization.name == "Bundesamt für Grenzraumverkehr")
        #expect(austrian.organization.nationalId == nil)
        #expect(austrian.legalType == "cga")
        #expect(austrian.activity == "pub-os")
        #expect(austrian.organization.key.source == .name)
        #expect(austrian.organization.key.value == "AUT/WIEN/BUNDESAMTFURGRENZRAUMVERKEHR")
        #expect(procedure.title == "Gemeinsame grenzüberschreitende Beschaffung von Streufahrzeugen für den Winterdienst")
        #expect(try lot(procedure, "LOT-0001").tendersReceived?.count == .known(2))
    }

    @Test func aConsortiumWinsWithItsLeader() throws {
        let procedure = try procedure("6b388223-5ce9-4118-8d52-87fc5dff654a")
        let result = try #require(try lot(procedure, "LOT-0000").result)
        let winner = try #require(result.tenders.first)
        #expect(winner.isWinner)
        let party = try #require(winner.party)
        #expect(party.id == "TPA-0001")
        #expect(party.name == "Carrowmore Water Joint Venture")
        #expect(party.isGroup)
        #expect(party.tenderers.map(\.organization.name) == ["Ardmore Civil Engineering Ltd", "Hydrotec Anlagenbau GmbH"])
        #expect(party.tenderers.map(\.isLeader) == [true, false])
        #expect(party.tenderers.map(\.organization.country) == ["IRL", "DEU"])
        let loser = result.tenders[1]
        #expect(!loser.isWinner)
        #expect(loser.party?.isGroup == false)
        #expect(loser.party?.name == nil)
        #expect(loser.tenderers.first?.isLeader == nil)
        #expect(loser.amount == .known(eur("8925500.00")))
    }

    @Test func withheldValuesAreWithheldAndPlaceholdersMarked() throws {
        let procedure = try procedure("6b4fe3ca-b47b-4308-b524-9c380d348831")
        #expect(procedure.noticeValue.isWithheld)
        if case .withheld(let withholding) = procedure.noticeValue {
            #expect(withholding.field == "not-val")
            #expect(withholding.reasonCode == "oth-int")
        }
        let first = try lot(procedure, "LOT-0001")
        #expect(first.tendersReceived?.count.isWithheld == true)
        #expect(first.tendersReceived?.source == .statistics)
        #expect(first.result?.statistic("t-esubm") == .known(3))
        #expect(first.result?.winners.first?.amount.isWithheld == true)
        #expect(procedure.estimatedValue == nil)

        let second = try lot(procedure, "LOT-0002")
        let amount = try #require(second.result?.winners.first?.amount.value)
        #expect(amount.value.description == "0")
        #expect(amount.isPlaceholder)
        #expect(second.call?.estimatedValue?.isPlaceholder == true)
        #expect(second.call?.estimatedValue?.value.description == "1")
    }

    @Test func oneLineMultilingualNoticeKeepsTheNoticeLanguage() throws {
        let procedure = try procedure("291b77d8-e92f-496d-890c-c539bf908c48")
        #expect(procedure.notices.first?.language == "DEU")
        #expect(procedure.title == "IT-Dienstleistungen für die Kreisverwaltung")
        #expect(procedure.buyers.first?.organization.name == "Landratsamt Oberwaldtal")
        #expect(procedure.lots.map { $0.call?.title } == ["Wartung der Serverinfrastruktur",
                                                           "Helpdesk-Dienstleistungen", "Anwenderschulungen"])
        #expect(try lot(procedure, "LOT-0001").result?.contracts.first?.title == "Wartung der Serverinfrastruktur")
    }

    @Test func missingStatisticsFallBackToListedTendersOrStayUnknown() throws {
        let procedure = try procedure("291b77d8-e92f-496d-890c-c539bf908c48")
        let first = try lot(procedure, "LOT-0001")
        #expect(first.tendersReceived == TendersReceived(count: .known(2), source: .listedTenders))
        #expect(first.result?.tendersReceivedLowerBound == 4) // 4 electronic submissions
        #expect(first.result?.statistic("tenders") == .unknown)
        let second = try lot(procedure, "LOT-0002")
        #expect(second.tendersReceived == TendersReceived(count: .known(1), source: .listedTenders))
        #expect(second.result?.statistics.isEmpty == true)
        let third = try lot(procedure, "LOT-0003")
        #expect(third.result?.resultCode == .known("open-nw"))
        #expect(third.tendersReceived == nil)
        #expect(third.result?.tendersReceivedLowerBound == nil)
    }

    @Test func directAwardsAreProceduresWithoutACallForCompetition() throws {
        let veat = try procedure("9b9655f1-0776-4863-8faa-456926cf9511")
        #expect(veat.notices.map(\.noticeType) == ["veat"])
        #expect(veat.notices.first?.formType == "dir-awa-pre")
        #expect(veat.notices.first?.phase == .result)
        #expect(veat.callForCompetition == nil)
        #expect(veat.procedureType == .known("neg-wo-call"))
        #expect(veat.directAwardJustification == .known("urgency"))
        #expect(veat.directAwardText.value?.hasPrefix("Extreme urgency brought about by the storm") == true)
        #expect(veat.title == "Emergency supply of high-capacity flood pumps")
        #expect(veat.estimatedValue == nil)
        #expect(try lot(veat, "LOT-0000").tendersReceived == TendersReceived(count: .known(1), source: .listedTenders))

        let unjustified = try procedure("41853b77-a3b8-4d03-bf49-c8b789000820")
        #expect(unjustified.procedureType == .known("neg-wo-call"))
        #expect(unjustified.directAwardJustification == .unknown)
        #expect(unjustified.directAwardText == .unknown)
        #expect(try lot(unjustified, "LOT-0001").call?.estimatedValue == eur("100000"))
        // Two procedures of the same buyer.
        #expect(veat.buyers.first?.organization.key == unjustified.buyers.first?.organization.key)
        #expect(veat.buyers.first?.organization.key.value == "MLT/20457813")
    }

    @Test func aCorrigendumThatMovesTheDeadlineIsKeptAsHistory() throws {
        let procedure = try procedure("e326663c-f79a-4c1d-868d-c3b14eb5455e")
        #expect(procedure.notices.map(\.id) == ["c48fdb13-1ce0-4f90-94eb-af9fe8e1e6a2",
                                                "cac47fa2-cb9e-400e-89d9-02a8116622a7",
                                                "2d465e32-ae27-4713-9f60-c369e86d9c2a",
                                                "f43ef3a0-027c-46eb-bc51-996676e2956c"])
        #expect(procedure.notices.map(\.supersededBy) == ["cac47fa2-cb9e-400e-89d9-02a8116622a7",
                                                          "2d465e32-ae27-4713-9f60-c369e86d9c2a", nil, nil])
        #expect(procedure.notices[1].change?.reasonCode == "update-add")
        #expect(procedure.notices[1].change?.items.first?.sections == ["LOT-0001"])
        #expect(procedure.notices[2].change?.reasonCode == "cor-buy")
        #expect(procedure.notices[2].change?.reasonDescription == "Corrección de error material en las fechas.")
        let lot = try lot(procedure, "LOT-0001")
        #expect(lot.deadlineHistory.map { $0.submissionDeadline?.date } == [date("2024-05-10"), date("2024-05-24"),
                                                                            date("2024-05-03")])
        #expect(lot.deadlineHistory.map(\.change) == [nil, .later, .earlier])
        #expect(lot.deadlineHistory.map(\.dispatchDate) == [date("2024-04-02"), date("2024-04-20"), date("2024-04-26")])
        #expect(lot.call?.submissionDeadline?.date == date("2024-05-03"))
        #expect(lot.callNotice == "2d465e32-ae27-4713-9f60-c369e86d9c2a")
        #expect(lot.tendersReceived == TendersReceived(count: .known(5), source: .statistics))
        #expect(lot.result?.lowestTender == .known(eur("1612300.00")))
        #expect(procedure.estimatedValue == eur("1850000"))
    }

    @Test func datesKeepTheirCalendarDayWhateverTheOffset() throws {
        let procedure = try procedure("422b41db-0fc1-4e1b-a82e-5b62c8e5452c")
        let dispatch = try #require(procedure.notices.first?.dispatchDate)
        #expect(dispatch == date("2024-03-01"))
        let deadline = try #require(try lot(procedure, "LOT-0001").call?.submissionDeadline)
        #expect(deadline.date == date("2024-03-31"))
        #expect(deadline.time?.description == "23:59:59-11:00")
        #expect(dispatch.days(to: deadline.date) == 30)
    }

    @Test func aGroupOfLotsCarriesItsFrameworkResult() throws {
        let procedure = try procedure("34f89ec5-e2d3-4797-aa2c-8f8ba620a985")
        #expect(procedure.lots.map(\.id) == ["LOT-0001", "LOT-0002", "GLO-0001"])
        let group = try lot(procedure, "GLO-0001")
        #expect(group.kind == .group)
        #expect(group.call?.memberLots == ["LOT-0001", "LOT-0002"])
        #expect(group.call?.title == "Lotti 1 e 2 aggiudicati insieme")
        #expect(group.call?.estimatedValue == eur("2400000"))
        #expect(try lot(procedure, "LOT-0001").call?.frameworkAgreement == "fa-wo-rc")
        #expect(try lot(procedure, "LOT-0001").result == nil)
        let result = try #require(group.result)
        #expect(result.frameworkMaximum == .known(eur("2400000.00")))
        #expect(result.frameworkReestimated == .known(eur("1950000.00")))
        #expect(result.tenders.map(\.lotId) == ["GLO-0001"])
        #expect(result.contracts.first?.isFramework == true)
        #expect(group.tendersReceived?.count == .known(3))
    }

    @Test func invalidFilesGiveFileLineColumnErrorsAndNoProcedure() throws {
        let output = ExtractJob(paths: [TestPaths.fixture("invalid")], jobs: 1).run()
        #expect(output.procedures.isEmpty)
        let byFile = Dictionary(uniqueKeysWithValues: output.errors.map {
            (String($0.location.file.split(separator: "/").last!), $0)
        })
        #expect(byFile.count == 6)
        let truncated = try #require(byFile["truncated.xml"])
        #expect(truncated.kind == .malformedXML)
        #expect((truncated.location.line, truncated.location.column) == (168, 19))
        #expect(truncated.message.hasPrefix("Couldn't find end of Start Tag TenderSubm"))
        let mismatched = try #require(byFile["mismatched-tags.xml"])
        #expect((mismatched.location.line, mismatched.location.column) == (39, 49))
        #expect(mismatched.message == "Opening and ending tag mismatch: IssueDate line 39 and IssueTime")
        let missing = try #require(byFile["missing-procedure-id.xml"])
        #expect(missing.kind == .invalidNotice)
        #expect(missing.location.line == 158)
        #expect(missing.location.column != nil)
        let page = try #require(byFile["not-a-notice.xml"])
        #expect(page.kind == .unsupportedDocument)
        let doctype = try #require(byFile["doctype-entity.xml"])
        #expect(doctype.location.line == 2)
        #expect(doctype.message.contains("DOCTYPE"))
        #expect(byFile["empty.xml"]?.message == "empty file: no XML in it")
    }

    @Test func aBadFileNeverLosesTheRestOfTheBatch() {
        let output = ExtractJob(paths: [TestPaths.fixture("invalid"), TestPaths.fixture("eforms")], jobs: 2).run()
        #expect(output.errors.count == 6)
        #expect(output.procedures.count == 10)
        #expect(output.procedures.map(\.id) == Self.output.procedures.map(\.id))
    }
}

@Suite("Awarded value")
struct AwardedValueTests {
    @Test func sumsWinnersAndPropagatesWithheldAndUnknown() throws {
        let procedures = FixtureTests.output.procedures
        let multiLot = try #require(procedures.first { $0.id == "3c4fe992-24f5-4158-8054-09b91c7b7941" })
        #expect(multiLot.lots[0].result?.awardedValue.value?.value.description == "548000.00")
        #expect(multiLot.lots[2].result?.awardedValue == .unknown) // no winner
        let withheld = try #require(procedures.first { $0.id == "6b4fe3ca-b47b-4308-b524-9c380d348831" })
        #expect(withheld.lots[0].result?.awardedValue.isWithheld == true)

        var result = LotResult()
        for (id, amount, currency) in [("A", "100.10", "EUR"), ("B", "0.9", "EUR")] {
            var tender = Tender(id: id)
            tender.amount = .known(Amount(value: DecimalNumber(amount)!, currency: currency))
            tender.isWinner = true
            result.tenders.append(tender)
        }
        #expect(result.awardedValue.value?.value.description == "101.00")
        result.tenders[1].amount = .known(Amount(value: DecimalNumber("5")!, currency: "GBP"))
        #expect(result.awardedValue == .unknown)
    }
}
