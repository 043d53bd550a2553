import Testing
import TenderAssembly
import TenderModel

/// Builds small notices directly in the model.
private func notice(_ id: String, procedure: String = "P-1", type: String, form: String, dispatched: String,
                    version: String = "01", file: String? = nil, _ configure: (inout Notice) -> Void = { _ in })
    -> Notice {
    var notice = Notice(source: NoticeSource(file: file ?? "\(id).xml", format: .eForms), id: id, procedureId: procedure)
    notice.noticeType = type
    notice.formType = form
    notice.version = version
    notice.dispatchDate = CalendarDate(dispatched)
    configure(&notice)
    return notice
}

private func lot(_ id: String, deadline: String? = nil, estimate: String? = nil) -> Lot {
    var lot = Lot(id: id, kind: .lot)
    lot.submissionDeadline = deadline.flatMap(CalendarDate.init).map { DateTime(date: $0) }
    lot.estimatedValue = estimate.map { Amount(value: DecimalNumber($0)!, currency: "EUR") }
    return lot
}

private func result(lot: String, tenders: Int) -> LotResult {
    var result = LotResult()
    result.lotId = lot
    result.resultCode = .known("selec-w")
    result.statistics = [SubmissionStatistic(code: "tenders", count: .known(tenders))]
    return result
}

private func buyer(_ localId: String, name: String, nationalId: String?) -> Buyer {
    var organization = Organization(localId: localId)
    organization.name = name
    organization.nationalId = nationalId
    organization.country = "FRA"
    organization.town = "Lyon"
    return Buyer(organization: organization, legalType: "ra")
}

private let contractNotice = notice("CN", type: "cn-standard", form: "competition", dispatched: "2024-01-10") {
    $0.procedure.title = "Cleaning"
    $0.procedure.procedureType = .known("open")
    $0.procedure.estimatedValue = Amount(value: DecimalNumber("100000")!, currency: "EUR")
    $0.lots = [lot("LOT-0001", deadline: "2024-02-20", estimate: "60000"), lot("LOT-0002", deadline: "2024-02-20")]
    $0.buyers = [buyer("ORG-0001", name: "Ville de Lyon", nationalId: "213 690 123")]
}

private let correction = notice("CHG", type: "cn-standard", form: "competition", dispatched: "2024-01-25") {
    $0.change = NoticeChange(changedNotice: "CN-01", reasonCode: "update-add")
    $0.procedure.title = "Cleaning services"
    $0.procedure.procedureType = .known("open")
    $0.lots = [lot("LOT-0001", deadline: "2024-03-05", estimate: "60000"), lot("LOT-0002", deadline: "2024-02-15")]
    $0.buyers = [buyer("ORG-0001", name: "Ville de Lyon", nationalId: "213 690 123")]
}

private let awardNotice = notice("CAN", type: "can-standard", form: "result", dispatched: "2024-04-02") {
    $0.procedure.procedureType = .known("open")
    // The award notice restates a different estimate: the call's is the one bids were made against.
    $0.procedure.estimatedValue = Amount(value: DecimalNumber("99000")!, currency: "EUR")
    $0.lots = [lot("LOT-0001", estimate: "98000")]
    $0.buyers = [buyer("ORG-0003", name: "VILLE DE LYON", nationalId: "FR-213690123")]
    var results = NoticeResult()
    results.lotResults = [result(lot: "LOT-0001", tenders: 1), result(lot: "LOT-0002", tenders: 4)]
    $0.result = results
}

@Suite("Procedure assembly")
struct AssemblyTests {
    @Test func joinsNoticesByProcedureIdInTimelineOrder() throws {
        let procedures = ProcedureAssembler.assemble([awardNotice, correction, contractNotice])
        let procedure = try #require(procedures.first)
        #expect(procedures.count == 1)
        #expect(procedure.notices.map(\.id) == ["CN", "CHG", "CAN"])
        #expect(procedure.notices.map(\.phase) == [.competition, .competition, .result])
        #expect(procedure.notices[0].supersededBy == "CHG")
        #expect(procedure.notices[1].supersededBy == nil)
        #expect(procedure.title == "Cleaning services")
    }

    @Test func resultDoesNotDependOnInputOrder() {
        let notices = [contractNotice, correction, awardNotice]
        let expected = ProcedureAssembler.assemble(notices)
        for permutation in [[2, 1, 0], [1, 2, 0], [0, 2, 1], [2, 0, 1], [1, 0, 2]] {
            #expect(ProcedureAssembler.assemble(permutation.map { notices[$0] }) == expected)
        }
    }

    @Test func deadlinesComeFromTheLatestCallAndEveryMoveIsKept() throws {
        let procedure = try #require(ProcedureAssembler.assemble([contractNotice, correction, awardNotice]).first)
        let first = try #require(procedure.lots.first { $0.id == "LOT-0001" })
        #expect(first.call?.submissionDeadline?.date == CalendarDate("2024-03-05"))
        #expect(first.callNotice == "CHG")
        #expect(first.deadlineHistory.map(\.notice) == ["CN", "CHG"])
        #expect(first.deadlineHistory.map(\.change) == [nil, .later])
        let second = try #require(procedure.lots.first { $0.id == "LOT-0002" })
        #expect(second.deadlineHistory.map(\.change) == [nil, .earlier])
        #expect(second.call?.submissionDeadline?.date == CalendarDate("2024-02-15"))
    }

    @Test func estimatesComeFromTheCallNotTheAwardNotice() throws {
        let procedure = try #require(ProcedureAssembler.assemble([contractNotice, awardNotice]).first)
        #expect(procedure.estimatedValue?.value == DecimalNumber("100000"))
        #expect(procedure.lots.first { $0.id == "LOT-0001" }?.call?.estimatedValue?.value == DecimalNumber("60000"))
    }

    @Test func resultsComeFromTheLatestAwardNoticePerLot() throws {
        let lateAward = notice("CAN2", type: "can-standard", form: "result", dispatched: "2024-06-01") {
            var results = NoticeResult()
            results.lotResults = [result(lot: "LOT-0002", tenders: 5)]
            $0.result = results
        }
        let procedure = try #require(ProcedureAssembler.assemble([contractNotice, awardNotice, lateAward]).first)
        let first = try #require(procedure.lots.first { $0.id == "LOT-0001" })
        let second = try #require(procedure.lots.first { $0.id == "LOT-0002" })
        #expect(first.resultNotice == "CAN")
        #expect(first.tendersReceived?.count == .known(1))
        #expect(second.resultNotice == "CAN2")
        #expect(second.tendersReceived?.count == .known(5))
    }

    @Test func anAwardNoticeAloneIsAProcedure() throws {
        let veat = notice("VEAT", procedure: "P-2", type: "veat", form: "dir-awa-pre", dispatched: "2024-05-01") {
            $0.procedure.procedureType = .known("neg-wo-call")
            $0.procedure.directAwardJustification = .known("urgency")
            $0.lots = [lot("LOT-0000")]
            var results = NoticeResult()
            results.lotResults = [result(lot: "LOT-0000", tenders: 1)]
            $0.result = results
        }
        let procedure = try #require(ProcedureAssembler.assemble([veat]).first)
        #expect(procedure.id == "P-2")
        #expect(procedure.notices.map(\.phase) == [.result])
        #expect(procedure.directAwardJustification == .known("urgency"))
        #expect(procedure.lots.map(\.id) == ["LOT-0000"])
        #expect(procedure.lots[0].callNotice == "VEAT")
        #expect(procedure.lots[0].deadlineHistory.isEmpty)
    }

    @Test func theSameBuyerUnderDifferentLocalIdsHasOneKey() throws {
        let procedure = try #require(ProcedureAssembler.assemble([contractNotice, awardNotice]).first)
        let callBuyer = contractNotice.buyers[0].organization.key
        let awardBuyer = try #require(procedure.buyers.first).organization.key
        #expect(callBuyer == awardBuyer)
        #expect(awardBuyer.source == .nationalId)
    }

    @Test func duplicatesAreDroppedWithAWarningAndHigherVersionsWin() throws {
        let copy = notice("CN", type: "cn-standard", form: "competition", dispatched: "2024-01-10", file: "copy/CN.xml") {
            $0 = contractNotice
            $0.source.file = "copy/CN.xml"
        }
        let newer = notice("CN", type: "cn-standard", form: "competition", dispatched: "2024-01-11", version: "02") {
            $0.lots = [lot("LOT-0001", deadline: "2024-03-01")]
        }
        let procedure = try #require(ProcedureAssembler.assemble([contractNotice, copy, newer]).first)
        #expect(procedure.notices.count == 1)
        #expect(procedure.notices[0].version == "02")
        #expect(procedure.warnings.filter { $0.kind == .duplicate }.count == 2)
        #expect(procedure.warnings.contains { $0.message.contains("superseded by version 02") })
    }

    @Test func changeNoticeOfTypeCorrTakesThePhaseOfWhatItChanges() throws {
        let corr = notice("CORR", type: "corr", form: "change", dispatched: "2024-01-20") {
            $0.change = NoticeChange(changedNotice: "CN-01")
            $0.lots = [lot("LOT-0001", deadline: "2024-01-30")]
        }
        let procedure = try #require(ProcedureAssembler.assemble([contractNotice, corr]).first)
        #expect(procedure.notices.map(\.phase) == [.competition, .competition])
        let first = try #require(procedure.lots.first { $0.id == "LOT-0001" })
        #expect(first.deadlineHistory.map(\.change) == [nil, .earlier])
    }

    @Test func proceduresAreSortedById() {
        let other = notice("X", procedure: "A-0", type: "cn-standard", form: "competition", dispatched: "2024-01-01")
        #expect(ProcedureAssembler.assemble([contractNotice, other]).map(\.id) == ["A-0", "P-1"])
    }
}

@Suite("Timeline edge cases (review findings)")
struct TimelineEdgeCaseTests {
    @Test func anOriginalPrecedesItsChangeEvenAgainstTheIdOrder() {
        // a changes c; all three on one date: id order alone would put a first.
        let c = notice("c", type: "cn-standard", form: "competition", dispatched: "2024-02-01")
        let b = notice("b", type: "cn-standard", form: "competition", dispatched: "2024-02-01") {
            $0.change = NoticeChange(changedNotice: "zzz")
        }
        let a = notice("a", type: "cn-standard", form: "competition", dispatched: "2024-02-01") {
            $0.change = NoticeChange(changedNotice: "c-01")
        }
        for order in [[a, b, c], [c, b, a], [b, a, c]] {
            let ids = ProcedureAssembler.assemble(order)[0].notices.map(\.id)
            #expect(ids.firstIndex(of: "c")! < ids.firstIndex(of: "a")!, "\(ids)")
            #expect(ids == ProcedureAssembler.assemble([a, b, c])[0].notices.map(\.id))
        }
    }

    @Test func mutualChangesDoNotHang() {
        let x = notice("x", type: "cn-standard", form: "competition", dispatched: "2024-02-01") {
            $0.change = NoticeChange(changedNotice: "y")
        }
        let y = notice("y", type: "cn-standard", form: "competition", dispatched: "2024-02-01") {
            $0.change = NoticeChange(changedNotice: "x")
        }
        #expect(ProcedureAssembler.assemble([y, x])[0].notices.map(\.id) == ["x", "y"])
    }

    @Test func versionsAreComparedAsNumbers() {
        let first = notice("X", type: "cn-standard", form: "competition", dispatched: "2024-02-01", version: "01",
                           file: "a.xml")
        let same = notice("X", type: "cn-standard", form: "competition", dispatched: "2024-02-01", version: "1",
                          file: "b.xml")
        let procedure = ProcedureAssembler.assemble([first, same])[0]
        #expect(procedure.notices.map(\.source.file) == ["a.xml"])
        #expect(procedure.warnings.map(\.message) == ["notice X is also in a.xml; this copy is ignored"])
    }

    @Test func aChainOfChangesKeepsThePhaseOfTheOriginal() {
        let pin = notice("PIN", type: "pin-only", form: "planning", dispatched: "2024-01-01")
        let first = notice("C1", type: "corr", form: "change", dispatched: "2024-01-10") {
            $0.change = NoticeChange(changedNotice: "PIN")
        }
        let second = notice("C2", type: "corr", form: "change", dispatched: "2024-01-20") {
            $0.change = NoticeChange(changedNotice: "C1")
        }
        let phases = ProcedureAssembler.assemble([second, first, pin])[0].notices.map(\.phase)
        #expect(phases == [.planning, .planning, .planning])
    }

    @Test(arguments: [
        ("12:00:00+01:00", nil as String?, nil as DeadlineChange?),      // time dropped: cannot tell
        ("12:00:00+01:00", "13:00:00+02:00", nil),                        // the same instant
        ("12:00:00+01:00", "11:30:00Z", .later),                          // 11:00Z → 11:30Z
        ("12:00:00+01:00", "10:30:00Z", .earlier),
        ("12:00:00", "11:00:00", .earlier),                               // no offsets: by the clock
        ("12:00:00", "12:00:00Z", nil),                                   // one offset only
    ])
    func deadlineMovesOnTheSameDay(before: String, after: String?, expected: DeadlineChange?) throws {
        func deadline(_ time: String?) -> Lot {
            var lot = Lot(id: "LOT-0001", kind: .lot)
            lot.submissionDeadline = DateTime(date: CalendarDate("2025-02-01")!, time: time.flatMap(TimeOfDay.init))
            return lot
        }
        let call = notice("CN", type: "cn-standard", form: "competition", dispatched: "2025-01-01") {
            $0.lots = [deadline(before)]
        }
        let change = notice("CHG", type: "cn-standard", form: "competition", dispatched: "2025-01-10") {
            $0.change = NoticeChange(changedNotice: "CN-01")
            $0.lots = [deadline(after)]
        }
        let lot = try #require(ProcedureAssembler.assemble([call, change])[0].lots.first)
        #expect(lot.deadlineHistory.map(\.change) == [nil, expected])
    }
}
