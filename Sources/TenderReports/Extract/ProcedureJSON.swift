import TenderModel

/// Writes a ``Procedure`` in the `extract` contract (docs/extract-format.md): every key
/// present, unknown as null, withheld as `{"withheld": true}`.
public enum ProcedureJSON {
    public static func write(_ procedure: Procedure, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", procedure.id)
        json.field("title", procedure.title)
        json.field("internalReference", procedure.internalReference)
        json.field("procedureType", reported: procedure.procedureType)
        json.field("accelerated", reported: procedure.accelerated)
        json.field("acceleratedJustification", procedure.acceleratedJustification)
        json.key("directAwardJustification")
        if procedure.directAwardJustification.isUnknown, procedure.directAwardText.isUnknown {
            json.null()
        } else {
            json.beginObject()
            json.field("code", reported: procedure.directAwardJustification)
            json.field("text", reported: procedure.directAwardText)
            json.endObject()
        }
        json.field("nature", procedure.nature)
        json.field("mainCpv", procedure.mainCpv)
        json.field("additionalCpvs", strings: procedure.additionalCpvs)
        json.field("legalBasis", procedure.legalBasis)
        json.field("estimatedValue", amount: procedure.estimatedValue)
        json.field("frameworkMaximum", amount: procedure.frameworkMaximum)
        json.field("noticeValue", reported: procedure.noticeValue)

        json.key("buyers")
        json.beginArray()
        for buyer in procedure.buyers {
            json.beginObject()
            json.organizationFields(buyer.organization)
            json.field("legalType", buyer.legalType)
            json.field("activity", buyer.activity)
            json.endObject()
        }
        json.endArray()

        json.key("notices")
        json.beginArray()
        for notice in procedure.notices { write(notice, to: &json) }
        json.endArray()

        json.key("lots")
        json.beginArray()
        for lot in procedure.lots { write(lot, to: &json) }
        json.endArray()

        json.key("modifications")
        json.beginArray()
        for record in procedure.modifications {
            let modification = record.modification
            json.beginObject()
            json.field("notice", record.notice)
            json.field("modifiedNotice", modification.modifiedNotice)
            json.field("modifiedContract", modification.modifiedContract)
            json.field("reasonCode", modification.reasonCode)
            json.field("reasonDescription", modification.reasonDescription)
            json.field("description", modification.description)
            json.endObject()
        }
        json.endArray()

        json.key("warnings")
        json.beginArray()
        for warning in procedure.warnings { json.diagnostic(warning) }
        json.endArray()
        json.endObject()
    }

    private static func write(_ notice: NoticeRecord, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", notice.id)
        json.field("version", notice.version)
        json.field("publicationId", notice.publicationId)
        json.field("noticeType", notice.noticeType)
        json.field("formType", notice.formType)
        json.field("subtype", notice.subtype)
        json.field("phase", notice.phase.rawValue)
        json.field("dispatchDate", date: notice.dispatchDate)
        json.field("publicationDate", date: notice.publicationDate)
        json.field("language", notice.language)
        json.field("sdkVersion", notice.source.formatVersion)
        json.field("legalBasis", notice.legalBasis)
        json.field("file", notice.source.file)
        json.field("previousNotices", strings: notice.previousNotices)
        json.key("changes")
        if let change = notice.change {
            json.beginObject()
            json.field("changedNotice", change.changedNotice)
            json.field("reasonCode", change.reasonCode)
            json.field("reasonDescription", change.reasonDescription)
            json.key("items")
            json.beginArray()
            for item in change.items {
                json.beginObject()
                json.field("description", item.description)
                json.field("sections", strings: item.sections)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        } else {
            json.null()
        }
        json.field("supersededBy", notice.supersededBy)
        json.endObject()
    }

    private static func write(_ lot: ProcedureLot, to json: inout JSONWriter) {
        let call = lot.call
        let result = lot.result
        json.beginObject()
        json.field("id", lot.id)
        json.field("kind", lot.kind.rawValue)
        json.field("title", call?.title)
        json.field("nature", call?.nature)
        json.field("mainCpv", call?.mainCpv)
        json.field("additionalCpvs", strings: call?.additionalCpvs ?? [])
        json.field("memberLots", strings: call?.memberLots ?? [])
        json.field("estimatedValue", amount: call?.estimatedValue)
        json.field("frameworkMaximum", amount: call?.frameworkMaximum)
        json.field("submissionDeadline", date: call?.submissionDeadline?.date)
        json.field("submissionDeadlineTime", time: call?.submissionDeadline?.time)
        json.field("requestsDeadline", date: call?.requestsDeadline?.date)
        json.field("requestsDeadlineTime", time: call?.requestsDeadline?.time)
        json.field("openingDate", date: call?.opening?.date)
        json.field("openingTime", time: call?.opening?.time)
        json.key("deadlineHistory")
        json.beginArray()
        for record in lot.deadlineHistory {
            json.beginObject()
            json.field("notice", record.notice)
            json.field("dispatchDate", date: record.dispatchDate)
            json.field("submissionDeadline", date: record.submissionDeadline?.date)
            json.field("submissionDeadlineTime", time: record.submissionDeadline?.time)
            json.field("requestsDeadline", date: record.requestsDeadline?.date)
            json.field("requestsDeadlineTime", time: record.requestsDeadline?.time)
            json.field("change", record.change?.rawValue)
            json.endObject()
        }
        json.endArray()
        json.field("eSubmission", call?.electronicSubmission)
        json.field("eAuction", call?.electronicAuction)
        json.field("frameworkAgreement", call?.frameworkAgreement)
        json.field("dps", call?.dynamicPurchasingSystem)
        json.field("callNotice", lot.callNotice)
        json.field("resultNotice", lot.resultNotice)

        json.field("resultCode", reported: result?.resultCode ?? .unknown)
        json.field("nonAwardReason", reported: result?.nonAwardReason ?? .unknown)
        let received = lot.tendersReceived
        json.field("tendersReceived", reported: received?.count ?? .unknown)
        json.field("tendersReceivedSource", received?.source.rawValue)
        json.field("tendersReceivedAtLeast", result?.tendersReceivedLowerBound)
        json.key("statistics")
        json.beginObject()
        for statistic in result?.statistics ?? [] { json.field(statistic.code, reported: statistic.count) }
        json.endObject()
        json.field("awardedValue", reported: result?.awardedValue ?? .unknown)
        json.field("lowestTender", reported: result?.lowestTender ?? .unknown)
        json.field("highestTender", reported: result?.highestTender ?? .unknown)
        json.key("frameworkValues")
        if let result, !result.frameworkMaximum.isUnknown || !result.frameworkReestimated.isUnknown {
            json.beginObject()
            json.field("maximum", reported: result.frameworkMaximum)
            json.field("reestimated", reported: result.frameworkReestimated)
            json.endObject()
        } else {
            json.null()
        }

        json.key("tenders")
        json.beginArray()
        for tender in result?.tenders ?? [] { write(tender, to: &json) }
        json.endArray()

        json.key("contracts")
        json.beginArray()
        for contract in result?.contracts ?? [] {
            json.beginObject()
            json.field("id", contract.id)
            json.field("reference", contract.reference)
            json.field("title", contract.title)
            json.field("awardDate", date: contract.awardDate)
            json.field("conclusionDate", date: contract.conclusionDate)
            json.field("tenders", strings: contract.tenderIds)
            json.field("framework", contract.isFramework)
            json.endObject()
        }
        json.endArray()
        json.field("awardDate", date: lot.awardDate)
        json.field("conclusionDate", date: lot.conclusionDate)
        json.endObject()
    }

    private static func write(_ tender: Tender, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", tender.id)
        json.field("reference", tender.reference)
        json.field("amount", reported: tender.amount)
        json.field("rank", reported: tender.rank)
        json.field("winner", tender.isWinner)
        json.field("variant", tender.isVariant)
        json.key("tenderingParty")
        if let party = tender.party {
            json.beginObject()
            json.field("id", party.id)
            json.field("name", party.name)
            json.field("group", party.isGroup)
            json.endObject()
        } else {
            json.null()
        }
        json.key("tenderers")
        json.beginArray()
        for tenderer in tender.tenderers {
            json.beginObject()
            json.organizationFields(tenderer.organization)
            json.field("size", tenderer.organization.size)
            json.field("leader", tenderer.isLeader)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
