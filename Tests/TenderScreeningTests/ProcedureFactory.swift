import TenderModel
import TenderScreening

/// Builds procedures directly in the model, so each indicator test states only the facts
/// it is about. Defaults describe an unremarkable open services procedure.
struct ProcedureFactory {
    var id = "P-1"
    var procedureType: Reported<String> = .known("open")
    var legalBasis: String? = "32014L0024"
    var accelerated: Reported<Bool> = .known(false)
    var nature: String? = "services"
    var buyerLegalType: String? = "ra"
    /// The buyer's national id (BT-501) and country: its organisation key is `FRA/<id>`.
    var buyer = "123"
    var buyerCountry: String? = "FRA"
    /// BT-262 of the procedure (lots without their own CPV inherit it).
    var cpv: String? = "45233000"
    var estimate: String? = "100000"
    var noticeType = "cn-standard"
    var dispatched: String? = "2024-03-01"
    var justification: Reported<String> = .unknown
    var veat = false
    var withCallNotice = true
    var lots: [LotFactory] = [LotFactory()]

    func build() -> Procedure {
        var procedure = Procedure(id: id)
        procedure.procedureType = procedureType
        procedure.legalBasis = legalBasis
        procedure.accelerated = accelerated
        procedure.nature = nature
        procedure.estimatedValue = estimate.map(eur)
        procedure.directAwardJustification = justification
        var organization = Organization(localId: "ORG-0001")
        organization.name = "Buyer " + buyer
        organization.nationalId = buyer
        organization.country = buyerCountry
        procedure.mainCpv = cpv
        procedure.buyers = [Buyer(organization: organization, legalType: buyerLegalType)]
        if withCallNotice {
            var call = Notice(source: NoticeSource(file: "cn.xml", format: .eForms), id: "CN", procedureId: id)
            call.noticeType = noticeType
            call.formType = "competition"
            call.dispatchDate = dispatched.flatMap(CalendarDate.init)
            procedure.notices.append(NoticeRecord(notice: call, phase: .competition))
        }
        var award = Notice(source: NoticeSource(file: "can.xml", format: .eForms), id: "CAN", procedureId: id)
        award.noticeType = veat ? "veat" : "can-standard"
        award.formType = veat ? "dir-awa-pre" : "result"
        procedure.notices.append(NoticeRecord(notice: award, phase: .result))
        procedure.lots = lots.map { $0.build(dispatched: withCallNotice ? dispatched : nil) }
        return procedure
    }
}

struct LotFactory {
    var id = "LOT-0001"
    var kind = LotKind.lot
    var estimate: String? = nil
    /// BT-262 of the lot; `nil`: the procedure's.
    var cpv: String? = nil
    var deadline: String? = "2024-04-05"
    var requestsDeadline: String? = nil
    var eSubmission: String? = "required"
    var previousNotices: [String] = []
    var dps: String? = "none"
    /// Earlier deadlines stated by earlier notices, oldest first (the current one is `deadline`).
    var earlierDeadlines: [String] = []
    var withResult = true
    var resultCode: Reported<String> = .known("selec-w")
    var nonAwardReason: Reported<String> = .unknown
    var tendersStatistic: Reported<Int>? = .known(3)
    var otherStatistics: [SubmissionStatistic] = []
    /// Tenders: (amount, company); the first is the winner unless `winnerIndex` says otherwise.
    var tenders: [(String?, String)] = [("90000", "Alpha")]
    var winnerIndex: Int? = 0
    var awardDate: String? = "2024-05-10"
    var conclusionDate: String? = "2024-05-28"

    func build(dispatched: String?) -> ProcedureLot {
        var lot = ProcedureLot(id: id, kind: kind)
        var call = Lot(id: id, kind: kind)
        call.estimatedValue = estimate.map(eur)
        call.mainCpv = cpv
        call.submissionDeadline = deadline.flatMap(CalendarDate.init).map { DateTime(date: $0) }
        call.requestsDeadline = requestsDeadline.flatMap(CalendarDate.init).map { DateTime(date: $0) }
        call.electronicSubmission = eSubmission
        call.previousNotices = previousNotices
        call.dynamicPurchasingSystem = dps
        lot.call = call
        lot.callNotice = "CN"
        var history: [DeadlineRecord] = []
        let stated = earlierDeadlines + [requestsDeadline ?? deadline].compactMap { $0 }
        for (index, date) in stated.enumerated() {
            let when = DateTime(date: CalendarDate(date)!)
            var record = DeadlineRecord(notice: index == 0 ? "CN" : "CHG-\(index)",
                                        dispatchDate: dispatched.flatMap(CalendarDate.init)?.adding(days: index * 5),
                                        submissionDeadline: requestsDeadline == nil ? when : nil,
                                        requestsDeadline: requestsDeadline == nil ? nil : when)
            if let previous = history.last?.governingDeadline, previous != when {
                record.change = when < previous ? .earlier : .later
            }
            history.append(record)
        }
        if dispatched != nil { lot.deadlineHistory = history }
        guard withResult else { return lot }
        var result = LotResult()
        result.lotId = id
        result.resultCode = resultCode
        result.nonAwardReason = nonAwardReason
        if let tendersStatistic { result.statistics.append(SubmissionStatistic(code: "tenders", count: tendersStatistic)) }
        result.statistics += otherStatistics
        for (index, (amount, company)) in tenders.enumerated() {
            var tender = Tender(id: "TEN-\(index + 1)")
            tender.lotId = id
            tender.amount = amount.map { .known(eur($0)) } ?? .unknown
            var organization = Organization(localId: "ORG-\(company)")
            organization.name = company
            organization.nationalId = "ID-\(company)"
            organization.country = "FRA"
            tender.party = TenderingParty(id: "TPA-\(index + 1)", tenderers: [Tenderer(organization: organization)])
            tender.isWinner = index == winnerIndex
            result.tenders.append(tender)
        }
        if let winnerIndex, winnerIndex < tenders.count {
            var contract = Contract(id: "CON-1")
            contract.awardDate = awardDate.flatMap(CalendarDate.init)
            contract.conclusionDate = conclusionDate.flatMap(CalendarDate.init)
            contract.tenderIds = ["TEN-\(winnerIndex + 1)"]
            result.contracts = [contract]
        }
        lot.result = result
        lot.resultNotice = "CAN"
        return lot
    }
}

func eur(_ text: String) -> Amount {
    Amount(value: DecimalNumber(text)!, currency: "EUR")
}

/// Evaluates one indicator over procedures (population folded over all of them).
func findings<I: Indicator>(_ type: I.Type, _ procedures: [Procedure], settings: ScreeningSettings = .standard)
    -> [[Finding]] {
    let indicator = I(settings: settings)
    var population = indicator.makePopulation()
    for procedure in procedures { indicator.observe(procedure, into: &population) }
    let summary = population.finalize()
    return procedures.map { indicator.evaluate($0, population: summary) }
}

/// Evaluates one indicator with its population folded in `parts` contiguous partial states
/// merged in order, as the engine does with several threads: must equal ``findings(_:_:settings:)``.
func findingsMerged<I: Indicator>(_ type: I.Type, _ procedures: [Procedure], parts: Int,
                                  settings: ScreeningSettings = .standard) -> [[Finding]] {
    let indicator = I(settings: settings)
    var population = indicator.makePopulation()
    for part in 0..<parts {
        var partial = indicator.makePopulation()
        for index in procedures.count * part / parts..<procedures.count * (part + 1) / parts {
            indicator.observe(procedures[index], into: &partial)
        }
        population.merge(partial)
    }
    let summary = population.finalize()
    return procedures.map { indicator.evaluate($0, population: summary) }
}

func findings<I: Indicator>(_ type: I.Type, _ procedure: Procedure, settings: ScreeningSettings = .standard)
    -> [Finding] where I.Population == NoPopulation {
    findings(type, [procedure], settings: settings)[0]
}

extension Finding {
    var isInsufficient: Bool {
        if case .insufficientData = status { return true }
        return false
    }

    var isNotApplicable: Bool {
        if case .notApplicable = status { return true }
        return false
    }

    var missing: [String] {
        if case .insufficientData(let missing) = status { return missing }
        return []
    }
}
